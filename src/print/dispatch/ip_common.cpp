// IpInfo helpers and the transport demultiplexer (print-ip-demux.c).
#include "src/print/base/checksum.hpp"
#include "src/print/ip/gre.hpp"
#include "src/print/ip/igmp.hpp"
#include "src/print/ip/ip.hpp"
#include "src/print/ip/ipsec.hpp"
#include "src/print/link/link.hpp"
#include "src/print/base/protocols.hpp"
#include "src/print/transport/sctp.hpp"
#include "src/print/transport/transport.hpp"
#include "src/print/ip/vrrp.hpp"

#include <cstring>

namespace rawdump::print {

void IpInfo::print_addresses(Context& ctx) const {
    if (version == 4) {
        ctx.host(src4);
        ctx.put(" > ");
        ctx.host(dst4);
    } else {
        ctx.host(src6);
        ctx.put(" > ");
        ctx.host(dst6);
    }
}

void IpInfo::print_endpoints(Context& ctx, std::uint16_t sport, std::uint16_t dport, bool tcp) const {
    auto port = [&](std::uint16_t p) {
        if (tcp)
            ctx.tcp_port(p);
        else
            ctx.udp_port(p);
    };
    bool with_addresses = header_protocol == protocol;
    if (with_addresses) {
        if (version == 4)
            ctx.host(src4);
        else
            ctx.host(src6);
        ctx.put('.');
    }
    port(sport);
    ctx.put(" > ");
    if (with_addresses) {
        if (version == 4)
            ctx.host(dst4);
        else
            ctx.host(dst6);
        ctx.put('.');
    }
    port(dport);
    ctx.put(": ");
}

std::uint32_t IpInfo::pseudo_sum(std::uint8_t proto, std::uint32_t len) const noexcept {
    return version == 4 ? pseudo_header_sum(src4, dst4, proto, len) : pseudo_header_sum(src6, checksum_dst6, proto, len);
}

int IpInfo::compare_addresses() const noexcept {
    return version == 4 ? std::memcmp(src4.bytes.data(), dst4.bytes.data(), 4)
                        : std::memcmp(src6.bytes.data(), dst6.bytes.data(), 16);
}

namespace {

// ICMP only over IPv4, ICMPv6 and Ethernet only over IPv6: "[ICMP requires IPv4] (invalid)".
void print_wrong_version(Context& ctx, std::uint8_t protocol, int version) {
    auto name = ipproto_name(protocol);
    ctx.print("[{} requires IPv{}]", name.empty() ? std::string_view{"unknown"} : name, version);
    ctx.put(" (invalid)");
}

}  // namespace

void print_ip_payload(Context& ctx, ByteReader payload, const IpInfo& ip) {
    switch (static_cast<IpProto>(ip.protocol)) {
    case IpProto::Tcp:
        return print_tcp(ctx, payload, ip);
    case IpProto::Udp:
        return print_udp(ctx, payload, ip);
    case IpProto::Icmp:
        if (ip.version != 4) return print_wrong_version(ctx, ip.protocol, 4);
        return print_icmp(ctx, payload, ip);
    case IpProto::Icmpv6:
        if (ip.version != 6) return print_wrong_version(ctx, ip.protocol, 6);
        return print_icmp6(ctx, payload, ip);
    case IpProto::Igmp:
        if (ip.version != 4) return print_wrong_version(ctx, ip.protocol, 4);
        return print_igmp(ctx, payload, ip);
    case IpProto::Gre:
        return print_gre(ctx, payload, ip.length);
    case IpProto::Ipv4:  // IP in IP: the inner datagram on the same line
        return print_ipv4(ctx, payload, ip.length);
    case IpProto::Ipv6:
        return print_ipv6(ctx, payload, ip.length);
    case IpProto::Ah: {
        // The AH header names what follows; its printer returns how far to step.
        if (!payload.has(1)) return ctx.truncated("ah");
        IpInfo inner = ip;
        inner.protocol = payload.window(0, 1).u8();
        const auto advance = print_ah(ctx, payload);
        if (!advance) return;
        inner.length = ip.length - *advance;  // unsigned, as tcpdump's u_int length
        return print_ip_payload(ctx, payload.window(*advance, inner.length), inner);
    }
    case IpProto::Esp:
        return print_esp(ctx, payload, ip.length);
    case IpProto::NoNext:
        return ctx.put("no next header");
    case IpProto::Vrrp:
        return print_vrrp(ctx, payload, ip);
    case IpProto::Sctp:
        return print_sctp(ctx, payload, ip);
    case IpProto::Ethernet:  // RFC 8986 segment routing can carry whole frames
        if (ip.version != 6) return print_wrong_version(ctx, ip.protocol, 6);
        print_ethernet(ctx, payload, ip.length);
        return;
    default:
        break;
    }
    // Sun's ND protocol: tcpdump names it itself, whatever -n says.
    constexpr std::uint8_t sun_nd = 77;
    if (ip.protocol == sun_nd) return ctx.print(" nd {}", ip.length);
    // Protocols without a printer yet: the netdb keyword (or number) and the length.
    auto keyword = ipproto_keyword(ip.protocol);
    if (ctx.resolve() && !keyword.empty())
        ctx.print(" {}", keyword);
    else
        ctx.print(" ip-proto-{}", ip.protocol);
    ctx.print(" {}", ip.length);
}

}  // namespace rawdump::print
