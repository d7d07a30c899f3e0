// TFTP over UDP 69 (print-tftp.c, RFC 1350 and the option extension RFC 2347).
//
// Two kinds of truncation, as in tcpdump: running out of the datagram's declared length, or
// out of the capture inside a string, prints " [|tftp]" and stops; a fixed field (opcode,
// block, error code, the first byte of an option) cut by the capture stops the same way but
// by tcpdump's longjmp, which also loses the link-header length for -x.
#include <array>
#include <string_view>

#include "src/print/app/tftp.hpp"
#include "src/print/base/outcome.hpp"

namespace rawdump::print {
namespace {

constexpr std::string_view protocol = "tftp";

enum Opcode : unsigned { rrq = 1, wrq = 2, data = 3, ack = 4, error = 5, oack = 6 };

constexpr std::array<std::string_view, 7> opcode_names = {"", "RRQ", "WRQ", "DATA", "ACK", "ERROR", "OACK"};
constexpr std::array<std::string_view, 8> error_names = {
    "EUNDEF", "ENOTFOUND", "EACCESS", "ENOSPACE", "EBADOP", "EBADID", "EEXISTS", "ENOUSER",
};

// The TFTP payload after the opcode, with the declared length still to go.
// Two ends, not one: the reader ends where the capture does, `length` where the datagram's
// declared length does, and running into each prints differently (see the top of the file),
// so this is more than a ByteReader's position.
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
        if (one.u8_at(0) == 0) break;
        print_escaped(ctx, one);
    }
    cur.at += used;
    cur.length -= used;
    return used;
}

// RRQ/WRQ options and OACK: each non-empty string after a space, empty ones silently.
Outcome print_options(Context& ctx, Cursor& cur) {
    while (cur.length != 0) {
        if (!cur.bytes.has_at(cur.at, 1)) return Outcome::Unwound;
        unsigned c = cur.bytes.u8_at(cur.at);
        if (c != 0) ctx.put(' ');
        if (print_string(ctx, cur) == 0) return Outcome::Truncated;
    }
    return Outcome::Complete;
}

Outcome print_body(Context& ctx, unsigned opcode, Cursor& cur) {
    switch (opcode) {
    case rrq:
    case wrq:
        if (cur.length == 0) return Outcome::Truncated;
        ctx.put(" \"");
        {
            std::uint32_t used = print_string(ctx, cur);
            ctx.put('"');
            if (used == 0) return Outcome::Truncated;
        }
        if (cur.length == 0) return Outcome::Truncated;  // no mode
        ctx.put(' ');
        if (print_string(ctx, cur) == 0) return Outcome::Truncated;
        return print_options(ctx, cur);
    case oack:
        return print_options(ctx, cur);
    case data:
    case ack: {
        if (cur.length < 2) return Outcome::Truncated;
        if (!cur.bytes.has_at(cur.at, 2)) return Outcome::Unwound;
        unsigned number = cur.bytes.be16_at(cur.at);
        ctx.print(" block {}", number);
        return Outcome::Complete;
    }
    case error: {
        if (cur.length < 2) return Outcome::Truncated;
        if (!cur.bytes.has_at(cur.at, 2)) return Outcome::Unwound;
        unsigned code = cur.bytes.be16_at(cur.at);
        // The unknown-code form carries its own opening quote, so it shows two.
        if (code < error_names.size())
            ctx.print(" {}", error_names[code]);
        else
            ctx.print(" tftp-err-#{} \"", code);
        cur.at += 2;
        cur.length -= 2;
        if (cur.length == 0) return Outcome::Truncated;  // no message
        ctx.put(" \"");
        std::uint32_t used = print_string(ctx, cur);
        ctx.put('"');
        return used == 0 ? Outcome::Truncated : Outcome::Complete;
    }
    default:
        return Outcome::Complete;
    }
}

}  // namespace

void print_tftp(Context& ctx, ByteReader payload, std::uint32_t length) {
    ctx.print("TFTP, length {}", length);
    if (length < 2) return ctx.truncated(protocol);
    if (!payload.has_at(0, 2)) return ctx.truncated_unwind(protocol);
    unsigned opcode = payload.be16_at(0);
    // An unknown opcode is named by number and ends the line.
    if (opcode == 0 || opcode >= opcode_names.size()) return ctx.print(", tftp-#{}", opcode);
    ctx.print(", {}", opcode_names[opcode]);

    Cursor cur{payload, 2, length - 2};
    switch (print_body(ctx, opcode, cur)) {
    case Outcome::Complete: return;
    case Outcome::Truncated: return ctx.truncated(protocol);
    case Outcome::Unwound: return ctx.truncated_unwind(protocol);
    case Outcome::Malformed: return;  // tftp finds nothing self-contradicting
    }
}

}  // namespace rawdump::print
