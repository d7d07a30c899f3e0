// The fixed TCP header (RFC 9293; ECE/CWR from RFC 3168) as plain values: what the text
// printer formats and what a structured output reports. Pure: no Context, no printing.
// The options between byte 20 and header_length are not part of it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/whole_header.hpp"

namespace rawdump::print {

// The flag bits of byte 13, as TcpHeader::flags holds them.
enum class TcpFlag : std::uint8_t {
    Fin = 0x01, Syn = 0x02, Rst = 0x04, Push = 0x08, Ack = 0x10, Urg = 0x20, Ece = 0x40, Cwr = 0x80,
};

struct TcpHeader {
    static constexpr std::size_t size = 20;  // without options
    std::uint16_t source_port = 0;
    std::uint16_t destination_port = 0;
    std::uint32_t sequence = 0;
    std::uint32_t acknowledgment = 0;
    std::uint8_t header_length = 0;  // bytes (the data offset field times 4), options included
    std::uint8_t flags = 0;          // TcpFlag bits
    std::uint16_t window = 0;
    std::uint16_t checksum = 0;
    std::uint16_t urgent_pointer = 0;

    bool has(TcpFlag flag) const noexcept { return (flags & static_cast<std::uint8_t>(flag)) != 0; }
};

// The fixed 20 bytes, or nothing when they were not all captured. The data offset is taken
// as it is: checking it against 20 and the segment is the caller's business.
inline std::optional<TcpHeader> decode_tcp_header(ByteReader r) noexcept {
    constexpr unsigned offset_shift = 4, offset_unit = 4;
    return decode_whole<TcpHeader>(r, [&](ByteReader& in, TcpHeader& h) {
        h.source_port = in.be16();
        h.destination_port = in.be16();
        h.sequence = in.be32();
        h.acknowledgment = in.be32();
        h.header_length = static_cast<std::uint8_t>((in.u8() >> offset_shift) * offset_unit);
        h.flags = in.u8();
        h.window = in.be16();
        h.checksum = in.be16();
        h.urgent_pointer = in.be16();
    });
}

}  // namespace rawdump::print
