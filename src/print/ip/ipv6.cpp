// IPv6 (print-ip6.c ip6_print, tcpdump 4.99.3 wording: the -v header stays on one line).
#include <optional>

#include "src/print/ip/ipv6.hpp"
#include "src/print/dispatch/ip_protocols.hpp"
#include "src/print/ip/ipv6_header.hpp"
#include "src/print/ip/ipv6_extensions.hpp"
#include "src/print/base/protocols.hpp"

namespace rawdump::print {
namespace {

// "(class 0x.., flowlabel 0x....., hlim N, next-header X (N) payload length: N) " under -v.
void print_verbose_header(Context& ctx, const Ipv6Header& h) {
    ctx.put('(');
    if (h.traffic_class != 0) ctx.print("class 0x{:02x}, ", h.traffic_class);
    if (h.flow_label != 0) ctx.print("flowlabel 0x{:05x}, ", h.flow_label);
    auto name = ipproto_name(h.next_header);
    ctx.print("hlim {}, next-header {} ({}) payload length: {}) ", h.hop_limit,
              name.empty() ? std::string_view{"unknown"} : name, h.next_header, h.payload_length);
}

// Where the walk over the extension headers is (print-ip6.c ip6_print's loop).
struct ExtensionWalk {
    ExtensionWalk(const Ipv6Header& h, ByteReader captured, std::uint32_t layer_length, std::uint64_t datagram_length)
        : header(h), packet(captured), datagram(clip(datagram_length)), length(layer_length),
          remaining(datagram_length - Ipv6Header::size) {}

    const Ipv6Header& header;
    ByteReader packet;         // all that was captured from the IPv6 header on
    ByteReader datagram;       // clipped to the datagram's length
    std::uint32_t length = 0;  // the length the layer below gave
    std::uint64_t remaining = 0;           // declared bytes after the headers so far
    std::size_t at = Ipv6Header::size;     // where the next header starts
    std::string_view last_protocol = "ip6";  // names a cut right after an extension header
    std::optional<std::uint32_t> jumbo;
    bool found_extension = false, found_hop_by_hop = false;

