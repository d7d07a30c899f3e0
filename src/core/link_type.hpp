// Link-layer header types, numbered as in pcap file headers (LINKTYPE_*), with the names
// tcpdump uses for -y and in its "link-type EN10MB (Ethernet)" banners.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace rawdump {

// Every stage carries the link type as this enum: a file or device may hold any number, so
// values without an enumerator are valid too (printed as unsupported, refused by the compiler).
enum class LinkType : std::uint32_t {
    Null = 0,         // BSD loopback, host-order AF_ header
    En10mb = 1,       // Ethernet (Linux lo too)
    Slip = 8,         // printed only: the filter compiler has no SLIP layout
    Raw = 101,        // raw IPv4/IPv6 (tun, wireguard)
    Loop = 108,       // OpenBSD loopback, network-order AF_ header
    LinuxSll = 113,   // Linux cooked v1
    Ipv4 = 228,
    Ipv6 = 229,
    LinuxSll2 = 276,  // Linux cooked v2 (-i any)

    // Types a Linux device or a savefile may have that rawdump neither prints nor filters
    // (so they have no entry in link_type_names: -L and the banners name them elsewhere).
    En3mb = 2,
    Pronet = 4,
    Chaos = 5,
    Ieee802 = 6,            // token ring
    Ppp = 9,
    Fddi = 10,
    AtmRfc1483 = 100,
    SlipBsdos = 102,
    PppBsdos = 103,
    CHdlc = 104,            // Cisco HDLC
    Ieee80211 = 105,
    Frelay = 107,
    Ltalk = 114,            // LocalTalk
    PrismHeader = 119,
    IpOverFc = 122,
    Ieee80211Radio = 127,   // radiotap
    ArcnetLinux = 129,
    Docsis = 143,
    LinuxIrda = 144,
    LinuxLapd = 177,
    Ax25Kiss = 202,
    Fc2 = 224,
    Fc2WithFrameDelims = 225,
    CanSocketcan = 227,
    Ieee802154NoFcs = 230,
    Dbus = 231,
    Usbpcap = 249,
    Netlink = 253,
    Vsock = 271,
    Ebhscr = 279,
};

constexpr std::uint32_t link_type_number(LinkType type) noexcept { return static_cast<std::uint32_t>(type); }

struct LinkTypeName {
    LinkType type;
    std::string_view name;         // as in -y and the banner: "EN10MB"
    std::string_view description;  // as in the banner's parentheses: "Ethernet"
};

inline constexpr std::array link_type_names{
    LinkTypeName{LinkType::Null, "NULL", "BSD loopback"},
    LinkTypeName{LinkType::En10mb, "EN10MB", "Ethernet"},
    LinkTypeName{LinkType::Slip, "SLIP", "SLIP"},
    LinkTypeName{LinkType::Raw, "RAW", "Raw IP"},
    LinkTypeName{LinkType::Loop, "LOOP", "OpenBSD loopback"},
    LinkTypeName{LinkType::LinuxSll, "LINUX_SLL", "Linux cooked v1"},
    LinkTypeName{LinkType::Ipv4, "IPV4", "Raw IPv4"},
    LinkTypeName{LinkType::Ipv6, "IPV6", "Raw IPv6"},
    LinkTypeName{LinkType::LinuxSll2, "LINUX_SLL2", "Linux cooked v2"},
};

constexpr const LinkTypeName* find_link_type(LinkType type) {
    for (const auto& entry : link_type_names)
        if (entry.type == type) return &entry;
    return nullptr;
}

// -y accepts a link type's name in any case, as libpcap's pcap_datalink_name_to_val does.
constexpr bool same_link_type_name(std::string_view a, std::string_view b) noexcept {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}

constexpr std::optional<LinkType> link_type_from_name(std::string_view name) {
    for (const auto& entry : link_type_names)
        if (same_link_type_name(entry.name, name)) return entry.type;
    return std::nullopt;
}

}  // namespace rawdump
