// GRE (print-gre.c, tcpdump 4.99.3): version 0 with its optional checksum, offset, key,
// sequence number and source routes, then the payload by ethertype; version 1 (PPTP) headers.
//
// tcpdump checks each optional field against both the capture and the declared length and
// prints " [|gre]" when either runs out, without losing the link-header length.
#include <array>
#include <utility>

#include "src/print/ip/gre.hpp"

#include "src/print/ip/ipv4.hpp"
#include "src/print/ip/ipv6.hpp"
#include "src/print/dispatch/ethertypes.hpp"
#include "src/print/dispatch/link_types.hpp"
#include "src/print/dispatch/carried.hpp"
#include "src/print/base/protocols.hpp"

namespace rawdump::print {
namespace {

constexpr std::uint16_t checksum_present = 0x8000;
constexpr std::uint16_t routing_present = 0x4000;
constexpr std::uint16_t key_present = 0x2000;
constexpr std::uint16_t sequence_present = 0x1000;
constexpr std::uint16_t strict_source_route = 0x0800;
constexpr std::uint16_t ack_present = 0x0080;
constexpr std::uint16_t version_mask = 0x0007;

constexpr std::array<std::pair<std::uint16_t, std::string_view>, 6> flag_names{{
    {checksum_present, "checksum present"}, {routing_present, "routing present"}, {key_present, "key present"},
    {sequence_present, "sequence# present"}, {strict_source_route, "source routing present"},
    {ack_present, "ack present"},
}};

// Address families of source route entries (RFC 1701).
constexpr std::uint16_t route_family_ip = 0x0800;
constexpr std::uint16_t route_family_asn = 0xfffe;

constexpr std::uint16_t ethertype_transparent_bridging = 0x6558;

// A cursor over the GRE header that tracks the declared length too.
struct Cursor {
    ByteReader bytes;
    std::uint32_t left = 0;  // declared bytes not consumed yet

