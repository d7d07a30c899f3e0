#include "src/cli/live_device.hpp"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>

#include <fmt/format.h>

#include "src/core/link_type.hpp"
#include "platform/interfaces.hpp"
#include "platform/packet_socket.hpp"
#include "platform/time_stamp_types.hpp"
#include "src/cli/filter_setup.hpp"

namespace rawdump::cli {
namespace {

std::string link_type_name(LinkType type) {
    if (const auto* entry = platform::linux_link_type_name(type)) return std::string(entry->name);
    if (const auto* entry = find_link_type(type)) return std::string(entry->name);
    return fmt::format("DLT {}", link_type_number(type));
}

// tcpdump's parse_interface_number(): an all-digit name (after any "scheme://host/") is an
// index; 0 or less is refused. nullopt: not a number.
std::optional<long> interface_number(const std::string& device, bool& invalid) {
    const char* text = device.c_str();
    if (const char* colon = std::strchr(text, ':'); colon != nullptr && std::strncmp(colon + 1, "//", 2) == 0)
        if (const char* slash = std::strchr(colon + 3, '/')) text = slash + 1;
    char* end = nullptr;
    errno = 0;
    const long number = std::strtol(text, &end, 10);
    if (end == text || *end != '\0') return std::nullopt;
    if (number <= 0) invalid = true;
    return number;
}

// The -j warning tcpdump prints when the device does not offer the type; tcpdump then goes
// on with host stamps. adapter types the device offers turn hardware stamps on.
void apply_time_stamp_type(const Options& options, const std::string& device) {
    if (!options.time_stamp_type) return;
    const auto offered = platform::time_stamp_types(device);
    if (std::find(offered.begin(), offered.end(), *options.time_stamp_type) == offered.end())
        fmt::print(stderr,
                   "rawdump: WARNING: When trying to set timestamp type '{}' on {}: That type of time stamp "
                   "is not supported by that device\n",
                   *options.time_stamp_type, device);
}

std::string default_device_or_report(const Options& options, bool& found) {
    found = true;
    if (options.interface) return *options.interface;
    if (auto device = platform::default_interface()) return *device;
    fmt::print(stderr, "rawdump: no suitable device found\n");
    found = false;
    return {};
}

}  // namespace

std::optional<LinkType> live_link_type_from_name(const std::string& name) {
    if (auto linux_type = platform::linux_link_type_from_name(name)) return linux_type;
    return link_type_from_name(name);
}

bool known_link_type_name(const std::string& name) { return live_link_type_from_name(name).has_value(); }

std::string live_link_type_label(LinkType link_type) {
    if (const auto* entry = platform::linux_link_type_name(link_type))
        return fmt::format("{} ({})", entry->name, entry->description);
    return link_type_label(link_type);
}

std::optional<LiveDevice> choose_live_device(const Options& options, bool list_link_types, int& status) {
    status = 1;
    bool found = false;
    std::string device = default_device_or_report(options, found);
    if (!found) return std::nullopt;

    // tcpdump asks for LINUX_SLL2 when the name as typed starts with "any" and -y is absent
    // (so "-i 2", even when the second device is "any", stays LINUX_SLL).
    std::optional<LinkType> wanted;
    if (options.link_type_name) wanted = live_link_type_from_name(*options.link_type_name);
    else if (device.starts_with("any")) wanted = LinkType::LinuxSll2;

    apply_time_stamp_type(options, device);
    auto described = platform::describe_device(device, options.monitor_mode);
    if (!described) {
        // Not a device: maybe the number of one in the -D list.
        bool invalid = false;
        const auto number = interface_number(device, invalid);
        if (!number) {
            fmt::print(stderr, "rawdump: {}\n", described.error().one_line());
            return std::nullopt;
        }
        const auto devices = platform::list_interfaces();
        if (invalid || *number > static_cast<long>(devices.size())) {
            fmt::print(stderr, "rawdump: Invalid adapter index\n");
            return std::nullopt;
        }
        device = devices[static_cast<std::size_t>(*number - 1)].name;
        apply_time_stamp_type(options, device);
        described = platform::describe_device(device, options.monitor_mode);
        if (!described) {
            fmt::print(stderr, "rawdump: {}\n", described.error().one_line());
            return std::nullopt;
        }
    }

    LiveDevice chosen{device, *described, described->link_type};
    if (list_link_types) {
        // tcpdump prints both listings on standard error.
        fmt::print(stderr, "Data link types for {} (use option -y to set):\n", device);
        for (const auto type : chosen.types.offered) {
            const auto* entry = platform::linux_link_type_name(type);
            if (entry == nullptr) {
                fmt::print(stderr, "  DLT {} (printing not supported)\n", link_type_number(type));
                continue;
            }
            fmt::print(stderr, "  {} ({}){}\n", entry->name, entry->description,
                       entry->tcpdump_prints ? "" : " (printing not supported)");
        }
        status = 0;
        return std::nullopt;
    }
    if (wanted) {
        const auto& offered = chosen.types.offered;
        if (std::find(offered.begin(), offered.end(), *wanted) == offered.end()) {
            fmt::print(stderr, "rawdump: {} is not one of the DLTs supported by this device\n",
                       link_type_name(*wanted));
            return std::nullopt;
        }
        chosen.link_type = *wanted;
        fmt::print(stderr, "rawdump: data link type {}\n", link_type_name(*wanted));
    }
    status = 0;
    return chosen;
}

int list_time_stamp_types(const Options& options) {
    bool found = false;
    const std::string device = default_device_or_report(options, found);
    if (!found) return 1;
    const std::string listing = platform::format_time_stamp_types(device, platform::time_stamp_types(device));
    std::fwrite(listing.data(), 1, listing.size(), stderr);
    return 0;
}

int list_link_types(const Options& options) {
    int status = 1;
    choose_live_device(options, /*list_link_types=*/true, status);
    return status;
}

}  // namespace rawdump::cli
