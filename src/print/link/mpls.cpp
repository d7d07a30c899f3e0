// MPLS (print-mpls.c, tcpdump 4.99.3): each label stack entry as "(label N, tc N, [S], ttl N)",
// then a guess at the payload, since MPLS itself does not say what it carries.
//
// Reading an entry or the payload's first byte past the capture is one of tcpdump's
// longjmp truncations: " [|mpls]", and -x loses the link-header length.
#include <array>
#include <string_view>

#include "src/print/link/mpls.hpp"

#include "src/print/base/hexdump.hpp"
#include "src/print/dispatch/ethertypes.hpp"

namespace rawdump::print {
namespace {

constexpr std::uint32_t entry_length = 4;

// Reserved labels 0..15 (RFC 3032 section 2.1), named only under -v.
constexpr std::array<std::string_view, 16> reserved_label_names{
    "IPv4 explicit NULL", "router alert", "IPv6 explicit NULL", "implicit NULL", "rsvd", "rsvd", "rsvd", "rsvd",
    "rsvd",               "rsvd",         "rsvd",               "rsvd",          "rsvd", "rsvd", "rsvd", "rsvd",
};
constexpr std::uint32_t label_ipv4_explicit_null = 0;
constexpr std::uint32_t label_ipv6_explicit_null = 2;
constexpr std::uint32_t label_implicit_null = 3;

enum class Payload { Unknown, Ipv4, Ipv6, Osi };

// Below a label that names no protocol, the first byte decides (as for IS-IS and IP sharing
// one ATM circuit, draft-hsmit-isis-aal5mux): 0x45-0x4f IPv4, 0x60-0x6f IPv6, 0x81-0x83 OSI.
Payload guess(std::uint8_t first) {
    if (first >= 0x45 && first <= 0x4f) return Payload::Ipv4;
    if (first >= 0x60 && first <= 0x6f) return Payload::Ipv6;
    if (first >= 0x81 && first <= 0x83) return Payload::Osi;
    return Payload::Unknown;
}

}  // namespace

void print_mpls(Context& ctx, ByteReader packet, std::uint32_t length) {
    ctx.put("MPLS");
    const bool verbose = ctx.options.verbosity > 0;
    std::uint32_t label = 0;
    bool bottom = false;
    for (bool first = true; !bottom; first = false) {
        if (length < entry_length) {
            ctx.put(" (invalid)");
            // tcpdump then checks that the rest was captured.
            if (!packet.has(length)) ctx.truncated_unwind("mpls");
            return;
        }
        std::uint32_t entry = packet.be32();
        if (packet.truncated()) return ctx.truncated_unwind("mpls");
        label = entry >> 12;
        bottom = (entry >> 8) & 1;
        ctx.print("{}(label {}", (!first && verbose) ? "\n\t" : " ", label);
        if (verbose && label < reserved_label_names.size()) ctx.print(" ({})", reserved_label_names[label]);
        ctx.print(", tc {}", (entry >> 9) & 7);
        if (bottom) ctx.put(", [S]");
        ctx.print(", ttl {})", entry & 0xff);
        length -= entry_length;
    }

    Payload payload = Payload::Unknown;
    switch (label) {
    case label_ipv4_explicit_null:
    case label_implicit_null:
        payload = Payload::Ipv4;
        break;
    case label_ipv6_explicit_null:
        payload = Payload::Ipv6;
        break;
    default:
        if (length < 1) return;  // nothing to print
        if (!packet.has(1)) return ctx.truncated_unwind("mpls");
        payload = guess(packet.u8_at(packet.position()));
        break;
    }

    ByteReader rest = packet.narrowed(packet.remaining());
    switch (payload) {
    case Payload::Unknown:
        if (ctx.default_dump()) {
            // The declared rest, as far as it was captured; a short capture ends the packet
            // there (tcpdump's hex printer longjmps out).
            ByteReader shown = rest.narrowed(length);
            hex_ascii_dump(ctx.out, shown.all());
            if (shown.size() < length) ctx.truncated_unwind("mpls");
        }
        return;
    case Payload::Ipv4:
        ctx.put(verbose ? "\n\t" : " ");
        return print_network(ctx, EtherType::Ipv4, rest, length);
    case Payload::Ipv6:
        ctx.put(verbose ? "\n\t" : " ");
        return print_network(ctx, EtherType::Ipv6, rest, length);
    case Payload::Osi:
        // OSI (CLNP, ES-IS, IS-IS) has no printer here yet, so unlike tcpdump this dumps the
        // payload in hex.
        ctx.put(verbose ? "\n\t" : " ");
        if (ctx.default_dump()) hex_ascii_dump(ctx.out, rest.narrowed(length).all());
        return;
    }
}

}  // namespace rawdump::print
