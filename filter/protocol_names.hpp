// Names usable after `proto`: `ip proto \tcp`, `ip proto ospf`, `ether proto \arp`. Built in
// (no /etc/protocols read, the library does no I/O): the IANA names Debian's /etc/protocols
// uses for the common protocols, and libpcap's own EtherType name table.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace rawdump::filter {

struct NumberName {
    std::string_view name;
    std::uint32_t number;
};

inline constexpr std::array ip_protocol_names{
    NumberName{"ip", 0},          NumberName{"hopopt", 0},       NumberName{"icmp", 1},
    NumberName{"igmp", 2},        NumberName{"ggp", 3},          NumberName{"ipencap", 4},
    NumberName{"st", 5},          NumberName{"tcp", 6},          NumberName{"egp", 8},
    NumberName{"igp", 9},         NumberName{"pup", 12},         NumberName{"udp", 17},
    NumberName{"hmp", 20},        NumberName{"xns-idp", 22},     NumberName{"rdp", 27},
    NumberName{"iso-tp4", 29},    NumberName{"dccp", 33},        NumberName{"xtp", 36},
    NumberName{"ddp", 37},        NumberName{"idpr-cmtp", 38},   NumberName{"ipv6", 41},
    NumberName{"ipv6-route", 43}, NumberName{"ipv6-frag", 44},   NumberName{"idrp", 45},
    NumberName{"rsvp", 46},       NumberName{"gre", 47},         NumberName{"esp", 50},
    NumberName{"ah", 51},         NumberName{"skip", 57},        NumberName{"ipv6-icmp", 58},
    NumberName{"ipv6-nonxt", 59}, NumberName{"ipv6-opts", 60},   NumberName{"rspf", 73},
    NumberName{"vmtp", 81},       NumberName{"eigrp", 88},       NumberName{"ospf", 89},
    NumberName{"ax.25", 93},      NumberName{"ipip", 94},        NumberName{"etherip", 97},
    NumberName{"encap", 98},      NumberName{"pim", 103},        NumberName{"ipcomp", 108},
    NumberName{"vrrp", 112},      NumberName{"l2tp", 115},       NumberName{"isis", 124},
    NumberName{"sctp", 132},      NumberName{"fc", 133},         NumberName{"mobility-header", 135},
    NumberName{"udplite", 136},   NumberName{"mpls-in-ip", 137}, NumberName{"manet", 138},
    NumberName{"hip", 139},       NumberName{"shim6", 140},      NumberName{"wesp", 141},
    NumberName{"rohc", 142},      NumberName{"ethernet", 143},
};

// libpcap's eproto_db: the EtherType names `ether proto` takes (atalk and aarp are also
// looked for in SNAP frames, see ir::LlcProtocol).
inline constexpr std::array ether_type_names{
    NumberName{"ip", 0x0800},     NumberName{"ip6", 0x86dd},  NumberName{"arp", 0x0806},
    NumberName{"rarp", 0x8035},   NumberName{"decnet", 0x6003}, NumberName{"lat", 0x6004},
    NumberName{"sca", 0x6007},    NumberName{"mopdl", 0x6001}, NumberName{"moprc", 0x6002},
    NumberName{"loopback", 0x9000}, NumberName{"atalk", 0x809b}, NumberName{"aarp", 0x80f3},
};

// libpcap's llc_db: 802.2 SAPs `ether proto` also takes by name.
inline constexpr std::array llc_names{
    NumberName{"iso", 0xfe}, NumberName{"stp", 0x42}, NumberName{"ipx", 0xe0},
    NumberName{"netbeui", 0xf0},
};

template <std::size_t N>
constexpr std::optional<std::uint32_t> number_of(const std::array<NumberName, N>& table,
                                                 std::string_view name) {
    for (const auto& entry : table)
        if (entry.name == name) return entry.number;
    return std::nullopt;
}

}  // namespace rawdump::filter
