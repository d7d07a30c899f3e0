// The fixed TCP header (RFC 9293; ECE/CWR from RFC 3168) as plain values: what the text
// printer formats and what a structured output reports. Pure: no Context, no printing.
// The options between byte 20 and header_length are not part of it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "src/print/base/byte_reader.hpp"

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
    TcpHeader h;
    h.source_port = r.be16();
    h.destination_port = r.be16();
    h.sequence = r.be32();
    h.acknowledgment = r.be32();
    h.header_length = static_cast<std::uint8_t>((r.u8() >> offset_shift) * offset_unit);
    h.flags = r.u8();
    h.window = r.be16();
    h.checksum = r.be16();
    h.urgent_pointer = r.be16();
    if (r.truncated()) return std::nullopt;
    return h;
}

}  // namespace rawdump::print
