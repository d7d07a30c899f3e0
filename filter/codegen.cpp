#include "filter/codegen.hpp"

#include "filter/arith_codegen.hpp"
#include "filter/codegen_protochain.hpp"
#include "filter/run_time_offsets.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
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
// Blocks built by a dedicated emitter (protochain's unrolled walk), given its successors.
struct Emitted {
    std::function<cfg::BlockId(cfg::Graph&, cfg::BlockId on_true, cfg::BlockId on_false)> emit;
    // Its loads already read run-time offsets where they must (geneve's own code).
    bool relocated = false;
};
struct Pred {
    std::variant<Test, AllOf, AnyOf, Negation, Always, Emitted> value;

    // Iterative, like ir::Node's: a long `or` chain lowers to a left-deep predicate tree.
    ~Pred() {
        std::vector<PredPtr> pending;
        auto detach_children = [&pending](Pred& pred) {
            if (auto* both = std::get_if<AllOf>(&pred.value)) {
                pending.push_back(std::move(both->left));
                pending.push_back(std::move(both->right));
            } else if (auto* either = std::get_if<AnyOf>(&pred.value)) {
                pending.push_back(std::move(either->left));
                pending.push_back(std::move(either->right));
            } else if (auto* negated = std::get_if<Negation>(&pred.value)) {
                pending.push_back(std::move(negated->operand));
            }
        };
        detach_children(*this);
        while (!pending.empty()) {
            PredPtr pred = std::move(pending.back());
            pending.pop_back();
            // Shared sub-predicates are left to their other owners.
            if (pred && pred.use_count() == 1) detach_children(const_cast<Pred&>(*pred));
        }
    }
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

cfg::BlockId emit(cfg::Graph& graph, const Pred& pred, cfg::BlockId on_true, cfg::BlockId on_false);

// What a sub-expression's outcome says about the primitives inside it: whether, when it
// came out true (or false), a `vlan` was evaluated on that path, or a `geneve` matched.
// Computed bottom-up, so a left-deep chain of n terms costs n steps, not n^2.
struct Implications {
    bool vlan_if_true = false, vlan_if_false = false;
    bool geneve_if_true = false, geneve_if_false = false;
};

Implications negated(Implications a) {
    return {a.vlan_if_false, a.vlan_if_true, a.geneve_if_false, a.geneve_if_true};
}

// `left and right`: true needs both; false is the left's false, or its true then the
// right's false.
Implications conjunction(const Implications& l, const Implications& r) {
    return {l.vlan_if_true || r.vlan_if_true,
            l.vlan_if_false && (l.vlan_if_true || r.vlan_if_false),
            l.geneve_if_true || r.geneve_if_true,
            l.geneve_if_false && (l.geneve_if_true || r.geneve_if_false)};
}

Implications disjunction(const Implications& l, const Implications& r) {
    return negated(conjunction(negated(l), negated(r)));
}

Implications implications_of(const ir::Node& node);

// The left spine of a chain `((a op b) op c) op d`: its nodes from the top down, and the
// first operand that is not an and/or.
const ir::Node& left_spine(const ir::Node& top, std::vector<const ir::Node*>& spine) {
    const ir::Node* node = &top;
    while (true) {
        if (const auto* a = std::get_if<ir::And>(&node->value)) {
            spine.push_back(node);
            node = a->left.get();
        } else if (const auto* o = std::get_if<ir::Or>(&node->value)) {
            spine.push_back(node);
            node = o->left.get();
        } else {
            return *node;
        }
    }
}

const ir::Node& right_of(const ir::Node& node) {
    if (const auto* a = std::get_if<ir::And>(&node.value)) return *a->right;
    return *std::get<ir::Or>(node.value).right;
}

// Recursion only into right operands and `not` (as deep as the nesting, which
// depth_limit.hpp bounds), never down a chain.
Implications implications_of(const ir::Node& node) {
    if (const auto* n = std::get_if<ir::Not>(&node.value)) return negated(implications_of(*n->operand));
    std::vector<const ir::Node*> spine;
    const ir::Node& first = left_spine(node, spine);
    Implications result;
    if (spine.empty()) {
        const bool vlan = std::holds_alternative<ir::Vlan>(first.value);
        const bool geneve = std::holds_alternative<ir::Geneve>(first.value);
        return {vlan, vlan, geneve, false};
    }
    result = implications_of(first);
    for (auto it = spine.rbegin(); it != spine.rend(); ++it) {
        const Implications right = implications_of(right_of(**it));
        result = std::holds_alternative<ir::And>((*it)->value) ? conjunction(result, right)
                                                                : disjunction(result, right);
    }
    return result;
}

class Lowering {
public:
    explicit Lowering(const LinkLayer& link) : link_(link) {}

