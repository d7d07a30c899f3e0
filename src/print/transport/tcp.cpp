// TCP (print-tcp.c tcp_print, tcpdump 4.99.3 wording).
#include <array>
#include <utility>

#include "src/print/dispatch/ports.hpp"
#include "src/print/base/checksum.hpp"
#include "src/print/base/protocols.hpp"
#include "src/print/transport/tcp_mptcp.hpp"
#include "src/print/transport/tcp_sequence.hpp"
#include "src/print/transport/tcp.hpp"

namespace rawdump::print {
namespace {

enum class TcpFlag : std::uint8_t {
    Fin = 0x01, Syn = 0x02, Rst = 0x04, Push = 0x08, Ack = 0x10, Urg = 0x20, Ece = 0x40, Cwr = 0x80,
};

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

bool has(std::uint8_t flags, TcpFlag f) { return flags & static_cast<std::uint8_t>(f); }

struct TcpHeader {
    std::uint16_t sport = 0, dport = 0;
    std::uint32_t seq = 0, ack = 0;
    unsigned header_length = 0;  // bytes
    std::uint8_t flags = 0;
    std::uint16_t window = 0, checksum = 0, urgent = 0;
};

bool decode(ByteReader& r, TcpHeader& h) {
    h.sport = r.be16();
    h.dport = r.be16();
    h.seq = r.be32();
    h.ack = r.be32();
    h.header_length = (r.u8() >> 4) * 4u;
    h.flags = r.u8();
    h.window = r.be16();
    h.checksum = r.be16();
    h.urgent = r.be16();
    return !r.truncated();
}

// Sequence-number bases for this packet (rev: the packet goes against the canonical order).
struct Relative {
    bool reverse = false;
    std::uint32_t seq_base = 0, ack_base = 0;
};

// Finds or records the conversation and rewrites seq/ack as tcpdump does.
Relative relative_numbers(Context& ctx, const IpInfo& ip, TcpHeader& h) {
    Relative rel;
    if (ctx.options.absolute_sequence || !has(h.flags, TcpFlag::Ack)) return rel;
    rel.reverse = h.sport > h.dport || (h.sport == h.dport && ip.compare_addresses() > 0);
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
    key.ports = rel.reverse ? std::uint32_t(h.dport) << 16 | h.sport : std::uint32_t(h.sport) << 16 | h.dport;
    TcpInitialSequence fresh = rel.reverse ? TcpInitialSequence{h.ack - 1, h.seq}
                                           : TcpInitialSequence{h.seq, h.ack - 1};
    auto [entry, recorded] = ctx.tcp_sequences.lookup(key, has(h.flags, TcpFlag::Syn), fresh);
    if (!recorded) {
        if (rel.reverse)
            h.seq -= entry.ack, h.ack -= entry.seq;
        else
            h.seq -= entry.seq, h.ack -= entry.ack;
    }
    rel.seq_base = entry.seq;
    rel.ack_base = entry.ack;
    return rel;
}

// The option list, decoded and printed in one pass because tcpdump's output depends on
// exactly where the bytes run out: a missing kind/length byte ends with " [|tcp]", missing
// option data with " [|tcp]>" (no '>' for the first option), a length beyond the header
// with "[bad opt]".
constexpr std::uint16_t fast_open_magic = 0xf989;

// TCP Fast Open: a cookie request (empty) or a 4..16-byte even-length cookie.
void print_fast_open(Context& ctx, ByteReader cookie, unsigned length, bool experimental) {
    if (experimental) ctx.put("tfo");
    if (length == 0) return ctx.put(" cookiereq");
    if (length % 2 != 0 || length < 4 || length > 16) return ctx.put(" (invalid)");
    ctx.put(" cookie ");
    for (unsigned i = 0; i < length; ++i) ctx.print("{:02x}", cookie.u8());
}

// What the option printers need to know about the segment around them.
struct OptionScope {
    const Relative& rel;
    std::uint8_t flags = 0;         // MPTCP's forms depend on SYN and ACK
    bool segment_captured = false;  // payload too: only then could an MD5 signature be checked
    // tcpdump's name in a truncation marker: print-mptcp.c renames the protocol and nothing
    // renames it back, so after an MPTCP option the rest of the segment is cut as "mptcp".
    std::string_view protocol = "tcp";
};

// Returns false when the line ends inside the options. `r` covers the captured segment from
// the first option on, beyond the header: tcpdump reads a length byte wherever it is and
// only then compares it with what is left of the header.
bool print_options(Context& ctx, ByteReader r, unsigned budget, OptionScope& scope) {
    const Relative& rel = scope.rel;
    ctx.put(", options [");
    bool first = true;
    enum class End { Done, CutInData, Bad } end = End::Done;
    while (budget > 0 && end == End::Done) {
        if (!first) ctx.put(',');
        std::uint8_t kind_byte = r.u8();
        if (r.truncated()) {
            ctx.truncated_unwind(scope.protocol);
            return false;
        }
        auto kind = static_cast<TcpOptionKind>(kind_byte);
        bool single = kind == TcpOptionKind::Eol || kind == TcpOptionKind::Nop;
        unsigned len = 1;
        if (!single) {
            len = r.u8();
            if (r.truncated()) {
                ctx.truncated_unwind(scope.protocol);
                return false;
            }
            if (len < 2 || len > budget) {
                end = End::Bad;
                break;
            }
            --budget;
        }
        --budget;

        std::string_view name;
        bool known = false;
        for (const auto& [k, n] : option_names)
            if (k == kind) name = n, known = true;
        if (known)
            ctx.put(name);
        else
            ctx.print("unknown-{}", kind_byte);

        // LENCHECK: data must fit in the header and have been captured.
        auto check = [&](unsigned need) {
            if (need > budget) {
                end = End::Bad;
                return false;
            }
            if (!r.has(need)) {
                end = End::CutInData;
                return false;
            }
            return true;
        };
        ByteReader data = r.narrowed(budget);
        unsigned datalen = 0;
        switch (kind) {
        case TcpOptionKind::Eol:
        case TcpOptionKind::Nop:
        case TcpOptionKind::SackPermitted:
            break;
        case TcpOptionKind::Mss:
            datalen = 2;
            if (check(datalen)) ctx.print(" {}", data.be16());
            break;
        case TcpOptionKind::WindowScale:
            datalen = 1;
            if (check(datalen)) ctx.print(" {}", data.u8());
            break;
        case TcpOptionKind::Sack:
            datalen = len - 2;
            if (datalen % 8 != 0) {
                ctx.put(" invalid sack");
                break;
            }
            ctx.print(" {} ", datalen / 8);
            for (unsigned i = 0; i < datalen; i += 8) {
                if (!check(i + 4)) break;
                std::uint32_t s = data.be32();
                if (!check(i + 8)) break;
                std::uint32_t e = data.be32();
                std::uint32_t base = rel.reverse ? rel.seq_base : rel.ack_base;
                ctx.print("{{{}:{}}}", s - base, e - base);
            }
            break;
        case TcpOptionKind::Echo:
        case TcpOptionKind::EchoReply:
        case TcpOptionKind::Cc:
        case TcpOptionKind::CcNew:
        case TcpOptionKind::CcEcho:
            datalen = 4;
            if (check(datalen)) ctx.print(" {}", data.be32());
            break;
        case TcpOptionKind::Timestamp:
            datalen = 8;
            if (check(datalen)) {
                std::uint32_t val = data.be32();
                ctx.print(" val {} ecr {}", val, data.be32());
            }
            break;
        case TcpOptionKind::Md5:
            datalen = 16;
            if (check(datalen)) {
                // No secret is ever configured (-M), so the signature cannot be verified;
                // tcpdump first complains about a segment it could not have checked anyway.
                ctx.put(scope.segment_captured ? " shared secret not supplied with -M, can't check - "
                                         : " snaplen too short, can't check - ");
                for (unsigned i = 0; i < datalen; ++i) ctx.print("{:02x}", data.u8());
            }
            break;
        case TcpOptionKind::Scps:
            datalen = 2;
            if (check(datalen)) {
                std::uint8_t cap = data.u8();
                ctx.print(" cap {:02x} id {}", cap, data.u8());
            }
            break;
        case TcpOptionKind::UserTimeout:
            datalen = 2;
            if (check(datalen)) {
                unsigned v = data.be16();
                ctx.print(" 0x{:x} {}", v, (v & 1) ? (v >> 1) * 60 : v >> 1);
            }
            break;
        case TcpOptionKind::FastOpen:  // RFC 7413
            datalen = len - 2;
            if (!check(datalen)) break;
            ctx.put(' ');
            print_fast_open(ctx, data, datalen, false);
            break;
        case TcpOptionKind::Experiment2: {  // RFC 6994: a 16-bit magic number says whose
            datalen = len - 2;
            if (!check(datalen)) break;
            if (datalen < 2) {
                end = End::Bad;
                break;
            }
            std::uint16_t magic = data.be16();
            ctx.put('-');
            if (magic == fast_open_magic)
                print_fast_open(ctx, data, datalen - 2, true);
            else
                ctx.print("{:04x}", magic);
            break;
        }
        case TcpOptionKind::TcpAo:  // RFC 5925: key ids, then the MAC
            datalen = len - 2;
            if (datalen < 2) {
                ctx.put(" (invalid)");
                break;
            }
            if (!check(1)) break;
            ctx.print(" keyid {}", data.u8());
            if (!check(2)) break;
            ctx.print(" rnextkeyid {}", data.u8());
            if (datalen > 2) {
                ctx.put(" mac 0x");
                for (unsigned i = 2; i < datalen; ++i) {
                    if (!check(i + 1)) break;
                    ctx.print("{:02x}", data.u8());
                }
            }
            break;
        case TcpOptionKind::Mptcp: {
            datalen = len - 2;
            if (!check(datalen)) break;
            scope.protocol = "mptcp";
            // The whole option, kind and length included (check() saw it captured).
            ByteReader option = r.window(r.position() - 2, len);
            if (!print_mptcp_option(ctx, option, scope.flags)) end = End::Bad;
            break;
        }
        default:  // shown as hex
            datalen = len - 2;
            if (datalen) ctx.put(" 0x");
            for (unsigned i = 0; i < datalen; ++i) {
                if (!check(i + 1)) break;
                ctx.print("{:02x}", data.u8());
            }
            break;
        }
        if (end != End::Done) break;
        r.skip(datalen);
        budget -= datalen;
        unsigned accounted = datalen + (single ? 1 : 2);
        if (accounted != len) ctx.print("[len {}]", len);
        first = false;
        if (kind == TcpOptionKind::Eol) break;
    }
    switch (end) {
    case End::Done:
        ctx.put(']');
        return true;
    case End::Bad:
        ctx.put("[bad opt]");
        if (!first) ctx.put(']');
        break;
    case End::CutInData:
        ctx.truncated(scope.protocol);
        if (!first) ctx.put('>');
        break;
    }
    return false;
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

}  // namespace

void print_tcp(Context& ctx, ByteReader segment, const IpInfo& ip) {
    if (!segment.has(4)) {
        ip.print_addresses(ctx);
        ctx.put(':');
        return ctx.truncated("tcp");
    }
    ByteReader r = segment;
    TcpHeader h;
    bool complete = decode(r, h);
    ip.print_endpoints(ctx, h.sport, h.dport, true);

    std::uint32_t length = ip.length;
    // The whole fixed header must be captured before its length field is judged.
    if (!complete) return ctx.truncated("tcp");
    if (h.header_length < 20)
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
        if (has(h.flags, flag)) ctx.put(letter);
    ctx.put(']');

    Relative rel = relative_numbers(ctx, ip, h);
    OptionScope scope{rel, h.flags};
    if (h.header_length > length)
        return ctx.print(" [bad hdr length {} - too long, > {}]", h.header_length, length);

    if (ctx.options.verbosity > 0 && ctx.options.verify_checksums && !ip.fragmented && segment.has(length)) {
        std::uint32_t sum = ip.pseudo_sum(static_cast<std::uint8_t>(IpProto::Tcp), length);
        std::uint16_t computed = checksum_finish(checksum_add(sum, segment.window(0, length).all()));
        ctx.print(", cksum 0x{:04x}", h.checksum);
        if (computed != 0)
            ctx.print(" (incorrect -> 0x{:04x})", checksum_should_be(h.checksum, computed));
        else
            ctx.put(" (correct)");
    }

    std::uint32_t payload = length - h.header_length;
    if (ctx.options.verbosity > 1 || payload > 0 ||
        (h.flags & (static_cast<std::uint8_t>(TcpFlag::Syn) | static_cast<std::uint8_t>(TcpFlag::Fin) |
                    static_cast<std::uint8_t>(TcpFlag::Rst)))) {
        ctx.print(", seq {}", h.seq);
        if (payload > 0) ctx.print(":{}", h.seq + payload);
    }
    if (has(h.flags, TcpFlag::Ack)) ctx.print(", ack {}", h.ack);
    ctx.print(", win {}", h.window);
    if (has(h.flags, TcpFlag::Urg)) ctx.print(", urg {}", h.urgent);
    if (h.header_length > 20) {
        ByteReader options = segment.window(20, segment.size());
        scope.segment_captured = segment.has(h.header_length + payload);
        // Truncated or malformed options end the line (tcpdump returns early).
        if (!print_options(ctx, options, h.header_length - 20, scope)) return;
    }
    ctx.print(", length {}", payload);
    if (payload == 0) return;
    // Options that end early (EOL) leave the rest of the header unread; the payload's
    // printers need the whole header captured first.
    if (!segment.has(h.header_length)) {
        ctx.print(" [remaining caplen({}) < header length({})]", segment.size(), h.header_length);
        return ctx.truncated_unwind(scope.protocol);
    }
    if (has(h.flags, TcpFlag::Rst) && ctx.options.verbosity > 0)
        return print_reset_data(ctx, segment.window(h.header_length, payload), payload);
    // An unknown port's payload is not printed, as in tcpdump.
    print_tcp_application(ctx, ip, {segment.window(h.header_length, payload), payload, h.sport, h.dport});
}

}  // namespace rawdump::print
