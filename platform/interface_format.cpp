// tcpdump's show_devices_and_exit(), reproduced byte for byte.
#include <fmt/format.h>

#include "platform/interfaces.hpp"

namespace rawdump::platform {

namespace {

std::string status_text(const Interface& interface) {
    switch (interface.status) {
        case ConnectionStatus::Unknown:
            return interface.wireless ? ", Association status unknown" : ", Connection status unknown";
        case ConnectionStatus::Connected:
            return interface.wireless ? ", Associated" : ", Connected";
        case ConnectionStatus::Disconnected:
            return interface.wireless ? ", Not associated" : ", Disconnected";
        case ConnectionStatus::NotApplicable:
            return {};
    }
    return {};
}

}  // namespace

std::string format_interface_list(const std::vector<Interface>& interfaces) {
    std::string out;
    unsigned number = 0;
    for (const auto& interface : interfaces) {
        out += fmt::format("{}.{}", ++number, interface.name);
        if (!interface.description.empty()) out += fmt::format(" ({})", interface.description);
        // libpcap's flags word is 0 only with no Up/Running/Loopback/Wireless bit and an
        // "unknown" (= 0) connection status; tcpdump then prints no brackets at all.
        const bool any_flag = interface.up || interface.running || interface.loopback ||
                              interface.wireless || interface.status != ConnectionStatus::Unknown;
        if (any_flag) {
            std::string flags;
            auto add = [&flags](const char* word) {
                if (!flags.empty()) flags += ", ";
                flags += word;
            };
            if (interface.up) add("Up");
            if (interface.running) add("Running");
            if (interface.loopback) add("Loopback");
            if (interface.wireless) add("Wireless");
            if (flags.empty()) flags = "none";  // bittok2str's default text
            out += " [" + flags + status_text(interface) + "]";
        }
        out += '\n';
    }
    return out;
}

}  // namespace rawdump::platform
