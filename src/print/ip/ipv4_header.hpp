// The fixed IPv4 header (RFC 791; DSCP/ECN from RFC 2474/3168) as plain values: what the
// text printer formats and what a structured output reports. Pure: no Context, no printing.
// The options between byte 20 and header_length are not part of it (ipv4_options.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "src/print/base/address.hpp"
#include "src/print/base/byte_reader.hpp"
#include "src/print/base/whole_header.hpp"

namespace rawdump::print {

struct Ipv4Header {
    static constexpr std::size_t size = 20;  // without options
    // The three flag bits, as `flags` holds them (the top three bits of the fragment field).
    static constexpr std::uint8_t flag_reserved = 0x4, flag_dont_fragment = 0x2, flag_more_fragments = 0x1;

    std::uint8_t version = 0;
    std::uint8_t header_length = 0;  // bytes (the IHL field times 4), options included
    std::uint8_t tos = 0;            // the whole byte: DSCP (top 6 bits) and ECN (low 2)
    std::uint16_t total_length = 0;
    std::uint16_t id = 0;
    std::uint8_t flags = 0;              // flag_* bits
    std::uint16_t fragment_offset = 0;   // bytes (the field times 8)
    std::uint8_t ttl = 0;
    std::uint8_t protocol = 0;
    std::uint16_t checksum = 0;
    Ipv4Address source, destination;

    std::uint8_t dscp() const noexcept { return tos >> 2; }
    std::uint8_t ecn() const noexcept { return tos & 0x3; }
    bool dont_fragment() const noexcept { return (flags & flag_dont_fragment) != 0; }
    bool more_fragments() const noexcept { return (flags & flag_more_fragments) != 0; }
    // A piece of a larger datagram: more follow, or this one does not start it.
    bool is_fragment() const noexcept { return more_fragments() || fragment_offset != 0; }
};

// The fixed 20 bytes, or nothing when they were not all captured. The fields are taken as
// they are: checking version, lengths and checksum is the caller's business.
inline std::optional<Ipv4Header> decode_ipv4_header(ByteReader r) noexcept {
    constexpr unsigned flags_shift = 13, offset_unit = 8;
    constexpr std::uint16_t offset_mask = 0x1fff;
    return decode_whole<Ipv4Header>(r, [&](ByteReader& in, Ipv4Header& h) {
        const std::uint8_t version_and_length = in.u8();
        h.version = version_and_length >> 4;
        h.header_length = static_cast<std::uint8_t>((version_and_length & 0xf) * 4);
        h.tos = in.u8();
        h.total_length = in.be16();
        h.id = in.be16();
        const std::uint16_t fragment = in.be16();
        h.flags = static_cast<std::uint8_t>(fragment >> flags_shift);
        h.fragment_offset = static_cast<std::uint16_t>((fragment & offset_mask) * offset_unit);
        h.ttl = in.u8();
        h.protocol = in.u8();
        h.checksum = in.be16();
        h.source = in.ipv4();
        h.destination = in.ipv4();
    });
}

}  // namespace rawdump::print
