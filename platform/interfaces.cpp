// Building the -D list the way libpcap 1.10's pcap_findalldevs() does on Linux.
#include "platform/interfaces.hpp"

#include <ifaddrs.h>
#include <net/if.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstring>

#include "platform/interface_status.hpp"
#include "platform/unique_fd.hpp"

namespace rawdump::platform {

namespace {

Interface pseudo_device(const char* name, const char* description) {
    Interface device;
    device.name = name;
    device.description = description;
    device.status = ConnectionStatus::NotApplicable;
    return device;
}

// getifaddrs() lists the AF_PACKET entry of every interface first, in ifindex order; the
// first appearance of a name fixes its place, as in libpcap.
std::vector<Interface> network_interfaces() {
    std::vector<Interface> found;
    ifaddrs* list = nullptr;
    if (::getifaddrs(&list) != 0) return found;
    for (const ifaddrs* entry = list; entry != nullptr; entry = entry->ifa_next) {
        const std::string name = entry->ifa_name;
        const bool seen = std::any_of(found.begin(), found.end(),
                                      [&name](const Interface& known) { return known.name == name; });
        if (seen) continue;
        Interface interface;
        interface.name = name;
        interface.index = ::if_nametoindex(entry->ifa_name);
        interface.flags = entry->ifa_flags;
        interface.loopback = (entry->ifa_flags & IFF_LOOPBACK) != 0;
        interface.up = (entry->ifa_flags & IFF_UP) != 0;
        interface.running = (entry->ifa_flags & IFF_RUNNING) != 0;
        probe_interface_status(interface);
        found.push_back(std::move(interface));
    }
    ::freeifaddrs(list);
    return found;
}

}  // namespace

unsigned figure_of_merit(const Interface& interface) noexcept {
    // libpcap 1.10 get_figure_of_merit(): lower is better; no unit numbers, ties keep the
    // order in which the interfaces were found.
    unsigned merit = 0;
    if (!interface.running) merit |= 0x80000000u;
    if (!interface.up) merit |= 0x40000000u;
    if (!interface.wireless && interface.status == ConnectionStatus::Disconnected) merit |= 0x20000000u;
    if (interface.loopback) merit |= 0x10000000u;
    if (interface.name == "any") merit |= 0x08000000u;
    return merit;
}

std::vector<Interface> list_interfaces() {
    std::vector<Interface> devices = network_interfaces();

    Interface any = pseudo_device("any", "Pseudo-device that captures on all interfaces");
    any.up = true;
    any.running = true;
    devices.push_back(std::move(any));

    // libpcap also lists its other capture sources (bluetooth-monitor, usbmonN, nflog,
    // nfqueue, dbus-system, dbus-session), which are not network devices and which rawdump
    // cannot open: they are left out, so every entry here can be captured on.

    std::stable_sort(devices.begin(), devices.end(), [](const Interface& a, const Interface& b) {
        return figure_of_merit(a) < figure_of_merit(b);
    });
    return devices;
}

std::optional<std::string> default_interface() {
    // tcpdump 4.99 takes the first entry of pcap_findalldevs().
    const auto devices = list_interfaces();
    if (devices.empty()) return std::nullopt;
    return devices.front().name;
}

}  // namespace rawdump::platform
