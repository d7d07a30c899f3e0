// NTP control messages (mode 6, as ntpq sends them): the R/E/M bits and opcode, then the
// 16-bit header fields. tcpdump 4.99.3 does not decode the data (name=value text).
#include "src/print/app/ntp_messages.hpp"

namespace rawdump::print::ntp {
namespace {

constexpr std::uint32_t header_length = 12;  // everything before the data

// The second byte: Response | Error | More | 5-bit opcode.
constexpr std::uint8_t response_bit = 0x80;
constexpr std::uint8_t error_bit = 0x40;
constexpr std::uint8_t more_bit = 0x20;
constexpr std::uint8_t opcode_mask = 0x1f;

// printf's "%#hx": "0" for zero, "0x618" otherwise.
void print_alternate_hex(Context& ctx, std::uint16_t value) {
    if (value == 0)
        ctx.put('0');
    else
        ctx.print("{:#x}", value);
}

}  // namespace

void print_control_message(Context& ctx, ByteReader message, std::uint32_t length) {
    if (length < header_length) return print_invalid(ctx, message, length);
    ByteReader r = message;
    r.skip(1);  // LI/VN/Mode, already printed

    auto cut_short = [&] {
        if (!r.truncated()) return false;
        ctx.truncated_unwind(protocol);
        return true;
    };
    std::uint8_t control = r.u8();
    if (cut_short()) return;
    ctx.print(", {}, {}, {}, OpCode={}\n", control & response_bit ? "Response" : "Request",
              control & error_bit ? "Error" : "OK", control & more_bit ? "More" : "Last", control & opcode_mask);

    std::uint16_t sequence = r.be16();
    if (cut_short()) return;
    ctx.print("\tSequence={}", sequence);
    std::uint16_t status = r.be16();
    if (cut_short()) return;
    ctx.put(", Status=");
    print_alternate_hex(ctx, status);
    std::uint16_t association = r.be16();
    if (cut_short()) return;
    ctx.print(", Assoc.={}", association);
    std::uint16_t offset = r.be16();
    if (cut_short()) return;
    ctx.print(", Offset={}", offset);
    std::uint16_t count = r.be16();
    if (cut_short()) return;
    ctx.print(", Count={}", count);

    if (header_length + count > length) return print_invalid(ctx, message, length);
    if (count != 0) {
        if (!r.has(count)) return ctx.truncated_unwind(protocol);
        ctx.put("\n\tTO-BE-DONE: data not interpreted");
    }
}

}  // namespace rawdump::print::ntp
