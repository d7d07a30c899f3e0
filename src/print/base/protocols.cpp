#include "src/print/base/protocols.hpp"
#include "src/print/base/name_table.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace rawdump::print {
namespace {

// Every name in tcpdump 4.99.3's ethertype table, in value order: the ethertypes it names in
// `ethertype NAME (0x....)`, derived by running it on all 65536 values (GRE's `proto` shows
// the ones at or below 1500, which Ethernet takes for lengths).
constexpr std::array<std::pair<std::uint16_t, std::string_view>, 51> ethertypes{{
    {0x00fe, "GRE-OSI"},
    {0x0200, "PUP"},
    {0x0500, "Sprite"},
    {0x0600, "NS"},
    {0x0800, "IPv4"},
    {0x0806, "ARP"},
    {0x1000, "Trail"},
    {0x1111, "CALM FAST"},
    {0x6001, "MOP DL"},
    {0x6002, "MOP RC"},
    {0x6003, "DN"},
    {0x6004, "LAT"},
    {0x6007, "SCA"},
    {0x6558, "TEB"},
    {0x8035, "Reverse ARP"},
    {0x8038, "Lanbridge"},
    {0x803c, "DEC DNS"},
    {0x803e, "DEC DTS"},
    {0x805b, "VEXP"},
    {0x805c, "VPROD"},
    {0x809b, "Appletalk"},
    {0x80f3, "Appletalk ARP"},
    {0x8100, "802.1Q"},
    {0x8137, "IPX"},
    {0x86dd, "IPv6"},
    {0x8808, "MPCP"},
    {0x8809, "Slow Protocols"},
    {0x880b, "PPP"},
    {0x8847, "MPLS unicast"},
    {0x8848, "MPLS multicast"},
    {0x8863, "PPPoE D"},
    {0x8864, "PPPoE S"},
    {0x886f, "MS NLB heartbeat"},
    {0x8870, "Jumbo"},
    {0x888e, "EAPOL"},
    {0x8899, "Realtek protocols"},
    {0x88a2, "AoE"},
    {0x88a8, "802.1Q-QinQ"},
    {0x88ca, "TIPC"},
    {0x88cc, "LLDP"},
    {0x88e5, "802.1AE MACsec"},
    {0x88f7, "PTP"},
    {0x8902, "CFM"},
    {0x893a, "IEEE1905.1"},
    {0x8947, "GeoNet"},
    {0x894f, "NSH"},
    {0x9000, "Loopback"},
    {0x9100, "802.1Q-9100"},
    {0x9200, "802.1Q-9200"},
    {0xd28b, "Arista Vendor Specific Protocol"},
    {0xfefe, "OSI"},
}};
static_assert(std::is_sorted(ethertypes.begin(), ethertypes.end()), "ethertypes stays in value order");

// Every IP protocol name tcpdump 4.99.3 prints in `proto NAME (N)` (observed on all 256
// values; it has Ethernet, 143, and no pfsync).
constexpr std::array<std::pair<std::uint8_t, std::string_view>, 28> ipprotos{{
    {0, "Options"}, {1, "ICMP"}, {2, "IGMP"}, {4, "IPIP"}, {6, "TCP"}, {8, "EGP"},
    {9, "IGRP"}, {17, "UDP"}, {33, "DCCP"}, {41, "IPv6"}, {43, "Routing"}, {44, "Fragment"},
    {46, "RSVP"}, {47, "GRE"}, {50, "ESP"}, {51, "AH"}, {55, "Mobile IP"}, {58, "ICMPv6"},
    {62, "Mobile IP (old)"}, {88, "EIGRP"}, {89, "OSPF"}, {103, "PIM"}, {108, "Compressed IP"},
    {112, "VRRP"}, {113, "PGM"}, {132, "SCTP"}, {135, "Mobility"}, {143, "Ethernet"},
}};

// ipproto.c `netdb_protocol_names` (IANA keywords spelled as in /etc/protocols) for 0..142;
// 143..252 are unassigned.
constexpr std::array<std::string_view, 143> keywords{
    "hopopt", "icmp", "igmp", "ggp", "ipencap", "st", "tcp", "cbt", "egp", "igp",
    "bbn-rcc-mon", "nvp-ii", "pup", "argus", "emcon", "xnet", "chaos", "udp", "mux", "dcn-meas",
    "hmp", "prm", "xns-idp", "trunk-1", "trunk-2", "leaf-1", "leaf-2", "rdp", "irtp", "iso-tp4",
    "netblt", "mfe-nsp", "merit-inp", "dccp", "3pc", "idpr", "xtp", "ddp", "idpr-cmtp", "tp++",
    "il", "ipv6", "sdrp", "ipv6-route", "ipv6-frag", "idrp", "rsvp", "gre", "dsr", "bna",
    "esp", "ah", "i-nlsp", "swipe", "narp", "mobile", "tlsp", "skip", "ipv6-icmp", "ipv6-nonxt",
    "ipv6-opts", "", "cftp", "", "sat-expak", "kryptolan", "rvd", "ippc", "", "sat-mon",
    "visa", "ipcv", "cpnx", "rspf", "wsn", "pvp", "br-sat-mon", "sun-nd", "wb-mon", "wb-expak",
    "iso-ip", "vmtp", "secure-vmtp", "vines", "ttp", "nsfnet-igp", "dgp", "tcf", "eigrp", "ospf",
    "sprite-rpc", "larp", "mtp", "ax.25", "ipip", "micp", "scc-sp", "etherip", "encap", "",
    "gmtp", "ifmp", "pnni", "pim", "aris", "scps", "qnx", "a/n", "ipcomp", "snp",
    "compaq-peer", "ipx-in-ip", "vrrp", "pgm", "", "l2tp", "ddx", "iatp", "stp", "srp",
    "uti", "smp", "sm", "ptp", "isis", "fire", "crtp", "crudp", "sscopmce", "iplt",
    "sps", "pipe", "sctp", "fc", "rsvp-e2e-ignore", "mobility-header", "udplite", "mpls-in-ip",
    "manet", "hip", "shim6", "wesp", "rohc",
};

// oui.c `oui_values` (first entry wins where tcpdump lists an OUI twice).
constexpr std::array<std::pair<std::uint32_t, std::string_view>, 26> ouis{{
    {0x000000, "Ethernet"}, {0x00000c, "Cisco"}, {0x0000f8, "Cisco bridged"},
    {0x0080c2, "Ethernet bridged"}, {0x00a03e, "ATM Forum"}, {0x00e02f, "DOCSIS Spanning Tree"},
    {0x080007, "Appletalk"}, {0x009069, "Juniper"}, {0x080009, "Hewlett-Packard"},
    {0x00120f, "IEEE 802.3 Private"}, {0x0012bb, "ANSI/TIA"}, {0x00005e, "IANA"},
    {0x000081, "Nortel Networks SONMP"}, {0x001b21, "DCBX"}, {0x002320, "Nicira Networks"},
    {0x5c16c7, "Big Switch Networks"}, {0xb0d2f5, "Vello Systems"}, {0x002481, "HP"}, {0x0004ea, "HP-Labs"},
    {0x748771, "Infoblox Inc"}, {0xa42305, "Open Networking Lab"}, {0x00049f, "Freescale"},
    {0x0015ad, "Netronome"}, {0x001018, "Broadcom"}, {0x00e004, "PMC-Sierra"}, {0xd0f0db, "Ericsson"},
}};

}  // namespace

std::string_view ethertype_name(std::uint16_t type) noexcept { return name_of(ethertypes, type); }
std::string_view ipproto_name(std::uint8_t proto) noexcept { return name_of(ipprotos, proto); }
std::string_view oui_name(std::uint32_t oui) noexcept { return name_of(ouis, oui); }

std::string_view ipproto_keyword(std::uint8_t proto) noexcept {
    if (proto < keywords.size()) return keywords[proto];
    if (proto == 253) return "exptest-253";
    if (proto == 254) return "exptest-254";
    if (proto == 255) return "reserved";
    return {};
}

}  // namespace rawdump::print
