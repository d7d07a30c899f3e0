// IpInfo helpers and the transport demultiplexer (print-ip-demux.c).
#include "src/print/checksum.hpp"
#include "src/print/ip.hpp"
#include "src/print/protocols.hpp"
#include "src/print/transport.hpp"

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

std::uint32_t IpInfo::pseudo_sum(std::uint8_t proto, std::uint32_t len) const noexcept {
    return version == 4 ? pseudo_header_sum(src4, dst4, proto, len) : pseudo_header_sum(src6, dst6, proto, len);
}

int IpInfo::compare_addresses() const noexcept {
    return version == 4 ? std::memcmp(src4.bytes.data(), dst4.bytes.data(), 4)
                        : std::memcmp(src6.bytes.data(), dst6.bytes.data(), 16);
}

void print_ip_payload(Context& ctx, ByteReader payload, const IpInfo& ip) {
    switch (static_cast<IpProto>(ip.protocol)) {
    case IpProto::Tcp:
        return print_tcp(ctx, payload, ip);
    case IpProto::Udp:
        return print_udp(ctx, payload, ip);
    case IpProto::Icmp:
        return print_icmp(ctx, payload, ip);
    case IpProto::Icmpv6:
        return print_icmp6(ctx, payload, ip);
    default:
        break;
    }
    // Protocols without a printer yet: the netdb keyword (or number) and the length.
    auto keyword = ipproto_keyword(ip.protocol);
    if (ctx.resolve() && !keyword.empty())
        ctx.print(" {}", keyword);
    else
        ctx.print(" ip-proto-{}", ip.protocol);
    ctx.print(" {}", ip.length);
}

}  // namespace rawdump::print
