// TFTP over UDP 69 (print-tftp.c, RFC 1350 and the option extension RFC 2347).
//
// Two kinds of truncation, as in tcpdump: running out of the datagram's declared length, or
// out of the capture inside a string, prints " [|tftp]" and stops; a fixed field (opcode,
// block, error code, the first byte of an option) cut by the capture stops the same way but
// by tcpdump's longjmp, which also loses the link-header length for -x.
#include <array>
#include <string_view>

#include "src/print/app/tftp.hpp"

namespace rawdump::print {
namespace {

constexpr std::string_view protocol = "tftp";

enum Opcode : unsigned { rrq = 1, wrq = 2, data = 3, ack = 4, error = 5, oack = 6 };

constexpr std::array<std::string_view, 7> opcode_names = {"", "RRQ", "WRQ", "DATA", "ACK", "ERROR", "OACK"};
constexpr std::array<std::string_view, 8> error_names = {
    "EUNDEF", "ENOTFOUND", "EACCESS", "ENOSPACE", "EBADOP", "EBADID", "EEXISTS", "ENOUSER",
};

// The TFTP payload after the opcode, with the declared length still to go.
struct Cursor {
    ByteReader bytes;
    std::size_t at = 0;
    std::uint32_t length = 0;
};

// nd_printztn: a NUL-terminated string of at most `length` bytes, escaped. Returns the bytes
// used including the NUL, or 0 when the length or the capture ran out before the NUL.
std::uint32_t print_string(Context& ctx, Cursor& cur) {
    std::uint32_t used = 0;
    for (std::uint32_t left = cur.length;; --left) {
        ByteReader one = cur.bytes.window(cur.at + used, 1);
        if (left == 0 || one.size() == 0) return 0;
        ++used;
        if (one.window(0, 1).u8() == 0) break;
        print_escaped(ctx, one);
    }
    cur.at += used;
    cur.length -= used;
    return used;
}

enum class Stop { None, Truncated, Unwound };

// RRQ/WRQ options and OACK: each non-empty string after a space, empty ones silently.
Stop print_options(Context& ctx, Cursor& cur) {
    while (cur.length != 0) {
        ByteReader first = cur.bytes.window(cur.at, 1);
        unsigned c = first.u8();
        if (first.truncated()) return Stop::Unwound;
        if (c != 0) ctx.put(' ');
        if (print_string(ctx, cur) == 0) return Stop::Truncated;
    }
    return Stop::None;
}

Stop print_body(Context& ctx, unsigned opcode, Cursor& cur) {
    switch (opcode) {
    case rrq:
    case wrq:
        if (cur.length == 0) return Stop::Truncated;
        ctx.put(" \"");
        {
            std::uint32_t used = print_string(ctx, cur);
            ctx.put('"');
            if (used == 0) return Stop::Truncated;
        }
        if (cur.length == 0) return Stop::Truncated;  // no mode
        ctx.put(' ');
        if (print_string(ctx, cur) == 0) return Stop::Truncated;
        return print_options(ctx, cur);
    case oack:
        return print_options(ctx, cur);
    case data:
    case ack: {
        if (cur.length < 2) return Stop::Truncated;
        ByteReader block = cur.bytes.window(cur.at, 2);
        unsigned number = block.be16();
        if (block.truncated()) return Stop::Unwound;
        ctx.print(" block {}", number);
        return Stop::None;
    }
    case error: {
        if (cur.length < 2) return Stop::Truncated;
        ByteReader field = cur.bytes.window(cur.at, 2);
        unsigned code = field.be16();
        if (field.truncated()) return Stop::Unwound;
        // The unknown-code form carries its own opening quote, so it shows two.
        if (code < error_names.size())
            ctx.print(" {}", error_names[code]);
        else
            ctx.print(" tftp-err-#{} \"", code);
        cur.at += 2;
        cur.length -= 2;
        if (cur.length == 0) return Stop::Truncated;  // no message
        ctx.put(" \"");
        std::uint32_t used = print_string(ctx, cur);
        ctx.put('"');
        return used == 0 ? Stop::Truncated : Stop::None;
    }
    default:
        return Stop::None;
    }
}

}  // namespace

void print_tftp(Context& ctx, ByteReader payload, std::uint32_t length) {
    ctx.print("TFTP, length {}", length);
    if (length < 2) return ctx.truncated(protocol);
    ByteReader header = payload.window(0, 2);
    unsigned opcode = header.be16();
    if (header.truncated()) return ctx.truncated_unwind(protocol);
    // An unknown opcode is named by number and ends the line.
    if (opcode == 0 || opcode >= opcode_names.size()) return ctx.print(", tftp-#{}", opcode);
    ctx.print(", {}", opcode_names[opcode]);

    Cursor cur{payload, 2, length - 2};
    switch (print_body(ctx, opcode, cur)) {
    case Stop::None: return;
    case Stop::Truncated: return ctx.truncated(protocol);
    case Stop::Unwound: return ctx.truncated_unwind(protocol);
    }
}

}  // namespace rawdump::print
