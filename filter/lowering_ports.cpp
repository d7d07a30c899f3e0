// Lowering: TCP/UDP/SCTP ports and port ranges.
#include "filter/lowering.hpp"

namespace rawdump::filter::lowering {

// Ors one test per listed protocol, in the listed order.
template <typename Make>
PredPtr Lowering::any_protocol(const std::vector<IpProto>& protocols, Make make) {
    PredPtr result;
    for (auto it = protocols.rbegin(); it != protocols.rend(); ++it)
        result = result ? any_of(make(*it), result) : make(*it);
    return result;
}

// (ip6 and (nh == p1 and ports or nh == p2 and ports ...)) or
// (ip and (proto == p1 and not fragment and ports or ...)); libpcap's gen_port6/gen_port
// and gen_portrange6/gen_portrange. `matches(loads)` tests one port field, given the
// loads that bring it into A.
template <typename Matches>
PredPtr Lowering::transport_ports(const std::vector<IpProto>& protocols, ir::Direction direction,
                        Matches matches) const {
    auto port_at = [](bool source) {
        return source ? transport::source_port : transport::destination_port;
    };
    const PredPtr over_ipv6 = all_of(
        link_protocol(EtherType::Ipv6),
        any_protocol(protocols, [&](IpProto protocol) {
            return all_of(
                equals(load_byte(net(ipv6::next_header)), static_cast<std::uint32_t>(protocol)),
                by_direction(direction, [&](bool source) {
                    return matches(std::vector<Insn>{
                        load_half(net(ipv6::header_length) + port_at(source))});
                }));
        }));
    // IPv4: first fragments only; the header length comes from the IHL nibble (ldxb).
    const Insn header_length = statement(op::ldx | op::msh | op::b, net(ipv4::version_ihl));
    const PredPtr over_ipv4 = all_of(
        link_protocol(EtherType::Ipv4),
        any_protocol(protocols, [&](IpProto protocol) {
            return all_of(
                all_of(equals(load_byte(net(ipv4::protocol)), static_cast<std::uint32_t>(protocol)),
                       negation(test({load_half(net(ipv4::flags_fragment))}, op::jset,
                                     ipv4::fragment_offset_mask))),
                by_direction(direction, [&](bool source) {
                    return matches(std::vector<Insn>{
                        header_length, statement(op::ld | op::h | op::ind, net(port_at(source)))});
                }));
        }));
    return any_of(over_ipv6, over_ipv4);
}

PredPtr Lowering::lower(const ir::PortMatch& node) {
    return transport_ports(node.protocols, node.direction, [&](std::vector<Insn> loads) {
        return test(std::move(loads), op::jeq, node.port);
    });
}

// low <= port <= high as libpcap writes it: `jge low` and not `jgt high`.
PredPtr Lowering::lower(const ir::PortRangeMatch& node) {
    return transport_ports(node.protocols, node.direction, [&](std::vector<Insn> loads) {
        return all_of(test(loads, op::jge, node.low), negation(test(loads, op::jgt, node.high)));
    });
}

}  // namespace rawdump::filter::lowering
