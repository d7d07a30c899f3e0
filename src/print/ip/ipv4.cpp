// IPv4 (print-ip.c ip_print, tcpdump 4.99.3 wording).
#include <array>
#include <utility>

#include "src/print/base/checksum.hpp"
#include "src/print/ip/ipv4.hpp"
#include "src/print/dispatch/ip_protocols.hpp"
#include "src/print/ip/ipv4_header.hpp"
#include "src/print/ip/ipv4_options.hpp"
#include "src/print/base/protocols.hpp"

namespace rawdump::print {
namespace {

// tcpdump's order: more fragments, don't fragment, reserved.
constexpr std::array<std::pair<std::uint8_t, std::string_view>, 3> flag_names{{
    {Ipv4Header::flag_more_fragments, "+"},
    {Ipv4Header::flag_dont_fragment, "DF"},
    {Ipv4Header::flag_reserved, "rsvd"},
}};

// The ECN codepoint (RFC 3168) after the TOS byte; Not-ECT shows nothing.
void print_ecn(Context& ctx, std::uint8_t ecn) {
    constexpr std::array<std::string_view, 4> ecn_names{"", ",ECT(1)", ",ECT(0)", ",CE"};
    ctx.put(ecn_names[ecn]);
}

// The -v header line; how it ended decides what follows: Complete, Truncated (an option was
// cut: " [truncated-option]" is printed and the datagram given up) or Unwound (the line ends).
Outcome print_verbose_header(Context& ctx, const Ipv4Header& h, ByteReader packet) {
    Outcome end = Outcome::Complete;
    ctx.print("(tos 0x{:x}", h.tos);
    print_ecn(ctx, h.ecn());
    if (h.ttl >= 1) ctx.print(", ttl {}", h.ttl);
    ctx.print(", id {}, offset {}, flags ", h.id, h.fragment_offset);
    print_flag_names(ctx, h.flags, flag_names);
    auto name = ipproto_name(h.protocol);
    ctx.print(", proto {} ({})", name.empty() ? std::string_view{"unknown"} : name, h.protocol);
    ctx.print(", length {}", h.total_length);
    if (h.header_length > Ipv4Header::size) {
        ctx.put(", options (");
        switch (print_ipv4_options(ctx, packet.window(Ipv4Header::size, packet.size()),
                                   h.header_length - unsigned{Ipv4Header::size})) {
        case Outcome::Unwound:
            return Outcome::Unwound;
        case Outcome::Truncated:
            ctx.put(" [truncated-option]");
            end = Outcome::Truncated;
            break;
        case Outcome::Complete:
        case Outcome::Malformed:  // not given by the options printer
            break;
        }
        ctx.put(')');
    }
    // Header checksum, when the whole header was captured.
    if (ctx.options.verify_checksums && packet.has(h.header_length)) {
        auto header = packet.window(0, h.header_length).all();
        std::uint16_t sum = checksum_finish(checksum_add(0, header));
        if (sum != 0) ctx.print(", bad cksum {:x} (->{:x})!", h.checksum, checksum_should_be(h.checksum, sum));
    }
    // The addresses go on their own indented line, unless -g asked for greppable output.
    ctx.put(ctx.options.one_line ? ") " : ")\n    ");
    return end;
}

// What the layers above need to know of the datagram.
IpInfo ip_info(const Ipv4Header& h) {
    IpInfo ip;
    ip.version = 4;
    ip.src4 = h.source;
    ip.dst4 = h.destination;
    ip.protocol = h.protocol;
    ip.header_protocol = h.protocol;
    ip.ttl = h.ttl;
    ip.length = h.total_length - h.header_length;
    ip.fragmented = h.is_fragment();
    return ip;
}

// A later fragment has no transport header to decode: "src > dst: proto".
void print_later_fragment(Context& ctx, const IpInfo& ip) {
    ip.print_addresses(ctx);
    ctx.put(':');
    auto keyword = ipproto_keyword(ip.protocol);
    if (ctx.resolve() && !keyword.empty())
        ctx.print(" {}", keyword);
    else
        ctx.print(" ip-proto-{}", ip.protocol);
}

}  // namespace

void print_ipv4(Context& ctx, ByteReader packet, std::uint32_t length) {
    if (!packet.has(1)) return ctx.truncated_unwind("ip");
    // The version is checked before anything else is read.
    if (std::uint8_t version = packet.u8_at(0) >> 4; version != 4) {
        if (version == 6)
            ctx.put("IP6, wrong link-layer encapsulation");
        else
            ctx.print("IP{}", version);
        return ctx.put(" (invalid)");
    }
    if (!ctx.options.link_header) ctx.put("IP ");
    const std::optional<Ipv4Header> decoded = decode_ipv4_header(packet);
    if (!decoded) return ctx.truncated("ip");
    const Ipv4Header& h = *decoded;
    if (length < Ipv4Header::size) return ctx.print("truncated-ip {}", length);
    if (h.header_length < Ipv4Header::size) return ctx.print("bad-hlen {}", h.header_length);
    if (length < h.total_length) ctx.print("truncated-ip - {} bytes missing! ", h.total_length - length);
    if (h.total_length < h.header_length) return ctx.print("bad-len {}", h.total_length);

    // Everything below sees only this datagram (tcpdump's nd_push_snaplen), as far as its
    // total length says and it was captured, even past a shorter length from the layer below
    // (a PPPoE length field): the "bytes missing" above is the only trace of that.
    ByteReader datagram = packet.window(0, h.total_length);
    const bool header_complete = datagram.has(h.header_length);  // options and all
    bool options_cut = false;  // -v: the options printer itself ran out
    if (ctx.options.verbosity > 0) {
        switch (print_verbose_header(ctx, h, datagram)) {
        case Outcome::Unwound:
            return;
        case Outcome::Truncated:  // an option was cut: tcpdump gives up on the datagram
            options_cut = true;
            break;
        case Outcome::Complete:  // (an end-of-list option may stop it before the cut)
        case Outcome::Malformed:  // not given by the header line
            break;
        }
    }

    const IpInfo ip = ip_info(h);

    if (options_cut) {
        ip.print_addresses(ctx);
        ctx.put(": ");
        return ctx.truncated("ip");
    }
    if (h.fragment_offset == 0) {
        auto proto = static_cast<IpProto>(h.protocol);
        bool own_addresses = proto == IpProto::Tcp || proto == IpProto::Udp || proto == IpProto::Sctp;
        // tcpdump's DCCP printer shows its own too; rawdump has none, so its ip-proto line
        // gets them here, except when the header is cut before DCCP would have run.
        if (!header_complete && proto == IpProto::Dccp) own_addresses = true;
        if (!own_addresses) {
            ip.print_addresses(ctx);
            ctx.put(": ");
        }
        // The options are needed only to reach the payload: a later fragment gets by without.
        if (!header_complete) {
            ctx.print(" [remaining caplen({}) < header length({})]", datagram.size(), h.header_length);
            return ctx.truncated_unwind("ip");
        }
        print_ip_payload(ctx, datagram.window(h.header_length, ip.length), ip);
    } else {
        print_later_fragment(ctx, ip);
    }
}

}  // namespace rawdump::print
