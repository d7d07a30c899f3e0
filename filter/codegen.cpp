#include "filter/codegen.hpp"

#include "filter/arith_codegen.hpp"

#include <memory>
#include <type_traits>
#include <variant>

namespace rawdump::filter {
namespace {

// Header layouts the primitives read, as offsets from the start of their header.
namespace ethernet {
constexpr std::uint32_t destination = 0;
constexpr std::uint32_t source = 6;
constexpr std::uint32_t group_bit = 0x01;  // first byte of a multicast destination
}  // namespace ethernet
namespace ipv4 {
constexpr std::uint32_t first_multicast_byte = 0xe0;  // 224.0.0.0: libpcap tests >= 224
constexpr std::uint32_t version_ihl = 0;  // low nibble: header length in 32-bit words
constexpr std::uint32_t flags_fragment = 6;
constexpr std::uint32_t fragment_offset_mask = 0x1fff;
constexpr std::uint32_t protocol = 9;
constexpr std::uint32_t source = 12;
constexpr std::uint32_t destination = 16;
}  // namespace ipv4
namespace ipv6 {
constexpr std::uint32_t next_header = 6;
constexpr std::uint32_t source = 8;
constexpr std::uint32_t destination = 24;
constexpr std::uint32_t header_length = 40;
constexpr std::uint32_t fragment_next_header = header_length + 0;  // first byte of a frag hdr
constexpr std::uint32_t fragment_header = 44;                     // IPPROTO_FRAGMENT
constexpr std::uint32_t multicast_prefix = 0xff;                  // ff00::/8
}  // namespace ipv6
namespace arp {
// Ethernet/IPv4 ARP: htype(2) ptype(2) hlen(1) plen(1) op(2) sha(6) spa(4) tha(6) tpa(4)
constexpr std::uint32_t sender_protocol_address = 14;
constexpr std::uint32_t target_protocol_address = 24;
}  // namespace arp
namespace transport {
constexpr std::uint32_t source_port = 0;
constexpr std::uint32_t destination_port = 2;
}  // namespace transport

// ---- a tiny predicate algebra over single tests, lowered to blocks afterwards ------------

struct Pred;
using PredPtr = std::shared_ptr<const Pred>;

struct Test {
    std::vector<Insn> loads;
    Insn jump;
};
struct AllOf {
    PredPtr left, right;
};
struct AnyOf {
    PredPtr left, right;
};
struct Negation {
    PredPtr operand;
};
struct Always {
    bool value;  // a predicate decided at compile time
};
struct Pred {
    std::variant<Test, AllOf, AnyOf, Negation, Always> value;
};

PredPtr all_of(PredPtr a, PredPtr b) { return std::make_shared<Pred>(Pred{AllOf{a, b}}); }
PredPtr any_of(PredPtr a, PredPtr b) { return std::make_shared<Pred>(Pred{AnyOf{a, b}}); }
PredPtr negation(PredPtr a) { return std::make_shared<Pred>(Pred{Negation{a}}); }

constexpr Insn statement(std::uint16_t code, std::uint32_t k) { return Insn{code, 0, 0, k}; }
constexpr Insn load_word(std::uint32_t offset) { return statement(op::ld | op::w | op::abs, offset); }
constexpr Insn load_half(std::uint32_t offset) { return statement(op::ld | op::h | op::abs, offset); }
constexpr Insn load_byte(std::uint32_t offset) { return statement(op::ld | op::b | op::abs, offset); }

PredPtr test(std::vector<Insn> loads, std::uint16_t jump_op, std::uint32_t k) {
    return std::make_shared<Pred>(Pred{Test{std::move(loads), statement(op::jmp | jump_op | op::k, k)}});
}
PredPtr equals(Insn load, std::uint32_t k) { return test({load}, op::jeq, k); }

// (load & mask) == k; a full mask needs no `and` (libpcap's gen_mcmp).
PredPtr masked_equals(Insn load, std::uint32_t k, std::uint32_t mask) {
    constexpr std::uint32_t all_bits = 0xffffffff;
    if (mask == all_bits) return equals(load, k);
    return test({load, statement(op::alu | op::and_ | op::k, mask)}, op::jeq, k);
}

class Lowering {
public:
    explicit Lowering(const LinkLayer& link) : link_(link) {}

    PredPtr lower(const ir::Node& node) {
        return std::visit([this](const auto& value) { return lower(value); }, node.value);
    }

private:
    const LinkLayer& link_;