    // The first error found while lowering (libpcap refuses some primitives only after an
    // encapsulation: `mpls and arp`, `pppoes and vlan`).
    const std::optional<CodegenError>& error() const { return first_error_; }

    PredPtr lower(const ir::Node& node) {
        if (geneve_ && reads_packet(node)) return after_geneve(node);
        if (live_vlan_ && reads_packet(node)) return after_live_vlan(node);
        return std::visit([this](const auto& value) { return lower(value); }, node.value);
    }

private:
    // A copy: vlan/mpls/pppoes move the offsets for everything lowered after them.
    LinkLayer link_;

    std::uint32_t net(std::uint32_t offset) const { return link_.network_offset + offset; }

    PredPtr link_protocol(EtherType type) const { return link_protocol_test(type); }

    PredPtr ipv4_protocol(IpProto protocol) const {
        return all_of(link_protocol(EtherType::Ipv4),
                      equals(load_byte(net(ipv4::protocol)), static_cast<std::uint32_t>(protocol)));
    }

    // libpcap looks through exactly one fragment header for the IPv6 transport protocol.
    PredPtr ipv6_protocol(IpProto protocol) const {
        const auto number = static_cast<std::uint32_t>(protocol);
        const auto next_header = load_byte(net(ipv6::next_header));
        return all_of(link_protocol(EtherType::Ipv6),
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

    // Where the 802.2 LLC header starts: libpcap's OR_LLC (off_linkpl), which `vlan` moves
    // but `mpls` does not (mpls moves only the network-layer offset).
    std::uint32_t llc_offset() const { return link_.network_offset - 4 * link_.mpls_depth; }

    // libpcap's gen_llc*: not Novell raw 802.3 (ffff), then the control byte's format.
    PredPtr lower(const ir::LlcFrame& node) {
        constexpr std::uint32_t max_8023_length = 1500, novell_raw = 0xffff, control = 2;
        const std::uint32_t llc = llc_offset();
        const PredPtr is_llc =
            all_of(negation(test({load_half(link_.protocol_type_offset)}, op::jgt, max_8023_length)),
                   negation(equals(load_half(llc), novell_raw)));
        switch (node.format) {
            case ir::LlcFrame::Format::Any: return is_llc;
            case ir::LlcFrame::Format::Information:
                return all_of(is_llc, negation(test({load_byte(llc + control)}, op::jset, 1)));
            case ir::LlcFrame::Format::Masked: break;
        }
        return all_of(is_llc, masked_equals(load_byte(llc + control), node.value, node.mask));
    }

    // libpcap's gen_host(Q_DECNET)/gen_dnhostop: the routing header's flags byte says short
    // (2) or long (6) form, with a 0x81 pad byte in front or not; the address is little-endian.
    PredPtr lower(const ir::DecnetHostMatch& node) {
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
    PredPtr lower(const ir::Protochain& node) {
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

    // 802.2 LLC protocols, shaped like libpcap's gen_ether_linktype (Ethernet: a length
    // <= 1500 in the type field) and gen_linux_sll_linktype (SLL: protocol 4 = 802.2,
    // 1 = Novell raw 802.3). SNAP frames: aa aa 03, OUI, EtherType (gen_snap).
    PredPtr lower(const ir::LlcProtocol& node) {
        constexpr std::uint32_t max_8023_length = 1500, sll_8023 = 1, sll_8022 = 4;
        constexpr std::uint32_t sap_ip = 0x06, sap_netbeui = 0xf0, sap_iso = 0xfe, sap_ipx = 0xe0;
        constexpr std::uint32_t ether_ipx = 0x8137, ether_atalk = 0x809b, ether_aarp = 0x80f3;
        const std::uint32_t p = node.number;
        const std::uint32_t llc = llc_offset();
        const Insn type = load_half(link_.protocol_type_offset);
        // libpcap's gen_linktype inside MPLS allows only ip and ip6 (`mpls and stp`).
        if (link_.mpls_depth > 0) {
            refuse({}, "unsupported protocol over mpls");
            return always(false);
        }
        if (link_.llc == LinkLayer::Llc::Plain || link_.framing != LinkLayer::Framing::EtherType)
            return link_protocol(static_cast<EtherType>(p));
        const bool cooked = link_.llc == LinkLayer::Llc::LinuxCooked;
        const PredPtr is_llc = cooked ? equals(type, sll_8022)
                                      : negation(test({type}, op::jgt, max_8023_length));
        auto snap = [&](std::uint32_t oui, std::uint32_t ether_type) {
            return all_of(equals(load_word(llc + 4), (oui & 0xffff) << 16 | ether_type),
                          equals(load_word(llc), 0xaaaa0300 | oui >> 16));
        };
        if (p == sap_ip || p == sap_netbeui || p == sap_iso)
            return all_of(is_llc, equals(load_half(llc), p << 8 | p));
        if (p == sap_ipx) {
            const PredPtr over_llc =
                cooked ? any_of(equals(type, sll_8023),
                                all_of(is_llc, any_of(equals(load_byte(llc), sap_ipx),
                                                      snap(0, ether_ipx))))
                       : all_of(is_llc, any_of(snap(0, ether_ipx),
                                               any_of(equals(load_byte(llc), sap_ipx),
                                                      equals(load_half(llc), 0xffff))));
            return any_of(equals(type, ether_ipx), over_llc);
        }
        if (p == ether_atalk || p == ether_aarp)
            return any_of(equals(type, p),
                          all_of(is_llc, snap(p == ether_atalk ? 0x080007 : 0, p)));
        if (p <= max_8023_length) return all_of(is_llc, equals(load_byte(llc), p));
        return equals(type, p);
    }

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
    static PredPtr any_protocol(const std::vector<IpProto>& protocols, Make make) {
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
    PredPtr transport_ports(const std::vector<IpProto>& protocols, ir::Direction direction,
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
            return all_of(link_protocol(EtherType::Ipv6),
                          address_at(net(source ? ipv6::source : ipv6::destination)));
        });
    }

    // Six bytes compared as a word then a halfword, last four bytes first (gen_bcmp).
    PredPtr lower(const ir::EthernetAddressMatch& node) {
        if (mac_addresses_missing(&node)) return always(false);
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
        if (mac_addresses_missing(nullptr)) return always(false);
        const std::uint32_t base = link_.mac_addresses_offset.value_or(0);
        return test({load_byte(base + ethernet::destination)}, op::jset, ethernet::group_bit);
    }

    PredPtr lower(const ir::IpMulticast& node) {
        if (node.ipv6)
            return all_of(link_protocol(EtherType::Ipv6),
                          equals(load_byte(net(ipv6::destination)), ipv6::multicast_prefix));
        return all_of(link_protocol(EtherType::Ipv4),
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

    // Left before right, explicitly: encapsulations shift the offsets of what follows them.
    // The right operand runs only when the left one is true (and) or false (or): it has
    // passed a live `vlan` if the left one's outcome says so (see after_live_vlan).
    // A chain `a or b or c ...` is walked in a loop along its left spine, not recursively.
    PredPtr lower(const ir::And& node) { return lower_chain(node); }
    PredPtr lower(const ir::Or& node) { return lower_chain(node); }
    template <typename Connective>
    PredPtr lower_chain(const Connective& top) {
        std::vector<const ir::Node*> spine;
        const ir::Node& first = left_spine(*top.left, spine);
        std::reverse(spine.begin(), spine.end());  // bottom up: the order of evaluation
        PredPtr result = lower(first);              // first: it may move the offsets
        Implications so_far = implications_of(first);
        auto step = [&](bool is_and, const ir::Node& right) {
            PredPtr lowered = lower_after(so_far, is_and, right);
            result = is_and ? all_of(result, lowered) : any_of(result, lowered);
            const Implications of_right = implications_of(right);
            so_far = is_and ? conjunction(so_far, of_right) : disjunction(so_far, of_right);
        };
        for (const ir::Node* node : spine)
            step(std::holds_alternative<ir::And>(node->value), right_of(*node));
        step(std::is_same_v<Connective, ir::And>, *top.right);
        return result;
    }
    // `right`, reached when what came before it came out `outcome`.
    PredPtr lower_after(const Implications& before, bool outcome, const ir::Node& right) {
        const bool saved_vlan = vlan_evaluated_, saved_geneve = geneve_matched_;
        vlan_evaluated_ = saved_vlan || (outcome ? before.vlan_if_true : before.vlan_if_false);
        geneve_matched_ = saved_geneve || (outcome ? before.geneve_if_true : before.geneve_if_false);
        PredPtr result = lower(right);
        vlan_evaluated_ = saved_vlan;
        geneve_matched_ = saved_geneve;
        return result;
    }

    // ---- encapsulations and Linux metadata (F1) ----------------------------------------

    mutable std::optional<CodegenError> first_error_;
    void refuse(ir::Where where, std::string message) const {
        if (!first_error_) first_error_ = CodegenError{where.offset, where.length, std::move(message)};
    }
    static PredPtr always(bool value) { return std::make_shared<Pred>(Pred{Always{value}}); }

    // libpcap's ethertype_to_ppptype.
    static std::uint32_t ppp_protocol(std::uint32_t ether_type) {
        switch (ether_type) {
            case 0x0800: return 0x21;  // IPv4
            case 0x86dd: return 0x57;  // IPv6
            case 0x6003: return 0x27;  // DECnet
            case 0x809b: return 0x29;  // AppleTalk
            case 0x0600: return 0x25;  // XNS
            case 0xfe: return 0x23;    // OSI
            case 0x42: return 0x31;    // 802.1D bridging
            case 0xe0: return 0x2b;    // IPX
            default: return ether_type;
        }
    }

    // libpcap's gen_linktype for the current link (and gen_mpls_linktype inside MPLS).
    PredPtr link_protocol_test(EtherType type) const {
        using F = LinkLayer::Framing;
        const auto value = static_cast<std::uint32_t>(type);
        const bool ipv4 = type == EtherType::Ipv4;
        const bool ipv6 = type == EtherType::Ipv6;
        constexpr std::uint32_t version_mask = 0xf0, bottom_of_stack = 0x01;
        if (link_.mpls_depth > 0) {
            if (!ipv4 && !ipv6) {
                refuse({}, "unsupported protocol over mpls");
                return always(false);
            }
            return all_of(masked_equals(load_byte(link_.network_offset - 2), bottom_of_stack,
                                        bottom_of_stack),
                          masked_equals(load_byte(link_.network_offset), ipv4 ? 0x40 : 0x60,
                                        version_mask));
        }
        switch (link_.framing) {
            case F::EtherType: return equals(load_half(link_.protocol_type_offset), value);
            case F::Ppp: return equals(load_half(link_.protocol_type_offset), ppp_protocol(value));
            case F::IpVersion:
                if (!ipv4 && !ipv6) return always(false);
                return masked_equals(load_byte(link_.network_offset), ipv4 ? 0x40 : 0x60,
                                     version_mask);
            case F::Ipv4Only: return always(ipv4);
            case F::Ipv6Only: return always(ipv6);
            case F::AfHostOrder:
            case F::AfNetworkOrder: {
                // AF_INET and the capturing host's AF_INET6 (Linux: 10), as 1.10.3 tests them.
                if (!ipv4 && !ipv6) return always(false);
                auto af = [&](std::uint32_t value) {
                    return equals(load_word(0), link_.framing == F::AfHostOrder ? value << 24 : value);
                };
                if (ipv4) return af(2);
                // Savefiles: the writer's BSD AF_INET6 (Darwin 30, BSD 24, FreeBSD 28).
                if (link_.savefile) return any_of(any_of(af(30), af(24)), af(28));
                return af(10);
            }
        }
        return always(false);
    }

    bool mac_addresses_missing(const ir::EthernetAddressMatch* match) const {
        if (link_.mac_addresses_offset) return false;
        const bool broadcast = match && match->direction == ir::Direction::Dst &&
                               match->address == std::array<std::uint8_t, 6>{0xff, 0xff, 0xff,
                                                                            0xff, 0xff, 0xff};
        refuse({}, broadcast ? "not a broadcast link"
                   : match   ? "ethernet addresses supported only on ethernet/FDDI/token ring/"
                               "802.11/ATM LANE/Fibre Channel"
                             : "link-layer multicast filters supported only on ethernet/FDDI/"
                               "token ring/ARCNET/802.11/ATM LANE/Fibre Channel");
        return true;
    }

    // libpcap's gen_vlan_no_bpf_extensions: TPID test, VID test, then everything after reads
    // 4 bytes further on.
    PredPtr lower(const ir::Vlan& node) {
        if (link_.mpls_depth > 0) {
            refuse(node.where, "no VLAN match after MPLS");
            return always(false);
        }
        if (link_.type != LinkType::En10mb || link_.framing != LinkLayer::Framing::EtherType) {
            refuse(node.where, fmt::format("no VLAN support for {}", link_.description));
            return always(false);
        }
        if (link_.live && !geneve_) return live_vlan(node);  // the kernel strips outer tags only
        const Insn type = load_half(link_.protocol_type_offset);
        PredPtr result = any_of(any_of(equals(type, 0x8100), equals(type, 0x88a8)),
                                equals(type, 0x9100));
        if (node.id)
            result = all_of(result, masked_equals(load_half(link_.network_offset), *node.id, 0x0fff));
        link_.protocol_type_offset += 4;
        link_.network_offset += 4;
        return result;
    }

    // Live AF_PACKET sockets: the kernel has usually moved the outer tag into metadata, so
    // libpcap's gen_vlan_bpf_extensions tests SKF_AD_VLAN_TAG_PRESENT or an inline TPID,
    // and takes the VID from SKF_AD_VLAN_TAG (1.10.3 loads it with ldb: only its low byte)
    // or from the inline tag. Its code re-tests [vlanp] and joins the two VID loads with a
    // `ja`; the two branches here are the same tests, one block each. Later primitives:
    // after_live_vlan().
    std::optional<ir::Vlan> live_vlan_;
    static bool reads_packet(const ir::Node& node) {
        return !(std::holds_alternative<ir::And>(node.value) ||
                 std::holds_alternative<ir::Or>(node.value) ||
                 std::holds_alternative<ir::Not>(node.value) ||
                 std::holds_alternative<ir::Constant>(node.value) ||
                 std::holds_alternative<ir::PacketLength>(node.value) ||
                 std::holds_alternative<ir::PacketDirection>(node.value) ||
                 std::holds_alternative<ir::InterfaceIndex>(node.value));
    }
    static PredPtr tag_in_metadata() {
        constexpr std::uint32_t tag_present = 48;
        return equals(load_byte(ancillary_base + tag_present), 1);
    }


    // After a live `vlan`, libpcap reads the packet at offsets kept in M[]: 0 at the start,
    // +4 once `vlan` has run and found no tag in metadata ([vlanp] != 1). Where `vlan` ran on
    // every path to a primitive, that offset is 0 or 4 by [vlanp] alone, so the primitive is
    // emitted twice, at both offsets, chosen by a [vlanp] test (an ancillary load: it never
    // rejects, so truncated packets get the same verdicts). Elsewhere (`(ip or vlan) and
    // tcp`, where the offset depends on the path) and for a second encapsulation: refused.
    bool vlan_evaluated_ = false;
    PredPtr after_live_vlan(const ir::Node& node) {
        const bool composite = std::holds_alternative<ir::And>(node.value) ||
                               std::holds_alternative<ir::Or>(node.value) ||
                               std::holds_alternative<ir::Not>(node.value);
        if (composite) return std::visit([this](const auto& value) { return lower(value); }, node.value);
        const bool encapsulation = std::holds_alternative<ir::Vlan>(node.value) ||
                                   std::holds_alternative<ir::Mpls>(node.value) ||
                                   std::holds_alternative<ir::Pppoe>(node.value);
        if (encapsulation || !vlan_evaluated_) {
            refuse(live_vlan_->where,
                   encapsulation ? "on a live capture, 'vlan' cannot be followed by another "
                                   "encapsulation (libpcap's run-time offsets, not generated yet)"
                                 : "on a live capture, what follows 'vlan' must be reached only "
                                   "through it (libpcap's run-time offset would depend on the path)");
            return always(false);
        }
        const LinkLayer saved = link_;
        PredPtr untagged = std::visit([this](const auto& value) { return lower(value); }, node.value);
        link_ = saved;  // a geneve moved it
        geneve_.reset();
        shared_geneve_flag_ = geneve_offsets_used_;  // both copies feed what follows
        link_.protocol_type_offset += 4;
        link_.network_offset += 4;
        PredPtr inline_tag = std::visit([this](const auto& value) { return lower(value); }, node.value);
        link_ = saved;
        // Both copies compute the same run-time offsets: what follows reads them alike.
        if (std::holds_alternative<ir::Geneve>(node.value)) enter_inner_ethernet();
        return any_of(all_of(tag_in_metadata(), untagged),
                      all_of(negation(tag_in_metadata()), inline_tag));
    }

    PredPtr live_vlan(const ir::Vlan& node) {
        constexpr std::uint32_t tag = 44;
        if (live_vlan_) {
            refuse(live_vlan_->where, "on a live capture, 'vlan' cannot be followed by another "
                                      "encapsulation (libpcap's run-time offsets, not generated yet)");
            return always(false);
        }
        live_vlan_ = node;
        const PredPtr in_metadata = tag_in_metadata();
        const Insn type = load_half(link_.protocol_type_offset);
        const PredPtr inline_tag = any_of(any_of(equals(type, 0x8100), equals(type, 0x88a8)),
                                          equals(type, 0x9100));
        if (!node.id) return any_of(in_metadata, inline_tag);
        return any_of(all_of(in_metadata,
                             masked_equals(load_byte(ancillary_base + tag), *node.id, 0x0fff)),
                      all_of(negation(in_metadata),
                             all_of(inline_tag, masked_equals(load_half(link_.network_offset),
                                                              *node.id, 0x0fff))));
    }

    // libpcap's gen_mpls: EtherType 0x8847 (PPP 0x0281) for the outer label, the previous
    // label's bottom-of-stack bit clear for the others; then the label.
    PredPtr lower(const ir::Mpls& node) {
        PredPtr result;
        if (link_.mpls_depth > 0) {
            // (written as libpcap's optimiser leaves `and #1; jeq #0`)
            result = negation(test({load_byte(link_.network_offset - 2)}, op::jset, 0x01));
        } else if (link_.framing == LinkLayer::Framing::Ppp) {
            result = equals(load_half(link_.protocol_type_offset), 0x0281);
        } else if (link_.type == LinkType::En10mb && link_.framing == LinkLayer::Framing::EtherType) {
            result = equals(load_half(link_.protocol_type_offset), 0x8847);
        } else {
            refuse(node.where, fmt::format("no MPLS support for {}", link_.description));
            return always(false);
        }
        if (node.label)
            result = all_of(result, masked_equals(load_word(link_.network_offset), *node.label << 12,
                                                  0xfffff000));
        link_.network_offset += 4;
        ++link_.mpls_depth;
        return result;
    }

    // libpcap's gen_pppoed/gen_pppoes: after a session header (6 bytes) comes a PPP frame
    // whose 2-byte protocol field names what follows.
    PredPtr lower(const ir::Pppoe& node) {
        constexpr std::uint32_t discovery = 0x8863, session = 0x8864, header = 6, ppp_header = 2;
        PredPtr result = link_protocol(static_cast<EtherType>(node.session ? session : discovery));
        if (!node.session) return result;
        if (node.id)
            result = all_of(result, masked_equals(load_word(link_.network_offset), *node.id, 0xffff));
        link_.protocol_type_offset = link_.network_offset + header;
        link_.link_header_offset = link_.protocol_type_offset;
        link_.network_offset += header + ppp_header;
        link_.framing = LinkLayer::Framing::Ppp;
        link_.llc = LinkLayer::Llc::Plain;
        link_.mac_addresses_offset = std::nullopt;
        link_.description = "PPP";
        return result;
    }

    // libpcap's gen_geneve: UDP destination port 6081 (IPv4: first fragments, the header
    // length from the IHL nibble; IPv6: no extension headers), Geneve version 0, the VNI.
    // libpcap then computes the inner offsets (run_time_offsets.hpp), reading the option
    // length byte and the 16-bit protocol type: a Geneve packet shorter than its first 4
    // bytes is rejected. Without a VNI test (whose load covers them), a second version test
    // with a 4-byte load (always true when reached) rejects those packets the same way.
    // What follows reads the inner frame as Ethernet at those offsets (after_geneve).
    std::optional<ir::Geneve> geneve_;
    bool geneve_matched_ = false;  // on every path to what is being lowered
    std::shared_ptr<bool> geneve_offsets_used_;  // by what follows the last geneve
    std::shared_ptr<bool> shared_geneve_flag_;   // for the second copy after a live vlan
    PredPtr lower(const ir::Geneve& node) {
        constexpr std::uint32_t udp = 17, port = 6081, udp_header = 8;
        constexpr std::uint32_t version_mask = 0xc0, vni_mask = 0xffffff00;
        const PredPtr v4 = [&] {
            const Insn header_length = statement(op::ldx | op::msh | op::b, net(ipv4::version_ihl));
            auto at_x = [&](std::uint16_t size, std::uint32_t offset) {
                return statement(op::ld | size | op::ind, net(offset));
            };
            PredPtr r = all_of(
                all_of(ipv4_protocol(static_cast<IpProto>(udp)),
                       negation(test({load_half(net(ipv4::flags_fragment))}, op::jset,
                                     ipv4::fragment_offset_mask))),
                all_of(test({header_length, at_x(op::h, transport::destination_port)}, op::jeq, port),
                       test({header_length, at_x(op::b, udp_header),
                             statement(op::alu | op::and_ | op::k, version_mask)},
                            op::jeq, 0)));
            if (node.vni)
                return all_of(r, test({header_length, at_x(op::w, udp_header + 4),
                                       statement(op::alu | op::and_ | op::k, vni_mask)},
                                      op::jeq, *node.vni << 8));
            return all_of(r, test({header_length, at_x(op::w, udp_header),
                                   statement(op::alu | op::and_ | op::k, version_mask << 24)},
                                  op::jeq, 0));
        }();
        const PredPtr v6 = [&] {
            const std::uint32_t udp_at = net(ipv6::header_length);
            PredPtr r = all_of(
                all_of(link_protocol(EtherType::Ipv6),
                       equals(load_byte(net(ipv6::next_header)), udp)),
                all_of(equals(load_half(udp_at + transport::destination_port), port),
                       masked_equals(load_byte(udp_at + udp_header), 0, version_mask)));
            if (node.vni)
                return all_of(r, masked_equals(load_word(udp_at + udp_header + 4), *node.vni << 8,
                                               vni_mask));
            return all_of(r, masked_equals(load_word(udp_at + udp_header), 0, version_mask << 24));
        }();
        using namespace run_time_offsets;
        // A = where the UDP header starts, from the network base: the IPv4 header length or
        // 40; after an outer `geneve` that base is itself a run-time offset, added in.
        const bool nested = geneve_.has_value();
        const std::uint32_t network_constant =
            nested ? link_.network_offset - tagged_zero(Base::Network) : link_.network_offset;
        std::vector<Insn> v4_entry{statement(op::ldx | op::msh | op::b, net(ipv4::version_ihl))};
        std::vector<Insn> v6_entry{statement(op::ld | op::imm, ipv6::header_length)};
        PredPtr v4_checks = v4, v6_checks = v6;
        if (nested) {
            v4_checks = relocated(v4);
            v6_checks = relocated(v6);
            v4_entry = relocate(v4_entry).value_or(std::vector<Insn>{});
            v6_entry = {statement(op::ld | op::mem, slot(Base::Network)),
                        statement(op::alu | op::add | op::k, ipv6::header_length)};
        }
        v4_entry.push_back(statement(op::misc | op::txa, 0));
        // Emitted after the whole expression is lowered, when it is known whether anything
        // reads the inner frame; if nothing does, the offsets are not computed at all.
        geneve_offsets_used_ = shared_geneve_flag_ ? std::exchange(shared_geneve_flag_, nullptr)
                                                   : std::make_shared<bool>(false);
        PredPtr result = std::make_shared<Pred>(Pred{Emitted{
            [=, used = geneve_offsets_used_](cfg::Graph& graph, cfg::BlockId on_true, cfg::BlockId on_false) {
                if (!*used) {
                    const cfg::BlockId v6_start = emit(graph, *v6_checks, on_true, on_false);
                    return emit(graph, *v4_checks, on_true, v6_start);
                }
                const cfg::BlockId offsets = emit_geneve_offsets(graph, network_constant, on_true);
                const cfg::BlockId after_v6 = cfg::add_straight(graph, v6_entry, offsets);
                const cfg::BlockId after_v4 = cfg::add_straight(graph, v4_entry, offsets);
                const cfg::BlockId v6_start = emit(graph, *v6_checks, after_v6, on_false);
                return emit(graph, *v4_checks, after_v4, v6_start);
            },
            true}});
        geneve_ = node;
        enter_inner_ethernet();
        return result;
    }

    // libpcap's PUSH_LINKHDR(DLT_EN10MB) after geneve: the inner frame is read as Ethernet.
    void enter_inner_ethernet() {
        using run_time_offsets::Base, run_time_offsets::tagged_zero;
        link_.network_offset = tagged_zero(Base::Network);
        link_.protocol_type_offset = tagged_zero(Base::LinkType);
        link_.mac_addresses_offset = tagged_zero(Base::LinkHeader);
        link_.link_header_offset = tagged_zero(Base::LinkHeader);
        link_.framing = LinkLayer::Framing::EtherType;
        link_.llc = LinkLayer::Llc::Ethernet;
        link_.type = LinkType::En10mb;
        link_.description = "Ethernet";
        link_.mpls_depth = 0;
    }

    // A primitive after `geneve` reads the inner frame at run-time offsets: lowered as for a
    // fixed layout at tagged offsets, then relocated. libpcap also compiles primitives that
    // can be reached without `geneve` matching (`geneve or tcp`): they read scratch words
    // never written (the kernel refuses such a program). Those are refused here.
    PredPtr after_geneve(const ir::Node& node) {
        const bool composite = std::holds_alternative<ir::And>(node.value) ||
                               std::holds_alternative<ir::Or>(node.value) ||
                               std::holds_alternative<ir::Not>(node.value);
        if (composite) return std::visit([this](const auto& value) { return lower(value); }, node.value);
        if (!geneve_matched_) {
            refuse(geneve_->where, "what follows 'geneve' must be reached only through 'geneve' "
                                   "matching (its offsets are computed only then)");
            return always(false);
        }
        if (const auto* arith = std::get_if<ir::ArithRelation>(&node.value);
            arith && scratch_slots_needed(*arith) > run_time_offsets::first_slot) {
            refuse(geneve_->where, "expression too complex after 'geneve' (its offsets take three "
                                 "of the 16 scratch words)");
            return always(false);
        }
        if (std::holds_alternative<ir::Protochain>(node.value)) {
            refuse(geneve_->where, "'protochain' not supported with variable length headers");
            return always(false);
        }
        *geneve_offsets_used_ = true;
        PredPtr inner = relocated(std::visit([this](const auto& value) { return lower(value); }, node.value));
        const bool reads_addresses = std::holds_alternative<ir::EthernetAddressMatch>(node.value) ||
                                     std::holds_alternative<ir::EthernetMulticast>(node.value);
        return reads_addresses ? all_of(inner_link_header_present(), inner) : inner;
    }

    // libpcap's test before Ethernet addresses in the inner frame: a Geneve payload that is
    // not Ethernet (protocol type other than 0x6558) has no link header, its link header
    // offset being the network one; without this a multicast test would read the IP header.
    static PredPtr inner_link_header_present() {
        using run_time_offsets::Base, run_time_offsets::slot;
        return negation(std::make_shared<Pred>(Pred{Test{
            {statement(op::ld | op::mem, slot(Base::LinkHeader)),
             statement(op::ldx | op::mem, slot(Base::Network))},
            statement(op::jmp | op::jeq | op::x, 0)}}));
    }

    PredPtr relocated(const PredPtr& pred) {
        return std::visit(
            [&](const auto& node) -> PredPtr {
                using T = std::decay_t<decltype(node)>;
                if constexpr (std::is_same_v<T, Test>) {
                    auto loads = run_time_offsets::relocate(node.loads);
                    if (!loads) {
                        refuse(geneve_->where, "this primitive cannot follow 'geneve'");
                        return always(false);
                    }
                    return std::make_shared<Pred>(Pred{Test{std::move(*loads), node.jump}});
                } else if constexpr (std::is_same_v<T, AllOf>) {
                    return all_of(relocated(node.left), relocated(node.right));
                } else if constexpr (std::is_same_v<T, AnyOf>) {
                    return any_of(relocated(node.left), relocated(node.right));
                } else if constexpr (std::is_same_v<T, Negation>) {
                    return negation(relocated(node.operand));
                } else if constexpr (std::is_same_v<T, Emitted>) {
                    if (!node.relocated) refuse(geneve_->where, "this primitive cannot follow 'geneve'");
                    return pred;
                } else {
                    return pred;
                }
            },
            pred->value);
    }

    // Linux packet type: SLL's header field, SLL2's, else the ancillary load SKF_AD_PKTTYPE.
    bool metadata_missing(std::string_view what) const {
        if (geneve_) {
            // libpcap treats the inner frame as Ethernet and adds the inner offset to the
            // ancillary load (`ldh [x + -4092]`), which reads nothing meaningful: refuse.
            refuse(geneve_->where, fmt::format("{} after 'geneve' is not supported (libpcap 1.10 "
                                               "compiles it to a meaningless load)", what));
            return true;
        }
        if (!link_.savefile || link_.type == LinkType::LinuxSll2 ||
            (link_.type == LinkType::LinuxSll && what == "inbound/outbound"))
            return false;
        refuse({}, fmt::format("{} not supported on {} when reading savefiles", what,
                               link_.description));
        return true;
    }

    PredPtr lower(const ir::PacketDirection& node) {
        if (metadata_missing("inbound/outbound")) return always(false);
        constexpr std::uint32_t outgoing = 4, pkttype = 4;
        Insn load = load_half(ancillary_base + pkttype);
        if (link_.type == LinkType::LinuxSll) load = load_half(0);
        if (link_.type == LinkType::LinuxSll2) load = load_byte(10);
        PredPtr is_outgoing = equals(load, outgoing);
        return node.outbound ? is_outgoing : negation(is_outgoing);
    }

    // SLL2 carries the interface index at 4; elsewhere SKF_AD_IFINDEX.
    PredPtr lower(const ir::InterfaceIndex& node) {
        if (metadata_missing("ifindex")) return always(false);
        constexpr std::uint32_t ifindex = 8;
        return equals(load_word(link_.type == LinkType::LinuxSll2 ? 4 : ancillary_base + ifindex),
                      node.index);
    }
    PredPtr lower(const ir::Not& node) { return negation(lower(*node.operand)); }
};

// Emits `pred` so that it continues at `on_true` or `on_false`; returns its entry block.
// The right operand is emitted first (its entry is where the left one continues), then the
// loop goes down the left operand: a left-deep chain costs no recursion.
cfg::BlockId emit(cfg::Graph& graph, const Pred& pred, cfg::BlockId on_true, cfg::BlockId on_false) {
    const Pred* node = &pred;
    while (true) {
        if (const auto* test = std::get_if<Test>(&node->value)) {
            cfg::Block block;
            block.statements = test->loads;
            block.test = test->jump;
            block.on_true = on_true;
            block.on_false = on_false;
            return graph.add(std::move(block));
        } else if (const auto* both = std::get_if<AllOf>(&node->value)) {
            on_true = emit(graph, *both->right, on_true, on_false);
            node = both->left.get();
        } else if (const auto* either = std::get_if<AnyOf>(&node->value)) {
            on_false = emit(graph, *either->right, on_true, on_false);
            node = either->left.get();
        } else if (const auto* negated = std::get_if<Negation>(&node->value)) {
            std::swap(on_true, on_false);
            node = negated->operand.get();
        } else if (const auto* always = std::get_if<Always>(&node->value)) {
            return always->value ? on_true : on_false;
        } else {
            return std::get<Emitted>(node->value).emit(graph, on_true, on_false);
        }
    }
}

}  // namespace

cfg::Graph generate(const ir::Node& root, const LinkLayer& link, std::uint32_t accept_value,
                    std::optional<CodegenError>* error) {
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
    if (error && lowering.error()) *error = *lowering.error();
    return graph;
}

Expected<cfg::Graph, CodegenError> generate_checked(const ir::Node& root, const LinkLayer& link,
                                                    std::uint32_t accept_value) {
    std::optional<CodegenError> error;
    cfg::Graph graph = generate(root, link, accept_value, &error);
    if (error) return Unexpected{std::move(*error)};
    return graph;
}

}  // namespace rawdump::filter
