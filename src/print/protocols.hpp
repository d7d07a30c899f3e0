// Protocol numbers as enums, and the names tcpdump 4.99.3 prints for them, as constexpr data
// (the equivalents of tcpdump's `struct tok` tables).
#pragma once

#include <cstdint>
#include <string_view>

namespace rawdump::print {

enum class EtherType : std::uint16_t {
    Ipv4 = 0x0800,
    Arp = 0x0806,
    ReverseArp = 0x8035,
    Vlan = 0x8100,
    Ipv6 = 0x86dd,
    SlowProtocols = 0x8809,  // LACP, Marker, OAM
    Ppp = 0x880b,
    MplsUnicast = 0x8847,
    MplsMulticast = 0x8848,
    PppoeDiscovery = 0x8863,
    PppoeSession = 0x8864,
    Jumbo = 0x8870,  // jumbo frames: LLC follows
    Eapol = 0x888e,
    QinQ = 0x88a8,
    Lldp = 0x88cc,
    Loopback = 0x9000,  // the configuration testing protocol
    Vlan9100 = 0x9100,  // pre-standard QinQ tags
    Vlan9200 = 0x9200,
};

enum class IpProto : std::uint8_t {
    HopOptions = 0,
    Icmp = 1,
    Igmp = 2,
    Ipv4 = 4,
    Tcp = 6,
    Udp = 17,
    Dccp = 33,
    Ipv6 = 41,
    Routing = 43,
    Fragment = 44,
    Gre = 47,
    Esp = 50,
    Ah = 51,
    Icmpv6 = 58,
    NoNext = 59,
    DestOptions = 60,
    Vrrp = 112,
    Sctp = 132,
    Ethernet = 143,
};

// "IPv4" in `ethertype IPv4 (0x0800)`; empty when tcpdump would say "Unknown".
std::string_view ethertype_name(std::uint16_t type) noexcept;
// "TCP" in `proto TCP (6)` and `next-header TCP (6)`; empty when tcpdump says "unknown".
std::string_view ipproto_name(std::uint8_t proto) noexcept;
// The lower-case netdb keyword ("udp", "exptest-253") printed for protocols tcpdump does not
// decode, unless -n; empty when there is none (then `ip-proto-N`).
std::string_view ipproto_keyword(std::uint8_t proto) noexcept;
// "Cisco" in `(oui Cisco)`; empty when tcpdump says "Unknown".
std::string_view oui_name(std::uint32_t oui) noexcept;

}  // namespace rawdump::print
