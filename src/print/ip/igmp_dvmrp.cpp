// DVMRP (RFC 1075, draft-ietf-idmr-dvmrp-v3), IGMP type 0x13 (print-dvmrp.c, tcpdump 4.99.3).
// The IGMP code byte is the DVMRP message type; the group field carries version numbers.
#include <array>
#include <utility>

#include "src/print/ip/igmp_dvmrp.hpp"
#include "src/print/base/duration.hpp"

namespace rawdump::print {
namespace {

enum class DvmrpType : std::uint8_t {
    Probe = 1, Report = 2, AskNeighbors = 3, Neighbors = 4, AskNeighbors2 = 5, Neighbors2 = 6, Prune = 7,
    Graft = 8, GraftAck = 9,
};

constexpr std::array<std::pair<std::uint8_t, std::string_view>, 9> type_names{{
    {1, "Probe"}, {2, "Report"}, {3, "Ask-neighbors(old)"}, {4, "Neighbors(old)"}, {5, "Ask-neighbors2"},
    {6, "Neighbors2"}, {7, "Prune"}, {8, "Graft"}, {9, "Graft-ACK"},
}};

// Neighbour flags of a Neighbors2 reply, in tcpdump's order.
constexpr std::array<std::pair<std::uint8_t, std::string_view>, 5> neighbor_flags{{
    {0x01, "/tunnel"}, {0x02, "/srcrt"}, {0x40, "/querier"}, {0x20, "/disabled"}, {0x10, "/down"},
}};

constexpr std::size_t igmp_header_length = 8;

// Reads as tcpdump's GET_ macros do: a read past the capture ends the line (unwinding). Kept
// beside ByteReader because have() prints the marker and unwinds, which a reader's sticky
// flag does not; the fields themselves are read through the reader's _at words.
struct Cursor {
    Context& ctx;
    ByteReader bytes;
    std::size_t at = 0;
    bool have(std::size_t n) {
        if (bytes.has(at + n)) return true;
        ctx.truncated_unwind("dvmrp");
        return false;
    }
    unsigned u8() { return bytes.u8_at(at++); }
};

void print_invalid(Context& ctx) { ctx.put(" (invalid)"); }

void print_probe(Cursor& c, std::uint32_t length) {
    Context& ctx = c.ctx;
    if (length < 4) {
        ctx.print(" [full length {} < 4]", length);
        return print_invalid(ctx);
    }
    ctx.put(ctx.options.verbosity > 1 ? "\n\t" : " ");
    if (!c.have(4)) return;
    ctx.print("genid {}", c.bytes.be32_at(c.at));
    if (ctx.options.verbosity < 2) return;
    c.at += 4;
    length -= 4;
    while (length != 0) {
        if (length < 4) {
            ctx.print("[remaining length {} < 4]", length);
            return print_invalid(ctx);
        }
        if (!c.have(4)) return;
        ctx.put("\n\tneighbor ");
        ctx.host(c.bytes.ipv4_at(c.at));
        c.at += 4;
        length -= 4;
    }
}

// Route reports: a mask (its first byte implied 0xff), then origins as wide as the mask with
// a metric each; the metric's top bit ends the list for that mask.
void print_report(Cursor& c, std::uint32_t length) {
    Context& ctx = c.ctx;
    while (length != 0) {
        if (length < 3) {
            ctx.print(" [length {} < 3]", length);
            return print_invalid(ctx);
        }
        if (!c.have(3)) return;
        unsigned m1 = c.u8(), m2 = c.u8(), m3 = c.u8();
        unsigned width = m3 ? 4 : m2 ? 3 : m1 ? 2 : 1;
        ctx.print("\n\tMask 255.{}.{}.{}", m1, m2, m3);
        length -= 3;
        bool done = false;
        while (!done) {
            if (length < width + 1) {
                ctx.put("\n\t  [Truncated Report]");
                return print_invalid(ctx);
            }
            if (!c.have(width + 1)) return;
            std::array<unsigned, 4> origin{};
            for (unsigned i = 0; i < width; ++i) origin[i] = c.u8();
            unsigned metric = c.u8();
            done = (metric & 0x80) != 0;
            ctx.print("\n\t  {}.{}.{}.{} metric {}", origin[0], origin[1], origin[2], origin[3], metric & 0x7f);
            length -= width + 1;
        }
    }
}

void print_neighbors(Cursor& c, std::uint32_t length) {
    Context& ctx = c.ctx;
    while (length != 0) {
        if (length < 7) {
            ctx.print(" [length {} < 7]", length);
            return print_invalid(ctx);
        }
        std::size_t local = c.at;
        c.at += 4;
        if (!c.have(3)) return;
        unsigned metric = c.u8(), threshold = c.u8();
        int count = static_cast<int>(c.u8());
        length -= 7;
        while (--count >= 0) {
            if (length < 4) {
                ctx.print(" [length {} < 4]", length);
                return print_invalid(ctx);
            }
            if (!c.bytes.has(local + 4)) return c.ctx.truncated_unwind("dvmrp");
            ctx.put(" [");
            ctx.host(c.bytes.ipv4_at(local));
            ctx.put(" ->");
            if (!c.have(4)) return;
            ctx.put(' ');
            ctx.host(c.bytes.ipv4_at(c.at));
            ctx.print(", ({}/{})]", metric, threshold);
            c.at += 4;
            length -= 4;
        }
    }
}

void print_neighbors2(Cursor& c, std::uint32_t length, unsigned major, unsigned minor) {
    Context& ctx = c.ctx;
    ctx.print(" (v {}.{}):", major, minor);
    while (length != 0) {
        if (length < 8) {
            ctx.print(" [length {} < 8]", length);
            return print_invalid(ctx);
        }
        std::size_t local = c.at;
        c.at += 4;
        if (!c.have(4)) return;
        unsigned metric = c.u8(), threshold = c.u8(), flags = c.u8();
        int count = static_cast<int>(c.u8());
        length -= 8;
        while (--count >= 0 && length != 0) {
            if (length < 4) {
                ctx.print(" [length {} < 4]", length);
                return print_invalid(ctx);
            }
            if (!c.bytes.has(local + 4)) return c.ctx.truncated_unwind("dvmrp");
            ctx.put(" [");
            ctx.host(c.bytes.ipv4_at(local));
            ctx.put(" -> ");
            if (!c.have(4)) return;
            ctx.host(c.bytes.ipv4_at(c.at));
            ctx.print(" ({}/{}", metric, threshold);
            for (const auto& [bit, text] : neighbor_flags)
                if (flags & bit) ctx.put(text);
            ctx.put(")]");
            c.at += 4;
            length -= 4;
        }
        if (count != -1) {
            ctx.put(" [invalid ncount]");
            return print_invalid(ctx);
        }
    }
}

// " src S grp G": both addresses are read before anything is printed.
bool print_source_group(Cursor& c) {
    if (!c.have(8)) return false;
    c.ctx.put(" src ");
    c.ctx.host(c.bytes.ipv4_at(c.at));
    c.ctx.put(" grp ");
    c.ctx.host(c.bytes.ipv4_at(c.at + 4));
    return true;
}

}  // namespace

void print_dvmrp(Context& ctx, ByteReader message, std::uint32_t length) {
    if (length < igmp_header_length) {
        ctx.print(" [length {} < 8]", length);
        return print_invalid(ctx);
    }
    if (!message.has(2)) return ctx.truncated_unwind("dvmrp");
    unsigned type = message.u8_at(1);
    std::string_view name;
    for (const auto& [k, n] : type_names)
        if (k == type) name = n;
    if (name.empty())
        ctx.print(" [type {}]", type);
    else
        ctx.print(" {}", name);
    Cursor c{ctx, message, igmp_header_length};
    std::uint32_t body = length - igmp_header_length;
    switch (static_cast<DvmrpType>(type)) {
    case DvmrpType::Probe:
        if (ctx.options.verbosity > 0) print_probe(c, body);
        break;
    case DvmrpType::Report:
        if (ctx.options.verbosity > 1) print_report(c, body);
        break;
    case DvmrpType::Neighbors:
        print_neighbors(c, body);
        break;
    case DvmrpType::Neighbors2: {
        // The version sits in the IGMP group field: minor at byte 6, major at byte 7.
        if (!message.has(igmp_header_length)) return ctx.truncated_unwind("dvmrp");
        unsigned major = message.u8_at(7), minor = message.u8_at(6);
        print_neighbors2(c, body, major, minor);
        break;
    }
    case DvmrpType::Prune: {
        if (!print_source_group(c)) return;
        ctx.put(" timer ");
        c.at += 8;
        if (!c.have(4)) return;
        std::uint32_t seconds = message.be32_at(c.at);
        print_duration(ctx, seconds);
        break;
    }
    case DvmrpType::Graft:
    case DvmrpType::GraftAck:
        print_source_group(c);
        break;
    default:
        break;
    }
}

}  // namespace rawdump::print