    std::uint32_t net(std::uint32_t offset) const { return link_.network_offset + offset; }

    PredPtr link_protocol(ir::EtherType type) const {
        return equals(load_half(link_.protocol_type_offset), static_cast<std::uint32_t>(type));
    }

    PredPtr ipv4_protocol(ir::IpProto protocol) const {
        return all_of(link_protocol(ir::EtherType::Ipv4),
                      equals(load_byte(net(ipv4::protocol)), static_cast<std::uint32_t>(protocol)));
    }

    // libpcap looks through exactly one fragment header for the IPv6 transport protocol.
    PredPtr ipv6_protocol(ir::IpProto protocol) const {
        const auto number = static_cast<std::uint32_t>(protocol);
        const auto next_header = load_byte(net(ipv6::next_header));
        return all_of(link_protocol(ir::EtherType::Ipv6),
                      any_of(equals(next_header, number),
                             all_of(equals(next_header, ipv6::fragment_header),
                                    equals(load_byte(net(ipv6::fragment_next_header)), number))));
    }

    template <typename Make>
    static PredPtr by_direction(ir::Direction direction, Make make) {
        switch (direction) {
            case ir::Direction::Src: return make(true);
            case ir::Direction::Dst: return make(false);
            case ir::Direction::SrcOrDst: return any_of(make(true), make(false));
            case ir::Direction::SrcAndDst: return all_of(make(true), make(false));
        }
        return make(true);
    }

    PredPtr lower(const ir::NetworkProtocol& node) { return link_protocol(node.type); }

    PredPtr lower(const ir::TransportProtocol& node) {
        if (node.over_ipv4 && node.over_ipv6)
            return any_of(ipv4_protocol(node.protocol), ipv6_protocol(node.protocol));
        return node.over_ipv4 ? ipv4_protocol(node.protocol) : ipv6_protocol(node.protocol);
    }

    // The shapes below follow libpcap's gencode (gen_port/gen_portop/gen_hostop) test for
    // test: the optimiser's result, and so which load comes first on a truncated packet (a
    // load past the end rejects), depends on the shape it starts from.

