// The fixed IPv6 header (RFC 8200; DSCP/ECN from RFC 2474/3168) as plain values: what the
// text printer formats and what a structured output reports. Pure: no Context, no printing.
// Extension headers are not part of it (ipv6_extensions.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "src/print/base/address.hpp"
#include "src/print/base/byte_reader.hpp"
#include "src/print/base/whole_header.hpp"

namespace rawdump::print {

struct Ipv6Header {
    static constexpr std::size_t size = 40;
    std::uint8_t version = 0;
    std::uint8_t traffic_class = 0;  // DSCP (top 6 bits) and ECN (low 2)
    std::uint32_t flow_label = 0;    // 20 bits
    std::uint16_t payload_length = 0;  // 0 in a jumbogram (the hop-by-hop option has it)
    std::uint8_t next_header = 0;
    std::uint8_t hop_limit = 0;
    Ipv6Address source, destination;

    std::uint8_t dscp() const noexcept { return traffic_class >> 2; }
    std::uint8_t ecn() const noexcept { return traffic_class & 0x3; }
};

// The fixed 40 bytes, or nothing when they were not all captured. The version is taken as
// it is: checking it is the caller's business.
inline std::optional<Ipv6Header> decode_ipv6_header(ByteReader r) noexcept {
    constexpr unsigned version_shift = 28, class_shift = 20;
    constexpr std::uint32_t flow_mask = 0xfffff;
    return decode_whole<Ipv6Header>(r, [&](ByteReader& in, Ipv6Header& h) {
        const std::uint32_t first_word = in.be32();
        h.version = static_cast<std::uint8_t>(first_word >> version_shift);
        h.traffic_class = static_cast<std::uint8_t>(first_word >> class_shift);
        h.flow_label = first_word & flow_mask;
        h.payload_length = in.be16();
        h.next_header = in.u8();
        h.hop_limit = in.u8();
        h.source = in.ipv6();
        h.destination = in.ipv6();
    });
}

}  // namespace rawdump::print
