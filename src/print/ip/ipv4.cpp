// IPv4 (print-ip.c ip_print, tcpdump 4.99.3 wording).
#include "src/print/base/checksum.hpp"
#include "src/print/ip/ipv4.hpp"
#include "src/print/dispatch/ip_protocols.hpp"
#include "src/print/ip/ipv4_options.hpp"
#include "src/print/base/protocols.hpp"

namespace rawdump::print {
namespace {

constexpr std::uint16_t flag_reserved = 0x8000, flag_dont_fragment = 0x4000, flag_more_fragments = 0x2000;
constexpr std::uint16_t offset_mask = 0x1fff;

struct Ipv4Header {
    std::uint8_t version = 0;
    std::uint8_t header_length = 0;  // bytes
    std::uint8_t tos = 0;
    std::uint16_t total_length = 0;
    std::uint16_t id = 0;
    std::uint16_t fragment = 0;      // flags and offset
    std::uint8_t ttl = 0;
    std::uint8_t protocol = 0;
    std::uint16_t checksum = 0;
    Ipv4Address src, dst;
};

// Reads the fixed 20 bytes; false when they were not all captured.
bool decode(ByteReader& r, Ipv4Header& h) {
    std::uint8_t vhl = r.u8();
    h.version = vhl >> 4;
    h.header_length = static_cast<std::uint8_t>((vhl & 0xf) * 4);
    h.tos = r.u8();
    h.total_length = r.be16();
    h.id = r.be16();
    h.fragment = r.be16();
    h.ttl = r.u8();
    h.protocol = r.u8();
    h.checksum = r.be16();
    for (auto& b : h.src.bytes) b = r.u8();
    for (auto& b : h.dst.bytes) b = r.u8();
    return !r.truncated();
}

enum class HeaderEnd { Complete, OptionsTruncated, Unwound };

// The -v header line; how it ended decides what follows.
HeaderEnd print_verbose_header(Context& ctx, const Ipv4Header& h, ByteReader packet) {
    HeaderEnd end = HeaderEnd::Complete;
    ctx.print("(tos 0x{:x}", h.tos);
    switch (h.tos & 0x3) {  // ECN bits
    case 1: ctx.put(",ECT(1)"); break;
    case 2: ctx.put(",ECT(0)"); break;
    case 3: ctx.put(",CE"); break;
    default: break;
    }
    if (h.ttl >= 1) ctx.print(", ttl {}", h.ttl);
    ctx.print(", id {}, offset {}, flags [", h.id, (h.fragment & offset_mask) * 8);
    bool any = false;
    auto flag = [&](std::uint16_t bit, std::string_view name) {
        if (!(h.fragment & bit)) return;
        if (any) ctx.put(", ");
        ctx.put(name);
        any = true;
    };
    flag(flag_more_fragments, "+");
    flag(flag_dont_fragment, "DF");
    flag(flag_reserved, "rsvd");
    if (!any) ctx.put("none");
    auto name = ipproto_name(h.protocol);
    ctx.print("], proto {} ({})", name.empty() ? std::string_view{"unknown"} : name, h.protocol);
    ctx.print(", length {}", h.total_length);
    if (h.header_length > 20) {
        ctx.put(", options (");
        switch (print_ipv4_options(ctx, packet.window(20, packet.size()), h.header_length - 20u)) {
        case OptionsEnd::Unwound:
            return HeaderEnd::Unwound;
        case OptionsEnd::Truncated:
            ctx.put(" [truncated-option]");
            end = HeaderEnd::OptionsTruncated;
            break;
        case OptionsEnd::Complete:
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

}  // namespace

void print_ipv4(Context& ctx, ByteReader packet, std::uint32_t length) {
    if (!packet.has(1)) return ctx.truncated_unwind("ip");
    // The version is checked before anything else is read.
    if (std::uint8_t version = packet.window(0, 1).u8() >> 4; version != 4) {
        if (version == 6)
            ctx.put("IP6, wrong link-layer encapsulation");
        else
            ctx.print("IP{}", version);
        return ctx.put(" (invalid)");
    }
    if (!ctx.options.link_header) ctx.put("IP ");
    ByteReader r = packet;
    Ipv4Header h;
    if (!decode(r, h)) return ctx.truncated("ip");
    if (length < 20) return ctx.print("truncated-ip {}", length);
    if (h.header_length < 20) return ctx.print("bad-hlen {}", h.header_length);
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
        case HeaderEnd::Unwound:
            return;
        case HeaderEnd::OptionsTruncated:  // tcpdump gives up on the datagram
            options_cut = true;
            break;
        case HeaderEnd::Complete:  // (an end-of-list option may stop it before the cut)
            break;
        }
    }

    IpInfo ip;
    ip.version = 4;
    ip.src4 = h.src;
    ip.dst4 = h.dst;
    ip.protocol = h.protocol;
    ip.header_protocol = h.protocol;
    ip.ttl = h.ttl;
    ip.length = h.total_length - h.header_length;
    ip.fragmented = (h.fragment & (flag_more_fragments | offset_mask)) != 0;

    if (options_cut) {
        ip.print_addresses(ctx);
        ctx.put(": ");
        return ctx.truncated("ip");
    }
    if ((h.fragment & offset_mask) == 0) {
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
        // A later fragment has no transport header to decode.
        ip.print_addresses(ctx);
        ctx.put(':');
        auto keyword = ipproto_keyword(h.protocol);
        if (ctx.resolve() && !keyword.empty())
            ctx.print(" {}", keyword);
        else
            ctx.print(" ip-proto-{}", h.protocol);
    }
}

}  // namespace rawdump::print
