// TCP (print-tcp.c tcp_print, tcpdump 4.99.3 wording).
#include <array>
#include <utility>

#include "src/print/dispatch/ports.hpp"
#include "src/print/base/checksum.hpp"
#include "src/print/base/outcome.hpp"
#include "src/print/base/protocols.hpp"
#include "src/print/transport/tcp_header.hpp"
#include "src/print/transport/tcp_mptcp.hpp"
#include "src/print/base/tcp_sequence.hpp"
#include "src/print/transport/tcp.hpp"

namespace rawdump::print {
namespace {

// Letters in tcpdump's order.
constexpr std::array<std::pair<TcpFlag, char>, 8> flag_letters{{
    {TcpFlag::Fin, 'F'}, {TcpFlag::Syn, 'S'}, {TcpFlag::Rst, 'R'}, {TcpFlag::Push, 'P'},
    {TcpFlag::Ack, '.'}, {TcpFlag::Urg, 'U'}, {TcpFlag::Ece, 'E'}, {TcpFlag::Cwr, 'W'},
}};

enum class TcpOptionKind : std::uint8_t {
    Eol = 0, Nop = 1, Mss = 2, WindowScale = 3, SackPermitted = 4, Sack = 5, Echo = 6, EchoReply = 7,
    Timestamp = 8, Cc = 11, CcNew = 12, CcEcho = 13, Md5 = 19, Scps = 20, UserTimeout = 28,
    TcpAo = 29, Mptcp = 30, FastOpen = 34, Experiment2 = 254,
};

constexpr std::array<std::pair<TcpOptionKind, std::string_view>, 19> option_names{{
    {TcpOptionKind::Eol, "eol"}, {TcpOptionKind::Nop, "nop"}, {TcpOptionKind::Mss, "mss"},
    {TcpOptionKind::WindowScale, "wscale"}, {TcpOptionKind::SackPermitted, "sackOK"},
    {TcpOptionKind::Sack, "sack"}, {TcpOptionKind::Echo, "echo"}, {TcpOptionKind::EchoReply, "echoreply"},
    {TcpOptionKind::Timestamp, "TS"}, {TcpOptionKind::Cc, "cc"}, {TcpOptionKind::CcNew, "ccnew"},
    {TcpOptionKind::CcEcho, ""}, {TcpOptionKind::Md5, "md5"}, {TcpOptionKind::Scps, "scps"},
    {TcpOptionKind::UserTimeout, "uto"}, {TcpOptionKind::TcpAo, "tcp-ao"}, {TcpOptionKind::Mptcp, "mptcp"},
    {TcpOptionKind::FastOpen, "tfo"}, {TcpOptionKind::Experiment2, "exp"},
}};

// Sequence-number bases for this packet (rev: the packet goes against the canonical order).
struct Relative {
    bool reverse = false;
    std::uint32_t seq_base = 0, ack_base = 0;
};

// Finds or records the conversation and rewrites seq/ack as tcpdump does.
Relative relative_numbers(Context& ctx, const IpInfo& ip, TcpHeader& h) {
    Relative rel;
    if (ctx.options.absolute_sequence || !h.has(TcpFlag::Ack)) return rel;
    rel.reverse = h.source_port > h.destination_port || (h.source_port == h.destination_port && ip.compare_addresses() > 0);
    TcpFlowKey key;
    key.version = static_cast<std::uint8_t>(ip.version);
    auto copy = [](auto& dst, const auto& src) {
        for (std::size_t i = 0; i < src.size(); ++i) dst[i] = src[i];
    };
    if (ip.version == 4) {
        copy(key.src, rel.reverse ? ip.dst4.bytes : ip.src4.bytes);
        copy(key.dst, rel.reverse ? ip.src4.bytes : ip.dst4.bytes);
    } else {
        copy(key.src, rel.reverse ? ip.dst6.bytes : ip.src6.bytes);
        copy(key.dst, rel.reverse ? ip.src6.bytes : ip.dst6.bytes);
    }
    key.ports = rel.reverse ? std::uint32_t(h.destination_port) << 16 | h.source_port : std::uint32_t(h.source_port) << 16 | h.destination_port;
    TcpInitialSequence fresh = rel.reverse ? TcpInitialSequence{h.acknowledgment - 1, h.sequence}
                                           : TcpInitialSequence{h.sequence, h.acknowledgment - 1};
    auto [entry, recorded] = ctx.tcp_sequences.lookup(key, h.has(TcpFlag::Syn), fresh);
    if (!recorded) {
        if (rel.reverse)
            h.sequence -= entry.ack, h.acknowledgment -= entry.seq;
        else
            h.sequence -= entry.seq, h.acknowledgment -= entry.ack;
    }
    rel.seq_base = entry.seq;
    rel.ack_base = entry.ack;
    return rel;
}

// The option list, decoded and printed in one pass because tcpdump's output depends on
// exactly where the bytes run out: a missing kind/length byte ends with " [|tcp]", missing
// option data with " [|tcp]>" (no '>' for the first option), a length beyond the header
// with "[bad opt]".
//
// How one option ended, as an Outcome (print-tcp.c's LENCHECK and its labels):
//   Complete  - printed; the walk goes on;
//   Truncated - its data was not all captured (was End::CutInData): " [|tcp]>";
//   Malformed - its data runs past the header's option space, or its length contradicts its
//               kind (was End::Bad): "[bad opt]".
// A missing kind or length byte unwinds at once and never becomes an Outcome here.
constexpr std::uint16_t fast_open_magic = 0xf989;

// What the option printers need to know about the segment around them.
struct OptionScope {
    const Relative& rel;
    std::uint8_t flags = 0;         // MPTCP's forms depend on SYN and ACK
    bool segment_captured = false;  // payload too: only then could an MD5 signature be checked
    // tcpdump's name in a truncation marker: print-mptcp.c renames the protocol and nothing
    // renames it back, so after an MPTCP option the rest of the segment is cut as "mptcp".
    std::string_view protocol = "tcp";
};

// One option's data as its printer sees it.
struct OptionData {
    ByteReader data;      // a cursor over the data, clipped to the header's option space
    ByteReader captured;  // the same start, never moved: what was captured from there on
    unsigned budget = 0;  // option space left after the kind and length bytes
    unsigned length = 0;  // the option's length byte (kind and length included)

