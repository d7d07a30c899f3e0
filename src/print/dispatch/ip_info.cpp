// IpInfo's printing and checksum helpers.
#include "src/print/dispatch/ip_info.hpp"

#include <cstring>

#include "src/print/base/checksum.hpp"

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

}  // namespace rawdump::print
