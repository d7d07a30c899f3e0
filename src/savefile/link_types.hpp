// What a savefile's link-type and snapshot-length fields mean, as libpcap 1.10 reads them.
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <utility>
#include "src/core/link_type.hpp"
#include "src/core/snaplen.hpp"

namespace rawdump::savefile {

// Link types whose packets may be bigger: D-Bus messages, EBHSCR and USBPcap records.
inline constexpr std::array<std::pair<LinkType, std::uint32_t>, 3> larger_snaplen_limits{{
    {LinkType::Dbus, 128 * 1024 * 1024},
    {LinkType::Ebhscr, 8 * 1024 * 1024},
    {LinkType::Usbpcap, 1024 * 1024},
}};

constexpr std::uint32_t maximum_snaplen_for(LinkType link_type) {
    for (auto [type, limit] : larger_snaplen_limits)
        if (type == link_type) return limit;
    return maximum_snaplen;
}

// The snapshot length a reader works with: a header's 0 ("unknown") or a value that does not
// fit libpcap's int means the link type's maximum; anything else is kept, even above the
// maximum (tcpdump prints, compiles and writes back such a value as it is).
constexpr std::uint32_t effective_snaplen(LinkType link_type, std::uint32_t header_snaplen) {
    if (header_snaplen == 0 || header_snaplen > std::uint32_t(std::numeric_limits<std::int32_t>::max()))
        return maximum_snaplen_for(link_type);
    return header_snaplen;
}

// The classic pcap link-type field: the low 26 bits are the link type (so bits 16-25, reserved,
// make an unknown type rather than being dropped), the top 6 bits say whether and how many FCS
// bytes end each frame. tcpdump ignores the FCS bits but writes them back with -w.
struct LinkTypeField {
    LinkType link_type;
    std::uint32_t fcs_bits;
};

inline constexpr std::uint32_t link_type_mask = 0x03ffffff;

// Four numbers below 104 that files hold as Linux's DLT_ values rather than the LINKTYPE_ ones:
// libpcap reads each as that DLT, which is the same link as the LINKTYPE_ number (and its
// writers store the LINKTYPE_ number). So a file of type 12 is raw IP, as one of type 101 is.
struct DltAlias {
    std::uint32_t dlt;
    LinkType link_type;
};
inline constexpr std::array<DltAlias, 4> linux_dlt_aliases{{
    {11, LinkType::AtmRfc1483},  // DLT_ATM_RFC1483
    {12, LinkType::Raw},         // DLT_RAW
    {15, LinkType::SlipBsdos},   // DLT_SLIP_BSDOS
    {16, LinkType::PppBsdos},    // DLT_PPP_BSDOS
}};

// Where a file's link-type number becomes a LinkType (any number is kept).
constexpr LinkType canonical_link_type(std::uint32_t number) {
    for (auto alias : linux_dlt_aliases)
        if (alias.dlt == number) return alias.link_type;
    return LinkType{number};
}

constexpr LinkTypeField split_link_type_field(std::uint32_t field) {
    return {canonical_link_type(field & link_type_mask), field & ~link_type_mask};
}

// The field -w writes: the link type's number with the FCS bits read from the input.
constexpr std::uint32_t link_type_field(LinkType link_type, std::uint32_t fcs_bits) {
    return link_type_number(link_type) | fcs_bits;
}

}  // namespace rawdump::savefile

namespace rawdump::savefile {

// Link types libpcap 1.10's filter compiler knows: the numbers below 104 it has a DLT_ for,
// and every number in the range it takes as is (104 to 289). tcpdump compiles a filter even
// when given none, so a file of any other type fails before its first packet with
// "unknown data link type N (min 104, max 289)".
inline constexpr std::uint32_t first_matching_link_type = 104;
inline constexpr std::uint32_t last_matching_link_type = 289;
inline constexpr std::array<std::uint32_t, 19> known_low_link_types{
    0, 1, 6, 7, 8, 9, 10, 11, 12, 15, 16, 19, 50, 51, 99, 100, 101, 102, 103};

constexpr bool libpcap_knows_link_type(LinkType link_type) {
    const std::uint32_t number = link_type_number(link_type);
    if (number >= first_matching_link_type && number <= last_matching_link_type) return true;
    for (auto known : known_low_link_types)
        if (known == number) return true;
    return false;
}

}  // namespace rawdump::savefile
