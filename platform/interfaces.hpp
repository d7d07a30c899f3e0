// Network interfaces: the -D listing and resolving -i names.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace rawdump::platform {

struct Interface {
    std::string name;
    unsigned index = 0;
    unsigned flags = 0;            // IFF_* flags
    bool loopback = false;
    bool up = false;
    bool running = false;
    bool wireless = false;
    std::string description;       // e.g. "Loopback"; empty when none
};

// All interfaces, in the order tcpdump -D prints them, plus the pseudo-device "any".
std::vector<Interface> list_interfaces();

// The `-D` listing, one line per interface, exactly as tcpdump -D prints it:
//   1.eth0 [Up, Running, Connected]
//   2.any (Pseudo-device that captures on all interfaces) [Up, Running]
//   3.lo [Up, Running, Loopback]
std::string format_interface_list(const std::vector<Interface>& interfaces);

// The interface tcpdump picks when -i is absent: the first up, running, non-loopback one,
// else the first one.
std::optional<std::string> default_interface();

}  // namespace rawdump::platform