    unsigned data_length() const { return length - 2; }
    // LENCHECK: the first `n` bytes of data must fit in the header and have been captured.
    Outcome need(unsigned n) const {
        if (n > budget) return Outcome::Malformed;
        if (!captured.has(n)) return Outcome::Truncated;
        return Outcome::Complete;
    }
};

// How many data bytes an option of this kind occupies (its length byte for the variable ones).
unsigned data_length(TcpOptionKind kind, unsigned length) {
    switch (kind) {
    case TcpOptionKind::Eol:
    case TcpOptionKind::Nop:
    case TcpOptionKind::SackPermitted: return 0;
    case TcpOptionKind::WindowScale: return 1;
    case TcpOptionKind::Mss:
    case TcpOptionKind::Scps:
    case TcpOptionKind::UserTimeout: return 2;
    case TcpOptionKind::Echo:
    case TcpOptionKind::EchoReply:
    case TcpOptionKind::Cc:
    case TcpOptionKind::CcNew:
    case TcpOptionKind::CcEcho: return 4;
    case TcpOptionKind::Timestamp: return 8;
    case TcpOptionKind::Md5: return 16;
    default: return length - 2;
    }
}

void print_hex(Context& ctx, ByteReader& data, unsigned count) {
    for (unsigned i = 0; i < count; ++i) ctx.print("{:02x}", data.u8());
}

// TCP Fast Open: a cookie request (empty) or a 4..16-byte even-length cookie.
void print_fast_open(Context& ctx, ByteReader cookie, unsigned length, bool experimental) {
    if (experimental) ctx.put("tfo");
    if (length == 0) return ctx.put(" cookiereq");
    if (length % 2 != 0 || length < 4 || length > 16) return ctx.put(" (invalid)");
    ctx.put(" cookie ");
    print_hex(ctx, cookie, length);
}

// The options whose data is one number: mss, wscale, echo, echoreply, cc, ccnew, ccecho.
Outcome print_number_option(Context& ctx, TcpOptionKind kind, OptionData& o) {
    const unsigned size = data_length(kind, o.length);
    if (auto got = o.need(size); !finished(got)) return got;
    if (size == 1)
        ctx.print(" {}", o.data.u8());
    else if (size == 2)
        ctx.print(" {}", o.data.be16());
    else
        ctx.print(" {}", o.data.be32());
    return Outcome::Complete;
}

// SACK blocks, relative to the sequence base of the other direction.
Outcome print_sack(Context& ctx, OptionData& o, const Relative& rel) {
    const unsigned size = o.data_length();
    constexpr unsigned block = 8;
    if (size % block != 0) {
        ctx.put(" invalid sack");
        return Outcome::Complete;
    }
    ctx.print(" {} ", size / block);
    const std::uint32_t base = rel.reverse ? rel.seq_base : rel.ack_base;
    for (unsigned at = 0; at < size; at += block) {
        if (auto got = o.need(at + 4); !finished(got)) return got;
        const std::uint32_t left = o.data.be32();
        if (auto got = o.need(at + block); !finished(got)) return got;
        ctx.print("{{{}:{}}}", left - base, o.data.be32() - base);
    }
    return Outcome::Complete;
}

Outcome print_timestamp(Context& ctx, OptionData& o) {
    if (auto got = o.need(8); !finished(got)) return got;
    const std::uint32_t value = o.data.be32();
    ctx.print(" val {} ecr {}", value, o.data.be32());
    return Outcome::Complete;
}

Outcome print_md5(Context& ctx, OptionData& o, const OptionScope& scope) {
    constexpr unsigned signature = 16;
    if (auto got = o.need(signature); !finished(got)) return got;
    // No secret is ever configured (-M), so the signature cannot be verified; tcpdump first
    // complains about a segment it could not have checked anyway.
    ctx.put(scope.segment_captured ? " shared secret not supplied with -M, can't check - "
                                   : " snaplen too short, can't check - ");
    print_hex(ctx, o.data, signature);
    return Outcome::Complete;
}

Outcome print_scps(Context& ctx, OptionData& o) {
    if (auto got = o.need(2); !finished(got)) return got;
    const std::uint8_t capabilities = o.data.u8();
    ctx.print(" cap {:02x} id {}", capabilities, o.data.u8());
    return Outcome::Complete;
}

// RFC 5482: the low bit says minutes (1) or seconds (0).
Outcome print_user_timeout(Context& ctx, OptionData& o) {
    if (auto got = o.need(2); !finished(got)) return got;
    const unsigned value = o.data.be16();
    ctx.print(" 0x{:x} {}", value, (value & 1) ? (value >> 1) * 60 : value >> 1);
    return Outcome::Complete;
}

// RFC 7413.
Outcome print_fast_open_option(Context& ctx, OptionData& o) {
    if (auto got = o.need(o.data_length()); !finished(got)) return got;
    ctx.put(' ');
    print_fast_open(ctx, o.data, o.data_length(), false);
    return Outcome::Complete;
}

// RFC 6994: a 16-bit magic number says whose experiment it is.
Outcome print_experiment(Context& ctx, OptionData& o) {
    constexpr unsigned magic_size = 2;
    if (auto got = o.need(o.data_length()); !finished(got)) return got;
    if (o.data_length() < magic_size) return Outcome::Malformed;
    const std::uint16_t magic = o.data.be16();
    ctx.put('-');
    if (magic == fast_open_magic)
        print_fast_open(ctx, o.data, o.data_length() - magic_size, true);
    else
        ctx.print("{:04x}", magic);
    return Outcome::Complete;
}

// RFC 5925: key ids, then the MAC.
Outcome print_tcp_ao(Context& ctx, OptionData& o) {
    const unsigned size = o.data_length();
    if (size < 2) {
        ctx.put(" (invalid)");
        return Outcome::Complete;
    }
    if (auto got = o.need(1); !finished(got)) return got;
    ctx.print(" keyid {}", o.data.u8());
    if (auto got = o.need(2); !finished(got)) return got;
    ctx.print(" rnextkeyid {}", o.data.u8());
    if (size > 2) ctx.put(" mac 0x");
    for (unsigned at = 2; at < size; ++at) {
        if (auto got = o.need(at + 1); !finished(got)) return got;
        ctx.print("{:02x}", o.data.u8());
    }
    return Outcome::Complete;
}

Outcome print_mptcp(Context& ctx, OptionData& o, OptionScope& scope) {
    if (auto got = o.need(o.data_length()); !finished(got)) return got;
    scope.protocol = "mptcp";
    // The whole option, kind and length included (need() saw it captured).
    ByteReader option = o.captured.window(o.captured.position() - 2, o.length);
    return print_mptcp_option(ctx, option, scope.flags) ? Outcome::Complete : Outcome::Malformed;
}

// An option rawdump has no words for: its data in hex.
Outcome print_unknown_option(Context& ctx, OptionData& o) {
    const unsigned size = o.data_length();
    if (size) ctx.put(" 0x");
    for (unsigned at = 0; at < size; ++at) {
        if (auto got = o.need(at + 1); !finished(got)) return got;
        ctx.print("{:02x}", o.data.u8());
    }
    return Outcome::Complete;
}

// The option's data after its name.
Outcome print_option_data(Context& ctx, TcpOptionKind kind, OptionData o, OptionScope& scope) {
    switch (kind) {
    case TcpOptionKind::Eol:
    case TcpOptionKind::Nop:
    case TcpOptionKind::SackPermitted: return Outcome::Complete;
    case TcpOptionKind::Mss:
    case TcpOptionKind::WindowScale:
    case TcpOptionKind::Echo:
    case TcpOptionKind::EchoReply:
    case TcpOptionKind::Cc:
    case TcpOptionKind::CcNew:
    case TcpOptionKind::CcEcho: return print_number_option(ctx, kind, o);
    case TcpOptionKind::Sack: return print_sack(ctx, o, scope.rel);
    case TcpOptionKind::Timestamp: return print_timestamp(ctx, o);
    case TcpOptionKind::Md5: return print_md5(ctx, o, scope);
    case TcpOptionKind::Scps: return print_scps(ctx, o);
    case TcpOptionKind::UserTimeout: return print_user_timeout(ctx, o);
    case TcpOptionKind::FastOpen: return print_fast_open_option(ctx, o);
    case TcpOptionKind::Experiment2: return print_experiment(ctx, o);
    case TcpOptionKind::TcpAo: return print_tcp_ao(ctx, o);
    case TcpOptionKind::Mptcp: return print_mptcp(ctx, o, scope);
    }
    return print_unknown_option(ctx, o);
}

void print_option_name(Context& ctx, std::uint8_t kind) {
    for (const auto& [k, name] : option_names)
        if (static_cast<std::uint8_t>(k) == kind) return ctx.put(name);
    ctx.print("unknown-{}", kind);
}

// The end of the list: "]" when complete, else the marker for how it stopped.
void print_options_end(Context& ctx, Outcome end, bool first, std::string_view protocol) {
    switch (end) {
    case Outcome::Complete:
        return ctx.put(']');
    case Outcome::Malformed:
        ctx.put("[bad opt]");
        if (!first) ctx.put(']');
        return;
    case Outcome::Truncated:
    case Outcome::Unwound:  // (not given by the option printers)
        ctx.truncated(protocol);
        if (!first) ctx.put('>');
        return;
    }
}

// Returns false when the line ends inside the options. `r` covers the captured segment from
// the first option on, beyond the header: tcpdump reads a length byte wherever it is and
// only then compares it with what is left of the header.
bool print_options(Context& ctx, ByteReader r, unsigned budget, OptionScope& scope) {
    ctx.put(", options [");
    bool first = true;
    Outcome end = Outcome::Complete;
    while (budget > 0) {
        if (!first) ctx.put(',');
        const std::uint8_t kind_byte = r.u8();
        const auto kind = static_cast<TcpOptionKind>(kind_byte);
        const bool single = kind == TcpOptionKind::Eol || kind == TcpOptionKind::Nop;
        const unsigned length = single ? 1 : r.u8();
        if (r.truncated()) {
            ctx.truncated_unwind(scope.protocol);
            return false;
        }
        if (!single && (length < 2 || length > budget)) {
            end = Outcome::Malformed;
            break;
        }
        budget -= single ? 1 : 2;
        print_option_name(ctx, kind_byte);
        end = print_option_data(ctx, kind, OptionData{r.narrowed(budget), r, budget, length}, scope);
        if (!finished(end)) break;
        const unsigned size = data_length(kind, length);
        r.skip(size);
        budget -= size;
        if (size + (single ? 1 : 2) != length) ctx.print("[len {}]", length);
        first = false;
        if (kind == TcpOptionKind::Eol) break;
    }
    print_options_end(ctx, end, first, scope.protocol);
    return finished(end);
}

// RFC 1122 4.2.2.12: an RST may carry text explaining why; -v shows its first 30
// characters (print_tcp_rst_data). '!' marks data that was not all captured.
void print_reset_data(Context& ctx, ByteReader data, std::uint32_t length) {
    constexpr std::uint32_t shown = 30;
    ctx.put(data.has(length) ? " [RST" : " [!RST");
    if (length > shown) {
        length = shown;
        ctx.put('+');
    }
    ctx.put(' ');
    print_escaped(ctx, data.narrowed(length));
    ctx.put(']');
}

// ", cksum 0x.... (correct)" or "(incorrect -> 0x....)", over the whole captured segment.
void print_checksum(Context& ctx, const IpInfo& ip, ByteReader segment, std::uint16_t checksum) {
    const auto length = static_cast<std::uint32_t>(segment.size());
    std::uint32_t sum = ip.pseudo_sum(static_cast<std::uint8_t>(IpProto::Tcp), length);
    std::uint16_t computed = checksum_finish(checksum_add(sum, segment.all()));
    ctx.print(", cksum 0x{:04x}", checksum);
    if (computed != 0)
        ctx.print(" (incorrect -> 0x{:04x})", checksum_should_be(checksum, computed));
    else
        ctx.put(" (correct)");
}

// ", seq A:B, ack N, win N, urg N": seq only when it says something (data, SYN/FIN/RST, -vv).
void print_numbers(Context& ctx, const TcpHeader& h, std::uint32_t payload) {
    if (ctx.options.verbosity > 1 || payload > 0 || h.has(TcpFlag::Syn) || h.has(TcpFlag::Fin) ||
        h.has(TcpFlag::Rst)) {
        ctx.print(", seq {}", h.sequence);
        if (payload > 0) ctx.print(":{}", h.sequence + payload);
    }
    if (h.has(TcpFlag::Ack)) ctx.print(", ack {}", h.acknowledgment);
    ctx.print(", win {}", h.window);
    if (h.has(TcpFlag::Urg)) ctx.print(", urg {}", h.urgent_pointer);
}

}  // namespace

void print_tcp(Context& ctx, ByteReader segment, const IpInfo& ip) {
    if (!segment.has(4)) {
        ip.print_addresses(ctx);
        ctx.put(':');
        return ctx.truncated("tcp");
    }
    const std::optional<TcpHeader> decoded = decode_tcp_header(segment);
    // The ports are shown even when the rest of the fixed header was not captured.
    TcpHeader h = decoded.value_or(TcpHeader{segment.be16_at(0), segment.be16_at(2)});
    ip.print_endpoints(ctx, h.source_port, h.destination_port, true);

    std::uint32_t length = ip.length;
    // The whole fixed header must be captured before its length field is judged.
    if (!decoded) return ctx.truncated("tcp");
    if (h.header_length < TcpHeader::size)
        return ctx.print(" tcp {} [bad hdr length {} - too short, < 20]", length - h.header_length,
                         h.header_length);

    if (ctx.options.quiet) {
        ctx.print("tcp {}", length - h.header_length);
        if (h.header_length > length)
            ctx.print(" [bad hdr length {} - too long, > {}]", h.header_length, length);
        return;
    }

    ctx.put("Flags [");
    if (h.flags == 0) ctx.put("none");
    for (const auto& [flag, letter] : flag_letters)
        if (h.has(flag)) ctx.put(letter);
    ctx.put(']');

    Relative rel = relative_numbers(ctx, ip, h);
    OptionScope scope{rel, h.flags};
    if (h.header_length > length)
        return ctx.print(" [bad hdr length {} - too long, > {}]", h.header_length, length);

    if (ctx.options.verbosity > 0 && ctx.options.verify_checksums && !ip.fragmented && segment.has(length))
        print_checksum(ctx, ip, segment.window(0, length), h.checksum);

    const std::uint32_t payload = length - h.header_length;
    print_numbers(ctx, h, payload);
    if (h.header_length > TcpHeader::size) {
        ByteReader options = segment.window(TcpHeader::size, segment.size());
        scope.segment_captured = segment.has(h.header_length + payload);
        // Truncated or malformed options end the line (tcpdump returns early).
        if (!print_options(ctx, options, h.header_length - unsigned{TcpHeader::size}, scope)) return;
    }
    ctx.print(", length {}", payload);
    if (payload == 0) return;
    // Options that end early (EOL) leave the rest of the header unread; the payload's
    // printers need the whole header captured first.
    if (!segment.has(h.header_length)) {
        ctx.print(" [remaining caplen({}) < header length({})]", segment.size(), h.header_length);
        return ctx.truncated_unwind(scope.protocol);
    }
    if (h.has(TcpFlag::Rst) && ctx.options.verbosity > 0)
        return print_reset_data(ctx, segment.window(h.header_length, payload), payload);
    // An unknown port's payload is not printed, as in tcpdump.
    print_tcp_application(ctx, ip, {segment.window(h.header_length, payload), payload, h.source_port, h.destination_port});
}

}  // namespace rawdump::print
