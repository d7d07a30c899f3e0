// The UDP header (RFC 768) as plain values: what the text printer formats and what a
// structured output reports. Pure: no Context, no printing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "src/print/base/byte_reader.hpp"

namespace rawdump::print {

struct UdpHeader {
    static constexpr std::size_t size = 8;
    std::uint16_t source_port = 0;
    std::uint16_t destination_port = 0;
    std::uint16_t length = 0;  // the header's own length field (0 in an IPv6 jumbogram)
    std::uint16_t checksum = 0;
};

// The whole fixed header, or nothing when fewer than 8 bytes were captured.
inline std::optional<UdpHeader> decode_udp_header(ByteReader r) noexcept {
    UdpHeader h;
    h.source_port = r.be16();
    h.destination_port = r.be16();
    h.length = r.be16();
    h.checksum = r.be16();
    if (r.truncated()) return std::nullopt;
    return h;
}

}  // namespace rawdump::print
