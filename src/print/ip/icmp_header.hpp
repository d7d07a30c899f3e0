// The ICMP header (RFC 792) as plain values: type, code, checksum and the four bytes whose
// meaning the type gives (identifier and sequence number for echo and timestamps; the
// gateway of a redirect, the pointer of a parameter problem, the MTU of "need to frag").
// What the text printer formats and what a structured output reports. Pure: no printing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/whole_header.hpp"

namespace rawdump::print {

struct IcmpHeader {
    static constexpr std::size_t size = 8;
    std::uint8_t type = 0;
    std::uint8_t code = 0;
    std::uint16_t checksum = 0;
    std::uint16_t identifier = 0;  // bytes 4-5 ("rest of header", first half)
    std::uint16_t sequence = 0;    // bytes 6-7 ("rest of header", second half)
};

// The whole fixed header, or nothing when fewer than 8 bytes were captured.
inline std::optional<IcmpHeader> decode_icmp_header(ByteReader r) noexcept {
    return decode_whole<IcmpHeader>(r, [](ByteReader& in, IcmpHeader& h) {
        h.type = in.u8();
        h.code = in.u8();
        h.checksum = in.be16();
        h.identifier = in.be16();
        h.sequence = in.be16();
    });
}

}  // namespace rawdump::print
