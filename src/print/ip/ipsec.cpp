// IPsec AH and ESP (print-ah.c, print-esp.c of tcpdump 4.99.3, without decryption).
#include "src/print/ip/ipsec.hpp"

namespace rawdump::print {
namespace {

constexpr std::size_t ah_fixed_header = 12;  // next header, length, reserved, SPI, sequence
constexpr std::size_t esp_header = 8;        // SPI, sequence

}  // namespace

std::optional<std::uint32_t> print_ah(Context& ctx, ByteReader header) {
    ctx.put("AH");
    ByteReader r = header;
    r.skip(1);
    const std::uint8_t payload_length = r.u8();
    if (r.truncated()) {
        ctx.truncated_unwind("ah");
        return std::nullopt;
    }
    // RFC 4302: the length in 4-byte units, minus 2. Shorter than the fixed part (0 or 1)
    // it still steps that many bytes, as tcpdump does.
    const std::uint32_t header_length = (std::uint32_t{payload_length} + 2) * 4;
    ctx.put('(');
    if (ctx.options.verbosity > 0)
        ctx.print("length={}({}-bytes),", payload_length, header_length);
    const std::uint16_t reserved = r.be16();
    if (r.truncated()) {
        ctx.truncated_unwind("ah");
        return std::nullopt;
    }
    if (reserved != 0) ctx.print("reserved=0x{:x}[MustBeZero],", reserved);
    const std::uint32_t spi = r.be32();
    if (r.truncated()) {
        ctx.truncated_unwind("ah");
        return std::nullopt;
    }
    ctx.print("spi=0x{:08x},", spi);
    const std::uint32_t sequence = r.be32();
    if (r.truncated()) {
        ctx.truncated_unwind("ah");
        return std::nullopt;
    }
    ctx.print("seq=0x{:x},", sequence);
    ctx.put("icv=0x");
    for (std::size_t at = ah_fixed_header; at < header_length; ++at) {
        const std::uint8_t byte = r.u8();
        if (r.truncated()) {
            ctx.truncated_unwind("ah");
            return std::nullopt;
        }
        ctx.print("{:02x}", byte);
    }
    ctx.put("): ");
    return header_length;
}

void print_esp(Context& ctx, ByteReader payload, std::uint32_t length) {
    // tcpdump wants more than the 8 header bytes captured before it prints anything.
    if (!payload.has(esp_header + 1)) return ctx.truncated("esp");
    ByteReader r = payload;
    const std::uint32_t spi = r.be32();
    const std::uint32_t sequence = r.be32();
    ctx.print("ESP(spi=0x{:08x},seq=0x{:x}), length {}", spi, sequence, length);
}

}  // namespace rawdump::print
