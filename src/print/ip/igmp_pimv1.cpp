// PIM version 1 (print-pim.c pimv1_print, tcpdump 4.99.3), carried as IGMP type 0x14: the
// IGMP code byte is the PIM message type, and the version sits in the high nibble of byte 4.
#include <array>
#include <utility>

#include "src/print/ip/igmp_pimv1.hpp"
#include "src/print/base/duration.hpp"

namespace rawdump::print {
namespace {

enum class PimV1Type : std::uint8_t {
    Query = 0, Register = 1, RegisterStop = 2, JoinPrune = 3, RpReachable = 4, Assert = 5, Graft = 6, GraftAck = 7,
};

constexpr std::array<std::string_view, 8> type_names{
    "Query", "Register", "Register-Stop", "Join/Prune", "RP-reachable", "Assert", "Graft", "Graft-ACK",
};

constexpr std::uint32_t no_mask = 0xffffffffu;
constexpr unsigned default_hold_time = 180;

// Reads as tcpdump's GET_ macros do: the first field not captured ends the line (unwinding).
struct Message {
    Context& ctx;
    ByteReader bytes;
    bool have(std::size_t end) {
        if (bytes.has(end)) return true;
        ctx.truncated_unwind("pimv1");
        return false;
    }
    unsigned u8(std::size_t at) const { return bytes.u8_at(at); }
    unsigned be16(std::size_t at) const { return bytes.be16_at(at); }
    std::uint32_t be32(std::size_t at) const { return bytes.be32_at(at); }
    void host(std::size_t at) { ctx.host(bytes.ipv4_at(at)); }
};

// A single group with a single source fits on one line.
bool print_join_prune_short(Message& m, std::size_t b) {
    if (!m.bytes.has(b + 30) || m.u8(b + 11) != 1) return false;
    unsigned joins = m.be16(b + 20);
    if (joins + m.be16(b + 22) != 1) return false;
    Context& ctx = m.ctx;
    ctx.put(" RPF ");
    m.host(b);
    ctx.put(' ');
    unsigned hold = m.be16(b + 6);
    if (hold != default_hold_time) {
        ctx.put("Hold ");
        print_duration(ctx, hold);
    }
    ctx.print("{} (", joins ? "Join" : "Prune");
    m.host(b + 26);
    ctx.print("/{}, ", m.u8(b + 25) & 0x3f);
    m.host(b + 12);
    if (m.be32(b + 16) != no_mask) {
        ctx.put('/');
        m.host(b + 16);
    }
    unsigned flags = m.u8(b + 25);
    ctx.print(") {}{} {}", (m.u8(b + 24) & 0x01) ? "Sparse" : "Dense", (flags & 0x80) ? " WC" : "",
              (flags & 0x40) ? "RP" : "SPT");
    return true;
}

// Join/Prune, Graft and Graft-ACK bodies (from byte `b`, `length` bytes declared).
void print_join_prune(Message& m, std::size_t b, std::uint32_t length) {
    Context& ctx = m.ctx;
    if (print_join_prune_short(m, b)) return;
    bool very_verbose = ctx.options.verbosity > 1;
    if (length < 4) return ctx.truncated("pimv1");
    if (very_verbose) ctx.put('\n');
    if (!m.have(b + 4)) return;
    ctx.put(" Upstream Nbr: ");
    m.host(b);
    length -= 4;
    if (length < 4) return ctx.truncated("pimv1");
    if (very_verbose) ctx.put('\n');
    ctx.put(" Hold time: ");
    if (!m.have(b + 8)) return;
    print_duration(ctx, m.be16(b + 6));
    if (!very_verbose) return;
    length -= 4;
    if (length < 4) return ctx.truncated("pimv1");
    if (!m.have(b + 12)) return;
    unsigned groups = m.u8(b + 11);
    std::size_t at = b + 12;
    length -= 4;
    for (; groups != 0; --groups) {
        if (length < 4) return ctx.truncated("pimv1");
        if (!m.have(at + 4)) return;
        ctx.put("\n\tGroup: ");
        m.host(at);
        at += 4;
        length -= 4;
        if (length < 4) return ctx.truncated("pimv1");
        if (!m.have(at + 4)) return;
        if (m.be32(at) != no_mask) {
            ctx.put('/');
            m.host(at);
        }
        at += 4;
        length -= 4;
        if (length < 4) return ctx.truncated("pimv1");
        if (!m.have(at + 4)) return;
        unsigned joins = m.be16(at), prunes = m.be16(at + 2);
        ctx.print(" joined: {} pruned: {}", joins, prunes);
        at += 4;
        length -= 4;
        for (unsigned i = 0; i < joins + prunes; ++i) {
            if (length < 6) return ctx.truncated("pimv1");
            if (!m.have(at + 6)) return;
            unsigned mode = m.u8(at), flags = m.u8(at + 1);
            ctx.print("\n\t{} {}{}{}", i < joins ? "Join " : "Prune", (mode & 0x01) ? "Sparse " : "Dense ",
                      (flags & 0x80) ? "WC " : "", (flags & 0x40) ? "RP " : "SPT ");
            m.host(at + 2);
            ctx.print("/{}", flags & 0x3f);
            at += 6;
            length -= 6;
        }
    }
}

}  // namespace

void print_pimv1(Context& ctx, ByteReader message, std::uint32_t length) {
    Message m{ctx, message};
    if (!m.have(2)) return;
    unsigned type = m.u8(1);
    if (type < type_names.size())
        ctx.print(" {}", type_names[type]);
    else
        ctx.print(" [type {}]", type);
    bool verbose = ctx.options.verbosity > 0;
    switch (static_cast<PimV1Type>(type)) {
    case PimV1Type::Query:
        if (message.has(9)) {
            constexpr std::array<std::string_view, 3> modes{" Dense-mode", " Sparse-mode", " Sparse-Dense-mode"};
            unsigned mode = m.u8(8) >> 4;
            if (mode < modes.size())
                ctx.put(modes[mode]);
            else
                ctx.print(" mode-{}", mode);
        }
        if (verbose) {
            ctx.put(" (Hold-time ");
            if (!m.have(12)) return;
            print_duration(ctx, m.be16(10));
            ctx.put(')');
        }
        break;
    case PimV1Type::Register:
        if (!message.has(28)) return ctx.truncated("pimv1");  // the encapsulated IP header
        ctx.put(" for ");
        m.host(20);
        ctx.put(" > ");
        m.host(24);
        break;
    case PimV1Type::RegisterStop:
        if (!m.have(16)) return;
        ctx.put(" for ");
        m.host(8);
        ctx.put(" > ");
        m.host(12);
        break;
    case PimV1Type::RpReachable:
        if (verbose) {
            if (!m.have(12)) return;
            ctx.put(" group ");
            m.host(8);
            if (!m.have(16)) return;
            if (m.be32(12) != no_mask) {
                ctx.put('/');
                m.host(12);
            }
            if (!m.have(20)) return;
            ctx.put(" RP ");
            m.host(16);
            ctx.put(" hold ");
            if (!m.have(24)) return;
            print_duration(ctx, m.be16(22));
        }
        break;
    case PimV1Type::Assert:
        if (!m.have(20)) return;
        ctx.put(" for ");
        m.host(16);
        ctx.put(" > ");
        m.host(8);
        if (m.be32(12) != no_mask) {
            ctx.put('/');
            m.host(12);
        }
        if (!m.have(28)) return;
        ctx.print(" {} pref {} metric {}", (m.u8(20) & 0x80) ? "RP-tree" : "SPT", m.be32(20) & 0x7fffffffu,
                  m.be32(24));
        break;
    case PimV1Type::JoinPrune:
    case PimV1Type::Graft:
    case PimV1Type::GraftAck:
        if (verbose) {
            if (length < 8) return ctx.truncated("pimv1");
            print_join_prune(m, 8, length - 8);
            if (ctx.unwound) return;
        }
        break;
    }
    if (!m.have(5)) return;
    if ((m.u8(4) >> 4) != 1) ctx.print(" [v{}]", m.u8(4) >> 4);
}

}  // namespace rawdump::print
