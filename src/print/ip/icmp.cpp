// ICMP (print-icmp.c, tcpdump 4.99.3 wording): echo, the error messages (with the quoted
// datagram under -v), timestamps, address masks, router discovery.
#include <array>
#include <utility>

#include "src/print/base/name_table.hpp"
#include "src/print/base/checksum.hpp"
#include "src/print/ip/icmp_extensions.hpp"
#include "src/print/ip/icmp.hpp"
#include "src/print/ip/ipv4.hpp"
#include "src/print/ip/icmp_header.hpp"
#include "src/print/base/outcome.hpp"
#include "src/print/base/protocols.hpp"

namespace rawdump::print {
namespace {

enum class IcmpType : std::uint8_t {
    EchoReply = 0, Unreachable = 3, SourceQuench = 4, Redirect = 5, Echo = 8, RouterAdvert = 9,
    RouterSolicit = 10, TimeExceeded = 11, ParameterProblem = 12, Timestamp = 13, TimestampReply = 14,
    InfoRequest = 15, InfoReply = 16, MaskRequest = 17, MaskReply = 18,
};

// print-icmp.c icmp2str: the types that print by name alone.
constexpr std::array<std::pair<IcmpType, std::string_view>, 9> icmp_names{{
    {IcmpType::EchoReply, "echo reply"}, {IcmpType::SourceQuench, "source quench"},
    {IcmpType::Echo, "echo request"}, {IcmpType::RouterSolicit, "router solicitation"},
    {IcmpType::Timestamp, "time stamp request"}, {IcmpType::TimestampReply, "time stamp reply"},
    {IcmpType::InfoRequest, "information request"}, {IcmpType::InfoReply, "information reply"},
    {IcmpType::MaskRequest, "address mask request"},
}};

// print-icmp.c unreach2str: "%s" is the quoted datagram's destination.
constexpr std::array<std::pair<std::uint8_t, std::string_view>, 13> unreachable_formats{{
    {0, "net {} unreachable"}, {1, "host {} unreachable"}, {5, "{} unreachable - source route failed"},
    {6, "net {} unreachable - unknown"}, {7, "host {} unreachable - unknown"},
    {8, "{} unreachable - source host isolated"}, {9, "net {} unreachable - admin prohibited"},
    {10, "host {} unreachable - admin prohibited"}, {11, "net {} unreachable - tos prohibited"},
    {12, "host {} unreachable - tos prohibited"}, {13, "host {} unreachable - admin prohibited filter"},
    {14, "host {} unreachable - host precedence violation"}, {15, "host {} unreachable - precedence cutoff"},
}};

constexpr std::array<std::string_view, 4> redirect_formats{
    "redirect {} to net {}", "redirect {} to host {}", "redirect-tos {} to net {}", "redirect-tos {} to host {}",
};

enum class UnreachableCode : std::uint8_t { Protocol = 2, Port = 3, NeedFragment = 4 };

// Error messages quote the offending datagram; -v prints it.
bool is_error(IcmpType t) {
    return t == IcmpType::Unreachable || t == IcmpType::SourceQuench || t == IcmpType::Redirect ||
           t == IcmpType::TimeExceeded || t == IcmpType::ParameterProblem;
}

// The errors RFC 4884 lets carry extensions after the quoted datagram.
bool carries_extensions(IcmpType t) {
    return t == IcmpType::Unreachable || t == IcmpType::TimeExceeded || t == IcmpType::ParameterProblem;
}

// An address as text (name unless -n), for the formats above.
struct HostText {
    fmt::memory_buffer text;
    HostText(Context& ctx, const Ipv4Address& a) {
        Context sub{ctx.options, ctx.names, ctx.tcp_sequences, text};
        sub.host(a);
    }
    std::string_view view() const { return {text.data(), text.size()}; }
};

// "00:00:00.001": milliseconds since midnight UTC.
void print_icmp_time(Context& ctx, std::uint32_t ms) {
    unsigned sec = ms / 1000, min = sec / 60, hrs = min / 60;
    ctx.print("{:02}:{:02}:{:02}.{:03}", hrs, min % 60, sec % 60, ms % 1000);
}

// How a message ended when a field it needs was not captured (the former local Cut enum):
// tcpdump either bails out through its local `trunc` label (Truncated, was Cut::Local) or
// longjmps out of a GET_* macro (Unwound, was Cut::Unwind: then -x dumps the frame).
// Complete was Cut::None; Malformed is never given here.
struct Message {
    const IcmpHeader& header;
    ByteReader bytes;   // the whole message, from its type byte
    ByteReader quoted;  // the quoted IP header of an error message
    Outcome cut = Outcome::Complete;