    // False (and nothing consumed) when `n` bytes are missing from the capture or the length.
    bool has(std::size_t n) const { return bytes.has(n) && left >= n; }
    std::uint16_t be16() {
        left -= 2;
        return bytes.be16();
    }
    std::uint32_t be32() {
        left -= 4;
        return bytes.be32();
    }
    void skip(std::size_t n) {
        left -= static_cast<std::uint32_t>(n);
        bytes.skip(n);
    }
};

void print_flags(Context& ctx, std::uint16_t flags) {
    ctx.put(", Flags ");
    print_flag_names(ctx, flags, flag_names);
}

// The entries of one source route: IPv4 addresses or 2-byte AS numbers, the current one
// starred. False when they run past the capture or the length.
bool print_route_entries(Context& ctx, Cursor c, unsigned offset, unsigned length, unsigned unit) {
    if (offset % unit != 0) {
        ctx.print(", badoffset={}", offset);
        return true;
    }
    if (length % unit != 0) {
        ctx.print(", badlength={}", length);
        return true;
    }
    if (offset >= length) {
        ctx.print(", badoff/len={}/{}", offset, length);
        return true;
    }
    for (unsigned at = 0; at < length; at += unit) {
        if (!c.has(unit)) return false;
        ctx.print(" {}", at == offset ? "*" : "");
        if (unit == 4) {
            Ipv4Address a = c.bytes.ipv4();
            c.left -= 4;
            append_numeric(ctx.out, a);
        } else {
            ctx.print("{:x}", c.be16());
        }
    }
    return true;
}

bool print_route(Context& ctx, const Cursor& c, std::uint16_t family, unsigned offset, unsigned length) {
    switch (family) {
    case route_family_ip: {
        ctx.put(", (rtaf=ip");
        bool ok = print_route_entries(ctx, c, offset, length, 4);
        ctx.put(')');
        return ok;
    }
    case route_family_asn: {
        ctx.put(", (rtaf=asn");
        bool ok = print_route_entries(ctx, c, offset, length, 2);
        ctx.put(')');
        return ok;
    }
    default:
        ctx.print(", (rtaf=0x{:x})", family);
        return true;
    }
}

void print_protocol(Context& ctx, std::uint16_t protocol) {
    if (!ctx.options.link_header) return;
    auto name = ethertype_name(protocol);
    ctx.print(", proto {} (0x{:04x})", name.empty() ? std::string_view{"unknown"} : name, protocol);
}

void print_version0(Context& ctx, Cursor c, std::uint32_t length) {
    std::uint16_t flags = c.be16();
    if (ctx.options.verbosity > 0) print_flags(ctx, flags);
    if (!c.has(2)) return ctx.truncated("gre");
    std::uint16_t protocol = c.be16();
    if (flags & (checksum_present | routing_present)) {
        if (!c.has(2)) return ctx.truncated("gre");
        std::uint16_t sum = c.be16();
        if (ctx.options.verbosity > 0) ctx.print(", sum 0x{:x}", sum);
        if (!c.has(2)) return ctx.truncated("gre");
        ctx.print(", off 0x{:x}", c.be16());
    }
    if (flags & key_present) {
        if (!c.has(4)) return ctx.truncated("gre");
        ctx.print(", key=0x{:x}", c.be32());
    }
    if (flags & sequence_present) {
        if (!c.has(4)) return ctx.truncated("gre");
        ctx.print(", seq {}", c.be32());
    }
    if (flags & routing_present) {
        for (;;) {
            if (!c.has(4)) return ctx.truncated("gre");
            std::uint16_t family = c.be16();
            unsigned offset = c.bytes.u8(), entries_length = c.bytes.u8();
            c.left -= 2;
            if (family == 0 && entries_length == 0) break;  // the terminating entry
            if (!print_route(ctx, c, family, offset, entries_length)) return ctx.truncated("gre");
            if (c.left < entries_length) return ctx.truncated("gre");
            c.left -= entries_length;
            c.bytes = c.bytes.window(c.bytes.position() + entries_length, c.bytes.size());
        }
    }
    print_protocol(ctx, protocol);
    ctx.print(", length {}", length);
    ctx.put(ctx.options.verbosity > 0 ? "\n\t" : ": ");

    ByteReader payload = c.bytes.narrowed(c.bytes.remaining());
    switch (static_cast<EtherType>(protocol)) {
    case EtherType::Ipv4:
        return print_ipv4(ctx, payload, c.left);
    case EtherType::Ipv6:
        return print_ipv6(ctx, payload, c.left);
    case EtherType::MplsUnicast:
        return print_network(ctx, EtherType::MplsUnicast, payload, c.left);
    default:
        break;
    }
    if (protocol == ethertype_transparent_bridging) {
        print_link_type(ctx, LinkType::En10mb, payload, c.left);
        return;
    }
    // IPX, AppleTalk and OSI payloads have no printer here yet.
    ctx.print("gre-proto-0x{:x}", protocol);
}

// PPTP's enhanced GRE: call id, sequence and acknowledgement numbers.
void print_version1(Context& ctx, Cursor c, std::uint32_t length) {
    std::uint16_t flags = c.be16();
    if (ctx.options.verbosity > 0) print_flags(ctx, flags);
    if (!c.has(2)) return ctx.truncated("gre");
    std::uint16_t protocol = c.be16();
    if (flags & key_present) {
        if (!c.has(4)) return ctx.truncated("gre");
        ctx.print(", call {}", c.be32() & 0xffff);  // payload length, then call id
    }
    if (flags & sequence_present) {
        if (!c.has(4)) return ctx.truncated("gre");
        ctx.print(", seq {}", c.be32());
    }
    if (flags & ack_present) {
        if (!c.has(4)) return ctx.truncated("gre");
        ctx.print(", ack {}", c.be32());
    }
    if (!(flags & sequence_present)) ctx.put(", no-payload");
    print_protocol(ctx, protocol);
    ctx.print(", length {}", length);
    if (!(flags & sequence_present)) return;
    ctx.put(ctx.options.verbosity > 0 ? "\n\t" : ": ");
    // PPTP carries PPP, with or without the address and control bytes.
    if (protocol == static_cast<std::uint16_t>(EtherType::Ppp))
        return print_ppp(ctx, c.bytes.narrowed(c.bytes.remaining()), c.left);
    ctx.print("gre-proto-0x{:x}", protocol);
}

}  // namespace

void print_gre(Context& ctx, ByteReader packet, std::uint32_t length) {
    Cursor c{packet, length};
    if (!c.has(2)) return ctx.truncated("gre");
    unsigned version = packet.be16_at(0) & version_mask;
    ctx.print("GREv{}", version);
    switch (version) {
    case 0:
        return print_version0(ctx, c, length);
    case 1:
        return print_version1(ctx, c, length);
    default:
        ctx.put(" ERROR: unknown-version");
    }
}

}  // namespace rawdump::print