    // Ors one test per listed protocol, in the listed order.
    template <typename Make>
    static PredPtr any_protocol(const std::vector<ir::IpProto>& protocols, Make make) {
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
    PredPtr transport_ports(const std::vector<ir::IpProto>& protocols, ir::Direction direction,
                            Matches matches) const {
        auto port_at = [](bool source) {
            return source ? transport::source_port : transport::destination_port;
        };
        const PredPtr over_ipv6 = all_of(
            link_protocol(ir::EtherType::Ipv6),
            any_protocol(protocols, [&](ir::IpProto protocol) {
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
            link_protocol(ir::EtherType::Ipv4),
            any_protocol(protocols, [&](ir::IpProto protocol) {
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

    PredPtr lower(const ir::PortMatch& node) {
        return transport_ports(node.protocols, node.direction, [&](std::vector<Insn> loads) {
            return test(std::move(loads), op::jeq, node.port);
        });
    }

    // low <= port <= high as libpcap writes it: `jge low` and not `jgt high`.
    PredPtr lower(const ir::PortRangeMatch& node) {
        return transport_ports(node.protocols, node.direction, [&](std::vector<Insn> loads) {
            return all_of(test(loads, op::jge, node.low), negation(test(loads, op::jgt, node.high)));
        });
    }

    // Each direction tests the link protocol again, as libpcap's gen_hostop does.
    PredPtr lower(const ir::Ipv4HostMatch& node) {
        PredPtr result;
        for (auto carrier : node.carriers) {
            const bool is_ip = carrier == ir::EtherType::Ipv4;
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

    PredPtr lower(const ir::Ipv6HostMatch& node) {
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
            return all_of(link_protocol(ir::EtherType::Ipv6),
                          address_at(net(source ? ipv6::source : ipv6::destination)));
        });
    }

    // Six bytes compared as a word then a halfword, last four bytes first (gen_bcmp).
    PredPtr lower(const ir::EthernetAddressMatch& node) {
        const std::uint32_t base = link_.mac_addresses_offset.value_or(0);
        const auto& mac = node.address;
        const std::uint32_t high = std::uint32_t{mac[0]} << 8 | mac[1];
        const std::uint32_t low = std::uint32_t{mac[2]} << 24 | std::uint32_t{mac[3]} << 16 |
                                  std::uint32_t{mac[4]} << 8 | mac[5];
        return by_direction(node.direction, [&](bool source) {
            const std::uint32_t at = base + (source ? ethernet::source : ethernet::destination);
            return all_of(equals(load_word(at + 2), low), equals(load_half(at), high));
        });
    }

    PredPtr lower(const ir::EthernetMulticast&) {
        const std::uint32_t base = link_.mac_addresses_offset.value_or(0);
        return test({load_byte(base + ethernet::destination)}, op::jset, ethernet::group_bit);
    }

    PredPtr lower(const ir::IpMulticast& node) {
        if (node.ipv6)
            return all_of(link_protocol(ir::EtherType::Ipv6),
                          equals(load_byte(net(ipv6::destination)), ipv6::multicast_prefix));
        return all_of(link_protocol(ir::EtherType::Ipv4),
                      test({load_byte(net(ipv4::destination))}, op::jge, ipv4::first_multicast_byte));
    }

    // greater: len >= N; less: len <= N, written as not (len > N).
    PredPtr lower(const ir::PacketLength& node) {
        const Insn length = statement(op::ld | op::w | op::len, 0);
        if (node.at_least) return test({length}, op::jge, node.length);
        return negation(test({length}, op::jgt, node.length));
    }

    PredPtr lower(const ir::ArithRelation& node) {
        RelationCode code = relation_code(node, link_);
        PredPtr result = std::make_shared<Pred>(Pred{Test{std::move(code.statements), code.jump}});
        return code.negated ? negation(result) : result;
    }

    PredPtr lower(const ir::Ipv4FirstFragment&) {
        return negation(test({load_half(net(ipv4::flags_fragment))}, op::jset, ipv4::fragment_offset_mask));
    }

    PredPtr lower(const ir::Ipv6NextHeader& node) {
        return equals(load_byte(net(ipv6::next_header)), static_cast<std::uint32_t>(node.protocol));
    }

    PredPtr lower(const ir::Constant& node) { return std::make_shared<Pred>(Pred{Always{node.value}}); }

    PredPtr lower(const ir::And& node) { return all_of(lower(*node.left), lower(*node.right)); }
    PredPtr lower(const ir::Or& node) { return any_of(lower(*node.left), lower(*node.right)); }
    PredPtr lower(const ir::Not& node) { return negation(lower(*node.operand)); }
};

// Emits `pred` so that it continues at `on_true` or `on_false`; returns its entry block.
cfg::BlockId emit(cfg::Graph& graph, const Pred& pred, cfg::BlockId on_true, cfg::BlockId on_false) {
    return std::visit(
        [&](const auto& node) -> cfg::BlockId {
            using T = std::decay_t<decltype(node)>;
            if constexpr (std::is_same_v<T, Test>) {
                cfg::Block block;
                block.statements = node.loads;
                block.test = node.jump;
                block.on_true = on_true;
                block.on_false = on_false;
                return graph.add(std::move(block));
            } else if constexpr (std::is_same_v<T, AllOf>) {
                const cfg::BlockId right = emit(graph, *node.right, on_true, on_false);
                return emit(graph, *node.left, right, on_false);
            } else if constexpr (std::is_same_v<T, AnyOf>) {
                const cfg::BlockId right = emit(graph, *node.right, on_true, on_false);
                return emit(graph, *node.left, on_true, right);
            } else if constexpr (std::is_same_v<T, Always>) {
                return node.value ? on_true : on_false;
            } else {
                return emit(graph, *node.operand, on_false, on_true);
            }
        },
        pred.value);
}

}  // namespace

cfg::Graph generate(const ir::Node& root, const LinkLayer& link, std::uint32_t accept_value) {
    cfg::Graph graph;
    cfg::Block reject;
    reject.is_return = true;
    reject.return_value = 0;
    cfg::Block accept;
    accept.is_return = true;
    accept.return_value = accept_value;
    // Reject first so that, laid out in descending id order, `ret #snaplen` precedes
    // `ret #0` as in libpcap's listings.
    const cfg::BlockId reject_id = graph.add(reject);
    const cfg::BlockId accept_id = graph.add(accept);

    Lowering lowering(link);
    graph.entry = emit(graph, *lowering.lower(root), accept_id, reject_id);
    return graph;
}

}  // namespace rawdump::filter