    // True when the first `count` bytes were captured; else records how the message ends.
    bool need(std::size_t count, Outcome how = Outcome::Unwound) {
        if (bytes.has(count)) return true;
        cut = how;
        return false;
    }
};

// Where the quoted IP header's fields sit in the message.
constexpr std::size_t quoted_ip_proto = IcmpHeader::size + 10, quoted_ip_dst = IcmpHeader::size + 20;

void print_port_unreachable(Context& ctx, Message& m, std::string_view dst, std::uint8_t inner_proto) {
    const std::size_t inner_hlen = (m.quoted.u8_at(0) & 0xf) * 4u;
    if (!m.need(IcmpHeader::size + inner_hlen + 4)) return;
    const std::uint16_t port = m.quoted.be16_at(inner_hlen + 2);
    if (inner_proto == static_cast<std::uint8_t>(IpProto::Tcp)) {
        ctx.print("{} tcp port ", dst);
        ctx.tcp_port(port);
        ctx.put(" unreachable");
    } else if (inner_proto == static_cast<std::uint8_t>(IpProto::Udp)) {
        ctx.print("{} udp port ", dst);
        ctx.udp_port(port);
        ctx.put(" unreachable");
    } else {
        ctx.print("{} protocol {} port {} unreachable", dst, inner_proto, port);
    }
}

void print_unreachable(Context& ctx, Message& m) {
    const std::uint8_t code = m.header.code;
    const auto known = static_cast<UnreachableCode>(code);
    if ((known == UnreachableCode::Protocol || known == UnreachableCode::Port) &&
        !m.need(quoted_ip_proto, Outcome::Truncated))
        return;
    if (!m.need(quoted_ip_dst)) return;
    HostText dst(ctx, m.quoted.ipv4_at(16));
    const std::uint8_t inner_proto = m.quoted.u8_at(9);
    switch (known) {
    case UnreachableCode::Protocol:
        return ctx.print("{} protocol {} unreachable", dst.view(), inner_proto);
    case UnreachableCode::Port:
        return print_port_unreachable(ctx, m, dst.view(), inner_proto);
    case UnreachableCode::NeedFragment:
        if (const std::uint16_t mtu = m.bytes.be16_at(6); mtu)
            return ctx.print("{} unreachable - need to frag (mtu {})", dst.view(), mtu);
        return ctx.print("{} unreachable - need to frag", dst.view());
    }
    for (const auto& [value, format] : unreachable_formats)
        if (value == code) return ctx.print(fmt::runtime(format), dst.view());
    ctx.print("{} unreachable - #{}", dst.view(), code);
}

void print_redirect(Context& ctx, Message& m) {
    if (!m.need(quoted_ip_dst)) return;
    HostText dst(ctx, m.quoted.ipv4_at(16));
    HostText gateway(ctx, m.bytes.ipv4_at(4));
    const std::uint8_t code = m.header.code;
    if (code < redirect_formats.size())
        ctx.print(fmt::runtime(redirect_formats[code]), dst.view(), gateway.view());
    else
        ctx.print("redirect-#{} {} to {}", code, dst.view(), gateway.view());
}

void print_time_exceeded(Context& ctx, Message& m) {
    if (!m.need(quoted_ip_dst, Outcome::Truncated)) return;
    if (m.header.code == 0)
        ctx.put("time exceeded in-transit");
    else if (m.header.code == 1)
        ctx.put("ip reassembly time exceeded");
    else
        ctx.print("time exceeded-#{}", m.header.code);
}

void print_parameter_problem(Context& ctx, Message& m) {
    if (m.header.code) return ctx.print("parameter problem - code {}", m.header.code);
    if (!m.need(5)) return;
    ctx.print("parameter problem - octet {}", m.bytes.u8_at(4));
}

void print_timestamp_reply(Context& ctx, Message& m) {
    // The three times are checked before they are read: a cut there is local.
    if (!m.need(IcmpHeader::size) || !m.need(20, Outcome::Truncated)) return;
    ByteReader times = m.bytes.window(IcmpHeader::size, 12);
    ctx.print("time stamp reply id {} seq {}: org ", m.header.identifier, m.header.sequence);
    print_icmp_time(ctx, times.be32());
    ctx.put(", recv ");
    print_icmp_time(ctx, times.be32());
    ctx.put(", xmit ");
    print_icmp_time(ctx, times.be32());
}

void print_router_advertisement(Context& ctx, Message& m) {
    if (!m.need(IcmpHeader::size, Outcome::Truncated)) return;  // checked before reading
    ByteReader r = m.bytes.window(4, 4);
    unsigned count = r.u8(), size = r.u8(), lifetime = r.be16();
    ctx.put("router advertisement lifetime ");
    if (lifetime < 60)
        ctx.print("{}", lifetime);
    else if (lifetime < 3600)
        ctx.print("{}:{:02}", lifetime / 60, lifetime % 60);
    else
        ctx.print("{}:{:02}:{:02}", lifetime / 3600, lifetime % 3600 / 60, lifetime % 60);
    ctx.print(" {}:", count);
    if (size != 2) return ctx.print(" [size {}]", size);
    ByteReader entries = m.bytes.window(IcmpHeader::size, m.bytes.size());
    for (unsigned i = 0; i < count; ++i) {
        if (!m.need(IcmpHeader::size + 8 * (i + 1), Outcome::Truncated)) return;  // checked before reading
        Ipv4Address a = entries.ipv4();
        ctx.put(" {");
        ctx.host(a);
        ctx.print(" {}}}", entries.be32());
    }
}

// The message text after "ICMP ".
Outcome print_message(Context& ctx, const IcmpHeader& h, ByteReader message) {
    const auto type = static_cast<IcmpType>(h.type);
    Message m{h, message, message.window(IcmpHeader::size, message.size())};
    switch (type) {
    case IcmpType::Echo:
    case IcmpType::EchoReply:
        if (m.need(IcmpHeader::size))
            ctx.print("echo {}, id {}, seq {}", type == IcmpType::Echo ? "request" : "reply", h.identifier,
                      h.sequence);
        break;
    case IcmpType::Unreachable: print_unreachable(ctx, m); break;
    case IcmpType::Redirect: print_redirect(ctx, m); break;
    case IcmpType::TimeExceeded: print_time_exceeded(ctx, m); break;
    case IcmpType::ParameterProblem: print_parameter_problem(ctx, m); break;
    case IcmpType::MaskReply:
        if (m.need(12)) ctx.print("address mask is 0x{:08x}", message.be32_at(IcmpHeader::size));
        break;
    case IcmpType::Timestamp:
        if (m.need(IcmpHeader::size)) ctx.print("time stamp query id {} seq {}", h.identifier, h.sequence);
        break;
    case IcmpType::TimestampReply: print_timestamp_reply(ctx, m); break;
    case IcmpType::RouterAdvert: print_router_advertisement(ctx, m); break;
    default:
        if (auto name = name_of(icmp_names, type); !name.empty())
            ctx.put(name);
        else
            ctx.print("type-#{}", h.type);
        break;
    }
    return m.cut;
}

}  // namespace

void print_icmp(Context& ctx, ByteReader message, const IpInfo& ip) {
    if (!message.has(2)) return ctx.truncated_unwind("icmp");
    // A message shorter than the fixed header still has its type and code (and maybe its
    // checksum) shown; the fields not captured read as 0 and are never printed.
    const IcmpHeader h = decode_icmp_header(message).value_or(
        IcmpHeader{message.u8_at(0), message.u8_at(1), message.be16_at(2), 0, 0});
    // The message text is built aside: tcpdump prints nothing of it when a field is missing.
    fmt::memory_buffer text;
    Context sub{ctx.options, ctx.names, ctx.tcp_sequences, text};
    switch (print_message(sub, h, message)) {
    case Outcome::Unwound:
        return ctx.truncated_unwind("icmp");
    case Outcome::Truncated:
        return ctx.truncated("icmp");
    case Outcome::Complete:
    case Outcome::Malformed:
        break;
    }
    ctx.put("ICMP ");
    ctx.put(std::string_view{text.data(), text.size()});
    ctx.print(", length {}", ip.length);
    // ICMP checksums are checked even with -K, as in tcpdump.
    if (ctx.options.verbosity > 0 && !ip.fragmented && message.has(ip.length)) {
        std::uint16_t computed = checksum_finish(checksum_add(0, message.window(0, ip.length).all()));
        constexpr std::uint32_t checksum_end = 4;
        // Shown only when wrong: a message too short to hold it then ends here.
        if (computed != 0 && ip.length < checksum_end) return ctx.truncated_unwind("icmp");
        if (computed != 0)
            ctx.print(" (wrong icmp cksum {:x} (->{:x})!)", h.checksum, checksum_should_be(h.checksum, computed));
    }
    if (ctx.options.verbosity > 0 && is_error(static_cast<IcmpType>(h.type))) {
        ByteReader inner = message.window(8, message.size());
        ctx.put("\n\t");
        if (!inner.has(4)) return ctx.truncated_unwind("icmp");
        // The quoted datagram is read only as far as its own total length says, even when
        // more was captured: a header longer than that is cut ("[|ip]"), not "truncated-ip".
        const std::uint16_t quoted_length = inner.be16_at(2);
        ByteReader quoted = inner.window(0, quoted_length);
        if (!quoted.has(1)) return ctx.truncated_unwind("icmp");  // not even the version
        print_ipv4(ctx, quoted, quoted_length);
        if (ctx.unwound) return;
        if (carries_extensions(static_cast<IcmpType>(h.type))) print_icmp_extensions(ctx, message, ip.length);
    }
}

}  // namespace rawdump::print
