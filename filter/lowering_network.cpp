// Lowering: network- and transport-protocol tests and host addresses (IPv4, IPv6, DECnet).
#include "filter/lowering.hpp"

#include "filter/codegen_protochain.hpp"

namespace rawdump::filter::lowering {

PredPtr Lowering::ipv4_protocol(IpProto protocol) const {
    return all_of(link_protocol(EtherType::Ipv4),
                  equals(load_byte(net(ipv4::protocol)), static_cast<std::uint32_t>(protocol)));
}

// libpcap looks through exactly one fragment header for the IPv6 transport protocol.
PredPtr Lowering::ipv6_protocol(IpProto protocol) const {
    const auto number = static_cast<std::uint32_t>(protocol);
    const auto next_header = load_byte(net(ipv6::next_header));
    return all_of(link_protocol(EtherType::Ipv6),
                  any_of(equals(next_header, number),
                         all_of(equals(next_header, ipv6::fragment_header),
                                equals(load_byte(net(ipv6::fragment_next_header)), number))));
}

// libpcap's gen_host(Q_DECNET)/gen_dnhostop: the routing header's flags byte says short
// (2) or long (6) form, with a 0x81 pad byte in front or not; the address is little-endian.
PredPtr Lowering::lower(const ir::DecnetHostMatch& node) {
    const std::uint32_t nl = link_.network_offset;
    const std::uint32_t wire = (node.address & 0xff) << 8 | node.address >> 8;
    auto one_direction = [&](bool source) {
        const std::uint32_t short_at = source ? 3 : 1, long_at = source ? 15 : 7;
        auto form = [&](bool padded, std::uint32_t flags, std::uint32_t at) {
            const PredPtr kind =
                padded ? masked_equals(load_half(nl + 2), 0x8100 | flags, 0xff07)
                       : masked_equals(load_byte(nl + 2), flags, 0x07);
            return all_of(kind, equals(load_half(nl + 2 + (padded ? 1 : 0) + at), wire));
        };
        return any_of(form(false, 0x02, short_at),
                      any_of(form(true, 0x02, short_at),
                             any_of(form(false, 0x06, long_at), form(true, 0x06, long_at))));
    };
    return by_direction(node.direction, [&](bool source) {  // each with the link test
        return all_of(link_protocol(static_cast<EtherType>(0x6003)), one_direction(source));
    });
}

// libpcap's gen_protochain: ip's walk or'ed with ip6's (codegen_protochain.hpp).
PredPtr Lowering::lower(const ir::Protochain& node) {
    auto walk = [&](bool ipv6) {
        const std::uint32_t network = link_.network_offset, protocol = node.protocol;
        const PredPtr chain = std::make_shared<Pred>(Pred{Emitted{
            [=](cfg::Graph& graph, cfg::BlockId on_true, cfg::BlockId on_false) {
                return emit_protochain_walk(graph, ipv6, protocol, network, on_true, on_false);
            }}});
        return all_of(link_protocol(ipv6 ? EtherType::Ipv6 : EtherType::Ipv4), chain);
    };
    if (node.over_ipv4 && node.over_ipv6) return any_of(walk(false), walk(true));
    return walk(node.over_ipv6);
}

PredPtr Lowering::lower(const ir::TransportProtocol& node) {
    if (node.over_ipv4 && node.over_ipv6)
        return any_of(ipv4_protocol(node.protocol), ipv6_protocol(node.protocol));
    return node.over_ipv4 ? ipv4_protocol(node.protocol) : ipv6_protocol(node.protocol);
}

// Each direction tests the link protocol again, as libpcap's gen_hostop does.
PredPtr Lowering::lower(const ir::Ipv4HostMatch& node) {
    PredPtr result;
    for (auto carrier : node.carriers) {
        if (link_.mpls_depth > 0 && node.carriers.size() > 1 && carrier != EtherType::Ipv4)
            continue;
        const bool is_ip = carrier == EtherType::Ipv4;
        const std::uint32_t source = net(is_ip ? ipv4::source : arp::sender_protocol_address);
        const std::uint32_t destination =
            net(is_ip ? ipv4::destination : arp::target_protocol_address);
        PredPtr one = by_direction(node.direction, [&](bool src) {
            return all_of(link_protocol(carrier),
                          masked_equals(load_word(src ? source : destination), node.address,
                                        node.mask));
        });
        result = result ? any_of(result, one) : one;
    }
    return result;
}

PredPtr Lowering::lower(const ir::Ipv6HostMatch& node) {
    auto address_at = [&](std::uint32_t offset) {
        PredPtr result;
        for (std::uint32_t word = 0; word < 4; ++word) {
            std::uint32_t value = 0;
            std::uint32_t mask = 0;
            for (std::uint32_t i = 0; i < 4; ++i) {
                value = (value << 8) | node.address[word * 4 + i];
                mask = (mask << 8) | node.mask[word * 4 + i];
            }
            // A fully masked-out word still gets its (always true) test, as in libpcap;
            // the optimiser drops it.
            PredPtr one = masked_equals(load_word(offset + 4 * word), value, mask);
            result = result ? all_of(result, one) : one;
        }
        return result;
    };
    return by_direction(node.direction, [&](bool source) {
        return all_of(link_protocol(EtherType::Ipv6),
                      address_at(net(source ? ipv6::source : ipv6::destination)));
    });
}

PredPtr Lowering::lower(const ir::IpMulticast& node) {
    if (node.ipv6)
        return all_of(link_protocol(EtherType::Ipv6),
                      equals(load_byte(net(ipv6::destination)), ipv6::multicast_prefix));
    return all_of(link_protocol(EtherType::Ipv4),
                  test({load_byte(net(ipv4::destination))}, op::jge, ipv4::first_multicast_byte));
}

PredPtr Lowering::lower(const ir::Ipv4FirstFragment&) {
    return negation(test({load_half(net(ipv4::flags_fragment))}, op::jset, ipv4::fragment_offset_mask));
}

PredPtr Lowering::lower(const ir::Ipv6NextHeader& node) {
    return equals(load_byte(net(ipv6::next_header)), static_cast<std::uint32_t>(node.protocol));
}

}  // namespace rawdump::filter::lowering
