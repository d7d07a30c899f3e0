#include "src/print/base/context.hpp"

#include "src/print/base/protocols.hpp"

namespace rawdump::print {

void Context::mac(const MacAddress& a) {
    if (resolve() && a.is_broadcast()) return put("Broadcast");
    append_numeric(out, a);
    if (resolve()) {
        auto name = oui_name(a.oui());
        put(" (oui ");
        put(name.empty() ? std::string_view{"Unknown"} : name);
        put(')');
    }
}

void print_escaped(Context& ctx, ByteReader text) {
    while (text.remaining() > 0) {
        unsigned c = text.u8();
        if (c & 0x80) {
            c &= 0x7f;
            ctx.put("M-");
        }
        if (c < 0x20 || c == 0x7f) {
            c ^= 0x40;
            ctx.put('^');
        }
        ctx.put(static_cast<char>(c));
    }
}

void print_escaped_to_nul(Context& ctx, ByteReader text) {
    std::size_t end = 0;
    for (std::byte b : text.all()) {
        if (b == std::byte{0}) break;
        ++end;
    }
    print_escaped(ctx, text.window(0, end));
}

}  // namespace rawdump::print
