// EtherTypes and IP protocol numbers, defined once for the filter compiler and the printer.
// Their names (what tcpdump prints, what filters accept) live with the code that uses them.
// Both are 32 bits wide although the fields are 16 and 8: libpcap's filter language takes
// `ether proto 70000` and `ip proto 256`, which simply never match, rather than refusing them.
#pragma once

#include <cstdint>

namespace rawdump {

enum class EtherType : std::uint32_t {
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

enum class IpProto : std::uint32_t {
    HopOptions = 0,
    Icmp = 1,
    Igmp = 2,
    Ipv4 = 4,
    Tcp = 6,
    Igrp = 9,
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
    Pim = 103,
    Vrrp = 112,  // also CARP's number
    Sctp = 132,
    Ethernet = 143,
};


}  // namespace rawdump
