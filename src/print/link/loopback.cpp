// The Ethernet configuration testing protocol (print-loopback.c, tcpdump 4.99.3): a skip
// count, then the message at that offset. Its integers are little-endian.
#include "src/print/link/loopback.hpp"

namespace rawdump::print {
namespace {

enum class LoopbackFunction : std::uint16_t { Reply = 1, ForwardData = 2 };
constexpr std::size_t mac_length = 6;

// The whole remainder must have been captured, or tcpdump stops with " [|loopback]".
void check_captured(Context& ctx, ByteReader r, std::size_t length) {
    if (!r.has(length)) ctx.truncated_unwind("loopback");
}

std::uint16_t le16(ByteReader r) {
    unsigned low = r.u8();
    unsigned high = r.u8();
    return static_cast<std::uint16_t>(low | high << 8);
}

void print_message(Context& ctx, ByteReader r, std::uint32_t length) {
    if (length < 2) {
        ctx.put(" (invalid)");
        return check_captured(ctx, r, length);
    }
    if (!r.has(2)) return ctx.truncated_unwind("loopback");
    std::uint16_t function = le16(r.narrowed(2));
    r.skip(2);
    length -= 2;
    switch (static_cast<LoopbackFunction>(function)) {
    case LoopbackFunction::Reply:
        ctx.put(", Reply");
        if (length < 2) break;
        if (!r.has(2)) return ctx.truncated_unwind("loopback");
        ctx.print(", receipt number {}", le16(r.narrowed(2)));
        r.skip(2);
        length -= 2;
        ctx.print(", data ({} octets)", length);
        return check_captured(ctx, r, length);
    case LoopbackFunction::ForwardData: {
        ctx.put(", Forward Data");
        if (length < mac_length) break;
        if (!r.has(mac_length)) return ctx.truncated_unwind("loopback");
        MacAddress forward = r.mac();
        length -= mac_length;
        ctx.put(", forwarding address ");
        ctx.mac(forward);
        ctx.print(", data ({} octets)", length);
        return check_captured(ctx, r, length);
    }
    default:
        ctx.print(",  invalid ({})", function);
        return check_captured(ctx, r, length);
    }
    ctx.put(" (invalid)");
    check_captured(ctx, r, length);
}

}  // namespace

void print_loopback(Context& ctx, ByteReader message, std::uint32_t length) {
    ctx.put("Loopback");
    if (length < 2) {
        ctx.put(" (invalid)");
        return check_captured(ctx, message, length);
    }
    if (!message.has(2)) return ctx.truncated_unwind("loopback");
    std::uint16_t skip = le16(message.narrowed(2));
    length -= 2;
    ctx.print(", skipCount {}", skip);
    if (skip % 8) ctx.put(" (bogus)");
    ByteReader rest = message.window(2, message.size());
    if (skip > length) {
        ctx.put(" (invalid)");
        return check_captured(ctx, rest, length);
    }
    if (!rest.has(skip)) return ctx.truncated_unwind("loopback");
    print_message(ctx, rest.window(skip, rest.size()), length - skip);
}

}  // namespace rawdump::print