    ByteReader clip(std::uint64_t n) const { return packet.window(0, n < packet.size() ? n : packet.size()); }
};

// The transport after the last extension header, with the length a jumbo option may give.
void print_transport(Context& ctx, ExtensionWalk& walk, IpInfo& ip, std::uint8_t next) {
    std::uint64_t transport = walk.remaining;
    if (walk.jumbo) {
        std::uint64_t total = std::uint64_t{*walk.jumbo} + Ipv6Header::size;
        if (total < walk.at) return ctx.truncated(walk.last_protocol);
        if (walk.length < total) ctx.print("truncated-ip6 - {} bytes missing!", total - walk.length);
        walk.datagram = walk.clip(total);
        transport = total - walk.at;
    } else if (walk.header.payload_length == 0) {
        // No jumbo option: the packet has no payload at all.
        if (walk.found_extension) return ctx.truncated("ip6");
        walk.datagram = walk.clip(Ipv6Header::size);
        transport = 0;
    }
    ip.protocol = next;
    ip.length = static_cast<std::uint32_t>(transport);
    print_ip_payload(ctx, walk.datagram.window(walk.at, ip.length), ip);
}

// Prints the header `next` names; its length when the walk goes on, nothing when it ends.
std::optional<unsigned> print_next_header(Context& ctx, ExtensionWalk& walk, IpInfo& ip, std::uint8_t next) {
    const std::uint16_t payload_length = walk.header.payload_length;
    ByteReader header = walk.datagram.window(walk.at, walk.datagram.size());
    switch (static_cast<IpProto>(next)) {
    case IpProto::HopOptions: {
        // RFC 8200: at most one, right after the IPv6 header.
        if (walk.found_hop_by_hop) {
            ctx.put("[The Hop-by-Hop Options header was already found] (invalid)");
            return std::nullopt;
        }
        if (walk.at != Ipv6Header::size) {
            ctx.put("[The Hop-by-Hop Options header don't follow the IPv6 header] (invalid)");
            return std::nullopt;
        }
        walk.last_protocol = "hbhopt";
        auto advance = print_option_header(ctx, header, true, payload_length, walk.jumbo);
        if (ctx.unwound) return std::nullopt;  // a local cut still goes on to the jumbo check
        if (payload_length == 0 && !walk.jumbo) {
            ctx.put("[No valid Jumbo Payload Hop-by-Hop option found] (invalid)");
            return std::nullopt;
        }
        walk.found_hop_by_hop = true;
        return advance;
    }
    case IpProto::DestOptions:
        walk.last_protocol = "dstopt";
        return print_option_header(ctx, header, false, payload_length, walk.jumbo);
    case IpProto::Fragment: {
        walk.last_protocol = "frag6";
        constexpr std::uint64_t fragment_header_size = 8;
        auto advance = print_fragment_header(
            ctx, header, std::uint64_t{payload_length} + Ipv6Header::size - walk.at - fragment_header_size);
        // Nothing captured after the fragment header: nothing more to say.
        if (advance && walk.at + *advance >= walk.datagram.size()) return std::nullopt;
        ip.fragmented = true;
        return advance;
    }
    case IpProto::Routing:
        // tcpdump's IPv6 walker reads the first byte itself before entering the routing
        // printer, so a cut here is the IPv6 printer's, whatever came before.
        if (!header.has(1)) {
            ctx.truncated("ip6");
            return std::nullopt;
        }
        walk.last_protocol = "rt6";
        return print_routing_header(ctx, header, ip.checksum_dst6);
    case IpProto::NoNext:
        // As for a transport: a zero payload length without a jumbo option is a cut.
        if (payload_length == 0 && !walk.jumbo && walk.found_extension)
            ctx.truncated("ip6");
        else
            ctx.put("no next header");
        return std::nullopt;
    default:
        print_transport(ctx, walk, ip, next);
        return std::nullopt;
    }
}

}  // namespace

void print_ipv6(Context& ctx, ByteReader packet, std::uint32_t length) {
    const std::optional<Ipv6Header> decoded = decode_ipv6_header(packet);
    if (!decoded) return ctx.truncated("ip6");
    const Ipv6Header& h = *decoded;
    if (length < Ipv6Header::size) return ctx.print("truncated-ip6 {}", length);  // before the "IP6" name
    if (!ctx.options.link_header) ctx.put("IP6 ");
    if (h.version != 6) return ctx.print("version error: {} != 6", h.version);

    // A payload length of 0 means a jumbogram: the length then comes from the hop-by-hop
    // jumbo option, and until it is found the whole capture is in play.
    std::uint64_t datagram_length =
        (h.payload_length != 0 ? std::uint64_t{h.payload_length} : std::uint64_t{length}) + Ipv6Header::size;
    if (h.payload_length != 0 && length < datagram_length)
        ctx.print("truncated-ip6 - {} bytes missing!", datagram_length - length);
    if (ctx.options.verbosity > 0) print_verbose_header(ctx, h);

    IpInfo ip;
    ip.version = 6;
    ip.src6 = h.source;
    ip.dst6 = h.destination;
    ip.checksum_dst6 = h.destination;
    ip.header_protocol = h.next_header;
    ip.ttl = h.hop_limit;

    auto first = static_cast<IpProto>(h.next_header);
    if (first != IpProto::Tcp && first != IpProto::Udp && first != IpProto::Sctp) {
        ip.print_addresses(ctx);
        ctx.put(": ");
    }
    ExtensionWalk walk(h, packet, length, datagram_length);
    // Walk the extension headers until a transport protocol.
    std::uint8_t next = h.next_header;
    for (;;) {
        const std::optional<unsigned> advance = print_next_header(ctx, walk, ip, next);
        if (!advance) return;
        if (*advance > walk.remaining) return ctx.truncated(walk.last_protocol);
        walk.found_extension = true;
        next = walk.datagram.u8_at(walk.at);  // the header just printed names the next one
        walk.remaining -= *advance;
        walk.at += *advance;
    }
}

}  // namespace rawdump::print
