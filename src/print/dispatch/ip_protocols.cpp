// The IP protocol table, in tcpdump's order (print-ip-demux.c).
#include "src/print/dispatch/ip_protocols.hpp"

#include <array>
#include <string_view>

#include "src/print/base/protocols.hpp"
#include "src/print/ip/gre.hpp"
#include "src/print/ip/icmp.hpp"
#include "src/print/ip/icmp6.hpp"
#include "src/print/ip/igmp.hpp"
#include "src/print/ip/ipsec.hpp"
#include "src/print/ip/ipv4.hpp"
#include "src/print/ip/ipv6.hpp"
#include "src/print/ip/vrrp.hpp"
#include "src/print/link/ethernet.hpp"
#include "src/print/transport/sctp.hpp"
#include "src/print/transport/tcp.hpp"
#include "src/print/transport/udp.hpp"

namespace rawdump::print {
namespace {

using IpProtoPrinter = void (*)(Context&, ByteReader, const IpInfo&);

// Which IP versions may carry the protocol; the other prints "[ICMP requires IPv4] (invalid)".
enum class Carrier { AnyIp, Ipv4Only, Ipv6Only };

struct IpProtoRoute {
    IpProto protocol;
    Carrier carrier;
    IpProtoPrinter print;
};

// Sun's ND protocol: tcpdump names it itself, whatever -n says.
constexpr auto sun_nd = static_cast<IpProto>(77);

// The printers that take the declared length rather than the whole IpInfo.
void print_gre_payload(Context& ctx, ByteReader payload, const IpInfo& ip) { print_gre(ctx, payload, ip.length); }
// IP in IP: the inner datagram on the same line.
void print_ipv4_payload(Context& ctx, ByteReader payload, const IpInfo& ip) { print_ipv4(ctx, payload, ip.length); }
void print_ipv6_payload(Context& ctx, ByteReader payload, const IpInfo& ip) { print_ipv6(ctx, payload, ip.length); }
void print_esp_payload(Context& ctx, ByteReader payload, const IpInfo& ip) { print_esp(ctx, payload, ip.length); }
void print_no_next_header(Context& ctx, ByteReader, const IpInfo&) { ctx.put("no next header"); }
// RFC 8986 segment routing can carry whole frames.
void print_ethernet_payload(Context& ctx, ByteReader payload, const IpInfo& ip) {
    print_ethernet(ctx, payload, ip.length);
}
void print_sun_nd(Context& ctx, ByteReader, const IpInfo& ip) { ctx.print(" nd {}", ip.length); }

// The AH header names what follows; its printer returns how far to step, and the table is
// walked again for the protected payload.
void print_ah_payload(Context& ctx, ByteReader payload, const IpInfo& ip) {
    if (!payload.has(1)) return ctx.truncated("ah");
    IpInfo inner = ip;
    inner.protocol = payload.u8_at(0);
    const auto advance = print_ah(ctx, payload);
    if (!advance) return;
    inner.length = ip.length - *advance;  // unsigned, as tcpdump's u_int length
    print_ip_payload(ctx, payload.window(*advance, inner.length), inner);
}

constexpr std::array ip_proto_routes{
    IpProtoRoute{IpProto::Tcp, Carrier::AnyIp, print_tcp},
    IpProtoRoute{IpProto::Udp, Carrier::AnyIp, print_udp},
    IpProtoRoute{IpProto::Icmp, Carrier::Ipv4Only, print_icmp},
    IpProtoRoute{IpProto::Icmpv6, Carrier::Ipv6Only, print_icmp6},
    IpProtoRoute{IpProto::Igmp, Carrier::Ipv4Only, print_igmp},
    IpProtoRoute{IpProto::Gre, Carrier::AnyIp, print_gre_payload},
    IpProtoRoute{IpProto::Ipv4, Carrier::AnyIp, print_ipv4_payload},
    IpProtoRoute{IpProto::Ipv6, Carrier::AnyIp, print_ipv6_payload},
    IpProtoRoute{IpProto::Ah, Carrier::AnyIp, print_ah_payload},
    IpProtoRoute{IpProto::Esp, Carrier::AnyIp, print_esp_payload},
    IpProtoRoute{IpProto::NoNext, Carrier::AnyIp, print_no_next_header},
    IpProtoRoute{IpProto::Vrrp, Carrier::AnyIp, print_vrrp},
    IpProtoRoute{IpProto::Sctp, Carrier::AnyIp, print_sctp},
    IpProtoRoute{IpProto::Ethernet, Carrier::Ipv6Only, print_ethernet_payload},
    IpProtoRoute{sun_nd, Carrier::AnyIp, print_sun_nd},
};

// "[ICMP requires IPv4] (invalid)".
void print_wrong_version(Context& ctx, std::uint8_t protocol, int version) {
    auto name = ipproto_name(protocol);
    ctx.print("[{} requires IPv{}]", name.empty() ? std::string_view{"unknown"} : name, version);
    ctx.put(" (invalid)");
}

// Protocols without a printer yet: the netdb keyword (or number) and the length.
void print_unknown_protocol(Context& ctx, const IpInfo& ip) {
    auto keyword = ipproto_keyword(ip.protocol);
    if (ctx.resolve() && !keyword.empty())
        ctx.print(" {}", keyword);
    else
        ctx.print(" ip-proto-{}", ip.protocol);
    ctx.print(" {}", ip.length);
}

}  // namespace

void print_ip_payload(Context& ctx, ByteReader payload, const IpInfo& ip) {
    const auto protocol = static_cast<IpProto>(ip.protocol);
    for (const auto& route : ip_proto_routes) {
        if (route.protocol != protocol) continue;
        if (route.carrier == Carrier::Ipv4Only && ip.version != 4) return print_wrong_version(ctx, ip.protocol, 4);
        if (route.carrier == Carrier::Ipv6Only && ip.version != 6) return print_wrong_version(ctx, ip.protocol, 6);
        return route.print(ctx, payload, ip);
    }
    print_unknown_protocol(ctx, ip);
}

}  // namespace rawdump::print
