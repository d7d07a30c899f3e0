// Sema for host and network names (`host localhost`, `net loopback`), resolved through
// SemaOptions' resolvers the way libpcap's gen_scode resolves them with getaddrinfo() and
// getnetbyname().
#include "filter/sema_analyser.hpp"

#include <fmt/format.h>

#include "filter/ast_print.hpp"

namespace rawdump::filter::sema_detail {

using ast::Proto;

ir::NodePtr Analyser::named_address(const ast::Head& head, const ast::Value& value, AddressKind kind) {
    const ir::Direction dir = direction(head);
    const std::optional<Proto> proto =
        head.proto ? std::optional<Proto>{head.proto->value} : std::nullopt;
    const std::string name = without_escape(value.text);
    const bool arp = proto == Proto::Arp || proto == Proto::Rarp;
    if (proto && !arp && proto != Proto::Ip && proto != Proto::Ip6)
        fail(span(*head.proto), fmt::format("'{}' modifier applied to {}", ast::name_of(*proto),
                                            kind == AddressKind::Net ? "net" : "host"));
    std::vector<EtherType> carriers;
    if (!proto) carriers = {EtherType::Ipv4, EtherType::Arp, EtherType::ReverseArp};
    else if (proto == Proto::Ip) carriers = {EtherType::Ipv4};
    else if (proto == Proto::Arp) carriers = {EtherType::Arp};
    else if (proto == Proto::Rarp) carriers = {EtherType::ReverseArp};

    if (kind == AddressKind::Net) {
        // getnetbyname(); 0 counts as unknown (libpcap's pcap_nametonetaddr), and a short
        // network number is shifted up with its mask ("10" is 10.0.0.0/8).
        const auto number = options_.resolve_network ? options_.resolve_network(name) : std::nullopt;
        if (!number || *number == 0)
            fail(span(value), fmt::format("unknown network '{}'", name));
        if (proto == Proto::Ip6) fail(span(*head.proto), "'ip6' modifier applied to ip host");
        std::uint32_t address = *number, mask = 0xffffffff;
        while (address != 0 && (address & 0xff000000) == 0) {
            address <<= 8;
            mask <<= 8;
        }
        return ir::make(ir::Ipv4HostMatch{std::move(carriers), dir, address, mask});
    }

    const std::vector<HostAddress> addresses =
        options_.resolve_host ? options_.resolve_host(name) : std::vector<HostAddress>{};
    if (addresses.empty()) fail(span(value), fmt::format("unknown host '{}'", name));
    ir::NodePtr result;
    for (const HostAddress& address : addresses) {
        ir::NodePtr one;
        if (address.ipv6) {
            // libpcap skips a name's IPv6 addresses for `ip host`, but for `arp`/`rarp` it
            // goes on to gen_host6, which refuses them (whatever IPv4 addresses the name has).
            if (proto == Proto::Ip) continue;
            if (arp)
                fail(span(*head.proto),
                     fmt::format("'{}' modifier applied to ip6 host", ast::name_of(head.proto->value)));
            std::array<std::uint8_t, 16> all_ones;
            all_ones.fill(0xff);
            one = ir::make(ir::Ipv6HostMatch{dir, address.bytes, all_ones});
        } else {
            if (proto == Proto::Ip6) continue;
            const std::uint32_t v4 = std::uint32_t{address.bytes[0]} << 24 |
                                     std::uint32_t{address.bytes[1]} << 16 |
                                     std::uint32_t{address.bytes[2]} << 8 | address.bytes[3];
            one = ir::make(ir::Ipv4HostMatch{carriers, dir, v4, 0xffffffff});
        }
        result = result ? ir::make(ir::Or{std::move(result), std::move(one)}) : std::move(one);
    }
    if (!result)
        fail(span(value), fmt::format("unknown host '{}' for specified address family", name));
    return result;
}

}  // namespace rawdump::filter::sema_detail
