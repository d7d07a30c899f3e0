// An interface's IPv4 network, as libpcap's pcap_lookupnet() finds it: the first address the
// kernel reports for the name (SIOCGIFADDR) masked by its netmask (SIOCGIFNETMASK).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace rawdump::platform {

struct Ipv4Network {
    std::uint32_t net = 0;   // host order, already masked
    std::uint32_t mask = 0;  // host order
};

// nullopt when the interface has no IPv4 address (or is "any").
std::optional<Ipv4Network> ipv4_network(const std::string& interface);

}  // namespace rawdump::platform
