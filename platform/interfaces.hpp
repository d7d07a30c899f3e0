// Network interfaces: the -D listing and resolving -i names.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace rawdump::platform {

// libpcap's PCAP_IF_CONNECTION_STATUS_*: what tcpdump -D appends after the flags.
enum class ConnectionStatus {
    Unknown,        // ", Connection status unknown" / ", Association status unknown"
    Connected,      // ", Connected" / ", Associated"
    Disconnected,   // ", Disconnected" / ", Not associated"
    NotApplicable,  // nothing (loopback, "any", pseudo-devices, no ethtool link state)
};

struct Interface {
    std::string name;
    unsigned index = 0;            // 0 for pseudo-devices ("any", "nflog", ...)
    unsigned flags = 0;            // IFF_* flags
    bool loopback = false;
    bool up = false;
    bool running = false;
    bool wireless = false;
    ConnectionStatus status = ConnectionStatus::Unknown;
    std::string description;       // e.g. "Pseudo-device that captures on all interfaces"; empty when none
};

// All interfaces, in the order tcpdump -D prints them: the network interfaces and "any",
// stably sorted by libpcap 1.10's figure of merit. The pseudo-devices libpcap lists after
// them on Linux (bluetooth-monitor, nflog, nfqueue, dbus-*, usbmonN) are not: rawdump
// cannot capture on them. So `-i N` names the same device for tcpdump and rawdump.
std::vector<Interface> list_interfaces();

// The `-D` listing, one line per interface, exactly as tcpdump -D prints it:
//   1.eth0 [Up, Running, Connected]
//   2.any (Pseudo-device that captures on all interfaces) [Up, Running]
//   3.lo [Up, Running, Loopback]
std::string format_interface_list(const std::vector<Interface>& interfaces);

// The interface tcpdump picks when -i is absent: the first one of list_interfaces() (the
// sort puts up, running, connected, non-loopback interfaces first).
std::optional<std::string> default_interface();

// libpcap's sort key (lower is better); exposed for the tests.
unsigned figure_of_merit(const Interface& interface) noexcept;

}  // namespace rawdump::platform
