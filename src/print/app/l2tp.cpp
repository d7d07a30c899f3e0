// L2TP header and message dispatch (print-l2tp.c l2tp_print of tcpdump 4.99.3). Header
// fields are read with GET_* in tcpdump, so a capture that ends inside them unwinds the
// packet; control messages walk their AVPs in l2tp_avp.cpp, data messages carry PPP.
#include "src/print/app/l2tp.hpp"

#include "src/print/dispatch/carried.hpp"

namespace rawdump::print {
namespace {

constexpr std::uint16_t flag_type = 0x8000;  // 1 = control message
constexpr std::uint16_t flag_length = 0x4000;
constexpr std::uint16_t flag_sequence = 0x0800;
constexpr std::uint16_t flag_offset = 0x0200;
constexpr std::uint16_t flag_priority = 0x0100;
constexpr std::uint16_t version_mask = 0x000f;
constexpr std::uint16_t version_l2f = 1, version_l2tp = 2;

// The control message's AVPs, one after another until the message or the capture ends.
void print_avps(Context& ctx, ByteReader message, std::uint32_t at, std::uint32_t length) {
    while (length - at != 0) {
        const std::uint32_t avp = l2tp::print_avp(ctx, message.window(at, length - at), length - at);
        if (avp == 0) return;  // tcpdump has printed the truncation marker and stops here
        at += avp;
    }
}

}  // namespace

void print_l2tp(Context& ctx, ByteReader message, std::uint32_t length) {
    auto unwind = [&] { ctx.truncated_unwind("l2tp"); };
    std::uint32_t at = 0;  // octets of header consumed (tcpdump's cnt)
    auto next16 = [&](std::uint16_t& value) {
        ByteReader r = message.window(at, 2);
        value = r.be16();
        at += 2;
        return !r.truncated();
    };
    std::uint16_t word = 0;
    if (!next16(word)) return unwind();
    if ((word & version_mask) == version_l2f) return ctx.put(" l2f:");
    if ((word & version_mask) != version_l2tp)
        return ctx.put(" Unknown Version, neither L2F(1) nor L2TP(2)");
    ctx.put(" l2tp:[");
    if (word & flag_type) ctx.put('T');
    if (word & flag_length) ctx.put('L');
    if (word & flag_sequence) ctx.put('S');
    if (word & flag_offset) ctx.put('O');
    if (word & flag_priority) ctx.put('P');
    ctx.put(']');

    std::uint16_t declared = 0, value = 0;
    if ((word & flag_length) && !next16(declared)) return unwind();
    if (!next16(value)) return unwind();
    ctx.print("({}/", value);  // tunnel id
    if (!next16(value)) return unwind();
    ctx.print("{})", value);  // session id
    if (word & flag_sequence) {
        if (!next16(value)) return unwind();
        ctx.print("Ns={},", value);
        if (!next16(value)) return unwind();
        ctx.print("Nr={}", value);
    }
    if (word & flag_offset) {
        std::uint16_t pad = 0;
        if (!next16(pad)) return unwind();
        // ND_TCHECK_LEN on the padding: a plain marker, no unwinding.
        if (!message.has(std::size_t{at} + pad)) return ctx.truncated("l2tp");
        at += pad;
    }

    if (word & flag_length) {
        if (length < declared) return ctx.print(" Length {} larger than packet", declared);
        length = declared;
    }
    if (length < at) return ctx.print(" Length {} smaller than header length", length);
    if (word & flag_type) {
        if (!(word & flag_length)) return ctx.put(" No length");
        if (length == at) return ctx.put(" ZLB");
        return print_avps(ctx, message, at, length);
    }
    ctx.put(" {");
    print_ppp(ctx, message.window(at, length - at), length - at);
    if (ctx.unwound) return;  // tcpdump longjmps past the closing brace
    ctx.put('}');
}

}  // namespace rawdump::print
