// IPv6 (print-ip6.c ip6_print, tcpdump 4.99.3 wording: the -v header stays on one line).
#include <optional>

#include "src/print/ip/ip.hpp"
#include "src/print/ip/ipv6_header.hpp"
#include "src/print/ip/ipv6_extensions.hpp"
#include "src/print/base/protocols.hpp"

namespace rawdump::print {

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

    if (ctx.options.verbosity > 0) {
        ctx.put('(');
        if (h.traffic_class != 0) ctx.print("class 0x{:02x}, ", h.traffic_class);
        if (h.flow_label != 0) ctx.print("flowlabel 0x{:05x}, ", h.flow_label);
        auto name = ipproto_name(h.next_header);
        ctx.print("hlim {}, next-header {} ({}) payload length: {}) ", h.hop_limit,
                  name.empty() ? std::string_view{"unknown"} : name, h.next_header, h.payload_length);
    }

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
    auto clip = [&](std::uint64_t n) { return packet.window(0, n < packet.size() ? n : packet.size()); };
    ByteReader datagram = clip(datagram_length);
    // Walk the extension headers until a transport protocol (print-ip6.c ip6_print's loop).
    std::uint8_t next = h.next_header;
    std::uint64_t remaining = datagram_length - Ipv6Header::size;  // declared bytes after the headers so far
    std::size_t at = Ipv6Header::size;
    std::string_view last_protocol = "ip6";  // names a cut right after an extension header
    std::optional<std::uint32_t> jumbo;
    bool found_extension = false, found_hop_by_hop = false;
    for (;;) {
        ByteReader header = datagram.window(at, datagram.size());
        std::optional<unsigned> advance;
        switch (static_cast<IpProto>(next)) {
        case IpProto::HopOptions:
            // RFC 8200: at most one, right after the IPv6 header.
            if (found_hop_by_hop)
                return ctx.put("[The Hop-by-Hop Options header was already found] (invalid)");
            if (at != Ipv6Header::size) return ctx.put("[The Hop-by-Hop Options header don't follow the IPv6 header] (invalid)");
            last_protocol = "hbhopt";
            advance = print_option_header(ctx, header, true, h.payload_length, jumbo);
            if (ctx.unwound) return;  // a local cut still goes on to the jumbo check
            if (h.payload_length == 0 && !jumbo)
                return ctx.put("[No valid Jumbo Payload Hop-by-Hop option found] (invalid)");
            found_hop_by_hop = true;
            break;
        case IpProto::DestOptions:
            last_protocol = "dstopt";
            advance = print_option_header(ctx, header, false, h.payload_length, jumbo);
            break;
        case IpProto::Fragment:
            last_protocol = "frag6";
            advance = print_fragment_header(ctx, header, std::uint64_t{h.payload_length} + Ipv6Header::size - at - 8);
            // Nothing captured after the fragment header: nothing more to say.
            if (advance && at + *advance >= datagram.size()) return;
            ip.fragmented = true;
            break;
        case IpProto::Routing:
            // tcpdump's IPv6 walker reads the first byte itself before entering the routing
            // printer, so a cut here is the IPv6 printer's, whatever came before.
            if (!header.has(1)) return ctx.truncated("ip6");
            last_protocol = "rt6";
            advance = print_routing_header(ctx, header, ip.checksum_dst6);
            break;
        case IpProto::NoNext:
            // As for a transport: a zero payload length without a jumbo option is a cut.
            if (h.payload_length == 0 && !jumbo && found_extension) return ctx.truncated("ip6");
            return ctx.put("no next header");
        default: {
            std::uint64_t transport = remaining;
            if (jumbo) {
                std::uint64_t total = std::uint64_t{*jumbo} + Ipv6Header::size;
                if (total < at) return ctx.truncated(last_protocol);
                if (length < total) ctx.print("truncated-ip6 - {} bytes missing!", total - length);
                datagram = clip(total);
                transport = total - at;
            } else if (h.payload_length == 0) {
                // No jumbo option: the packet has no payload at all.
                if (found_extension) return ctx.truncated("ip6");
                datagram = clip(Ipv6Header::size);
                transport = 0;
            }
            ip.protocol = next;
            ip.length = static_cast<std::uint32_t>(transport);
            return print_ip_payload(ctx, datagram.window(at, ip.length), ip);
        }
        }
        if (!advance) return;
        if (*advance > remaining) return ctx.truncated(last_protocol);
        found_extension = true;
        next = header.u8_at(0);
        remaining -= *advance;
        at += *advance;
    }
}

}  // namespace rawdump::print
