// The UDP header (RFC 768) as plain values: what the text printer formats and what a
// structured output reports. Pure: no Context, no printing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/whole_header.hpp"

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
    return decode_whole<UdpHeader>(r, [](ByteReader& in, UdpHeader& h) {
        h.source_port = in.be16();
        h.destination_port = in.be16();
        h.length = in.be16();
        h.checksum = in.be16();
    });
}

}  // namespace rawdump::print
