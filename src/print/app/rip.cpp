// RIP over UDP 520 (print-rip.c as in tcpdump 4.99: RFC 1058 version 1, RFC 2453 version 2
// with its authentication entries, RFC 4822 cryptographic authentication).
//
// tcpdump walks only the entries that were captured: the loop uses the smaller of the
// captured and the declared length (the route count does not), and an entry cut short ends the list with
// " [|rip]" (not by a longjmp), after which -vv still dumps what was captured.
#include <array>
#include <cstring>
#include <string_view>

#include "src/print/base/hexdump.hpp"
#include "src/print/app/rip.hpp"
#include "src/print/base/outcome.hpp"

namespace rawdump::print {
namespace {

constexpr std::string_view protocol = "rip";
constexpr std::size_t header_length = 4, route_length = 20, entry_header_length = 4;
constexpr std::size_t auth_length = 16, crypto_auth_length = 16;

enum Command : unsigned { request = 1, response = 2, trace_on = 3, trace_off = 4, poll = 5, poll_entry = 6 };
constexpr std::array<std::string_view, 7> command_names = {
    "", "Request", "Response", "Trace on", "Trace off", "Poll", "Poll Entry",
};

constexpr unsigned af_inet = 2;
constexpr unsigned auth_family = 0xffff;
enum AuthType : unsigned { auth_trailer = 1, auth_simple = 2, auth_crypto = 3 };

// af.c bsd_af_values: BSD address family numbers.
std::string_view bsd_family_name(unsigned family) {
    switch (family) {
    case 2: return "IPv4";
    case 6: return "NS";
    case 7: return "ISO";
    case 16: return "Appletalk";
    case 23: return "IPX";
    case 24: case 28: case 30: return "IPv6";
    default: return {};
    }
}

// "AFI IPv6" or "AFI Unknown (7)" (tcpdump's two RIP printers indent it differently).
void print_family(Context& ctx, unsigned family, std::string_view lead, std::string_view tail) {
    ctx.put(lead);
    if (const std::string_view name = bsd_family_name(family); !name.empty())
        ctx.put(name);
    else
        ctx.print("Unknown ({})", family);
    ctx.put(tail);
}

// Prefix length of a contiguous netmask, -1 for any other mask (tcpdump's mask2plen).
int mask_to_prefix(std::uint32_t mask) {
    for (int length = 32; length >= 0; --length) {
        std::uint32_t bits = length == 0 ? 0 : ~std::uint32_t(0) << (32 - length);
        if (bits == mask) return length;
    }
    return -1;
}

// "%15s": the address (or name) right-aligned in 15 columns.
void print_host_padded(Context& ctx, const Ipv4Address& a) {
    const std::size_t start = ctx.out.size();
    ctx.host(a);
    const std::size_t written = ctx.out.size() - start;
    if (written >= 15) return;
    const std::size_t pad = 15 - written;
    ctx.out.resize(ctx.out.size() + pad);
    char* text = ctx.out.data() + start;
    std::memmove(text + pad, text, written);
    std::memset(text, ' ', pad);
}

// How an entry ended: Complete with its size; Truncated where tcpdump gives up on the list
// (the caller prints the marker); Unwound where its read ran off the capture (a longjmp:
// nothing more is printed, not even -vv's dump).
struct EntryEnd {
    Outcome outcome;
    std::size_t size = 0;
};

EntryEnd print_entry_v1(Context& ctx, ByteReader entry, std::size_t remaining) {
    if (remaining < route_length || !entry.has(route_length)) return {Outcome::Truncated};
    ByteReader r = entry;
    unsigned family = r.be16();
    unsigned mbz1 = r.be16();
    Ipv4Address destination = r.ipv4();
    std::uint32_t mbz2 = r.be32(), mbz3 = r.be32();
    std::uint32_t metric = r.be32();
    if (family != af_inet && family != 0) {
        print_family(ctx, family, "\n\t AFI ", ", ");
        hex_dump(ctx.out, entry.window(entry_header_length, route_length - entry_header_length).all(), "\n\t  ");
        return {Outcome::Complete, route_length};
    }
    if (mbz1 || mbz2 || mbz3) {  // must-be-zero fields that are not: show the raw entry
        hex_dump(ctx.out, entry.window(0, route_length).all(), "\n\t  ");
        return {Outcome::Complete, route_length};
    }
    ctx.put(family == 0 ? "\n\t  AFI 0, " : "\n\t  ");
    ctx.host(destination);
    ctx.print(", metric: {}", metric);
    return {Outcome::Complete, route_length};
}

EntryEnd print_entry_v2(Context& ctx, ByteReader entry, std::size_t remaining) {
    if (remaining < entry_header_length || !entry.has(entry_header_length)) return {Outcome::Truncated};
    ByteReader r = entry;
    unsigned family = r.be16();
    unsigned tag = r.be16();
    if (family == auth_family) {
        ByteReader data = entry.window(entry_header_length, entry.size());
        remaining -= entry_header_length;
        if (tag == auth_simple) {
            ctx.put("\n\t  Simple Text Authentication data: ");
            // The password, up to its first NUL, read byte by byte (no length check first).
            for (std::size_t i = 0; i < auth_length; ++i) {
                ByteReader one = data.window(i, 1);
                if (one.size() == 0) return {Outcome::Unwound};
                if (one.u8_at(0) == 0) break;
                print_escaped(ctx, one);
            }
        } else if (tag == auth_crypto) {
            if (!data.has(crypto_auth_length) || remaining < crypto_auth_length) return {Outcome::Truncated};
            unsigned packet_length = data.be16();
            unsigned key_id = data.u8();
            unsigned data_length = data.u8();
            std::uint32_t sequence = data.be32(), mbz1 = data.be32(), mbz2 = data.be32();
            ctx.print("\n\t  Auth header: Packet Len {}, Key-ID {}, Auth Data Len {}, SeqNo {}, MBZ {}, MBZ {}",
                      packet_length, key_id, data_length, sequence, mbz1, mbz2);
        } else {
            // The trailer (and anything unknown) runs to the end of the packet.
            if (tag == auth_trailer)
                ctx.put("\n\t  Auth trailer:");
            else
                ctx.print("\n\t  Unknown ({}) Authentication data:", tag);
            hex_dump(ctx.out, data.window(0, remaining).all(), "\n\t  ");
            return {Outcome::Complete, entry_header_length + remaining};
        }
    } else if (family != af_inet && family != 0) {
        print_family(ctx, family, "\n\t  AFI ", "");
        hex_dump(ctx.out, entry.window(entry_header_length, route_length - entry_header_length).all(), "\n\t  ");
    } else {
        if (!entry.has(route_length) || remaining < route_length) return {Outcome::Truncated};
        Ipv4Address destination = r.ipv4();
        std::uint32_t mask = r.be32();
        Ipv4Address next_hop = r.ipv4();
        std::uint32_t metric = r.be32();
        ctx.put("\n\t  AFI ");
        std::string_view name = bsd_family_name(family);
        if (name.empty())
            ctx.print("{}", family);
        else
            ctx.put(name);
        ctx.put(", ");
        print_host_padded(ctx, destination);
        ctx.print("/{:<2}, tag 0x{:04x}, metric: {}, next-hop: ", mask_to_prefix(mask), tag, metric);
        if (next_hop.value() != 0)
            ctx.host(next_hop);
        else
            ctx.put("self");
    }
    return {Outcome::Complete, route_length};
}

// False when the walk ran off the capture.
bool print_entries(Context& ctx, ByteReader entries, std::size_t length, unsigned version) {
    std::size_t at = 0;
    while (length != 0) {
        ByteReader entry = entries.window(at, entries.size());
        const EntryEnd end = version == 1 ? print_entry_v1(ctx, entry, length) : print_entry_v2(ctx, entry, length);
        if (end.outcome == Outcome::Unwound) return false;
        if (end.outcome != Outcome::Complete) {
            ctx.truncated(protocol);
            return true;
        }
        const std::size_t size = end.size;
        if (length < size) {
            ctx.print(" [remaining entries length {} < {}]", length, size);
            ctx.put(" (invalid)");
            return true;
        }
        at += size;
        length -= size;
    }
    return true;
}

}  // namespace

void print_rip(Context& ctx, ByteReader payload, std::uint32_t length) {
    // Only what was captured (and declared) is looked at.
    std::size_t usable = payload.size() < length ? payload.size() : length;
    if (usable < header_length) return ctx.truncated(protocol);
    usable -= header_length;
    ByteReader r = payload;
    unsigned command = r.u8();
    unsigned version = r.u8();
    const bool verbose = ctx.options.verbosity >= 1;
    ctx.print("{}RIPv{}", verbose ? "\n\t" : "", version);
    // RFC 1058: version 0 datagrams are to be ignored; tcpdump dumps them whole.
    if (version == 0) return hex_dump(ctx.out, payload.window(0, length).all());
    ctx.put(", ");
    if (command > 0 && command < command_names.size())
        ctx.put(command_names[command]);
    else
        ctx.print("unknown command ({})", command);
    ctx.print(", length: {}", length);
    if (!verbose) return;

    switch (command) {
    case request:
    case response:
        if (version == 1 || version == 2) {
            // The count divides the declared length, header included; the walk below
            // covers only what was captured.
            ctx.print(", routes: {}{}", length / route_length, version == 2 ? " or less" : "");
            if (!print_entries(ctx, payload.window(header_length, payload.size()), usable, version))
                return ctx.truncated_unwind(protocol);
        } else {
            ctx.put(", unknown version");
        }
        break;
    case trace_off:
    case poll:
    case poll_entry:
        break;
    default:  // trace on and unknown commands: the raw packet, unless -vv dumps it below
        if (ctx.options.verbosity <= 1) hex_dump(ctx.out, payload.window(0, length).all());
        break;
    }
    if (ctx.options.verbosity > 1) hex_dump(ctx.out, payload.window(0, length).all());
}

}  // namespace rawdump::print
