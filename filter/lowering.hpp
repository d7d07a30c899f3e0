// The lowering of filter IR to predicates over packet loads (codegen.hpp's first half): a
// tiny predicate algebra, and the Lowering class whose member functions are defined by topic
// in lowering*.cpp (connectives, link layer, network layer and hosts, ports, arithmetic,
// encapsulations, geneve). Internal to the filter compiler.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "filter/arith_codegen.hpp"
#include "filter/bpf.hpp"
#include "filter/cfg.hpp"
#include "filter/codegen.hpp"
#include "filter/ir.hpp"
#include "filter/link_layer.hpp"

namespace rawdump::filter::lowering {

// Header layouts the primitives read, as offsets from the start of their header.
namespace ethernet {
inline constexpr std::uint32_t destination = 0;
inline constexpr std::uint32_t source = 6;
inline constexpr std::uint32_t group_bit = 0x01;  // first byte of a multicast destination
}  // namespace ethernet
namespace ipv4 {
inline constexpr std::uint32_t first_multicast_byte = 0xe0;  // 224.0.0.0: libpcap tests >= 224
inline constexpr std::uint32_t version_ihl = 0;  // low nibble: header length in 32-bit words
inline constexpr std::uint32_t flags_fragment = 6;
inline constexpr std::uint32_t fragment_offset_mask = 0x1fff;
inline constexpr std::uint32_t protocol = 9;
inline constexpr std::uint32_t source = 12;
inline constexpr std::uint32_t destination = 16;
}  // namespace ipv4
namespace ipv6 {
inline constexpr std::uint32_t next_header = 6;
inline constexpr std::uint32_t source = 8;
inline constexpr std::uint32_t destination = 24;
inline constexpr std::uint32_t header_length = 40;
inline constexpr std::uint32_t fragment_next_header = header_length + 0;  // first byte of a frag hdr
inline constexpr std::uint32_t fragment_header = 44;                     // IPPROTO_FRAGMENT
inline constexpr std::uint32_t multicast_prefix = 0xff;                  // ff00::/8
}  // namespace ipv6
namespace arp {
// Ethernet/IPv4 ARP: htype(2) ptype(2) hlen(1) plen(1) op(2) sha(6) spa(4) tha(6) tpa(4)
inline constexpr std::uint32_t sender_protocol_address = 14;
inline constexpr std::uint32_t target_protocol_address = 24;
}  // namespace arp
namespace transport {
inline constexpr std::uint32_t source_port = 0;
inline constexpr std::uint32_t destination_port = 2;
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

inline PredPtr all_of(PredPtr a, PredPtr b) { return std::make_shared<Pred>(Pred{AllOf{a, b}}); }
inline PredPtr any_of(PredPtr a, PredPtr b) { return std::make_shared<Pred>(Pred{AnyOf{a, b}}); }
inline PredPtr negation(PredPtr a) { return std::make_shared<Pred>(Pred{Negation{a}}); }

constexpr Insn statement(std::uint16_t code, std::uint32_t k) { return Insn{code, 0, 0, k}; }
constexpr Insn load_word(std::uint32_t offset) { return statement(op::ld | op::w | op::abs, offset); }
constexpr Insn load_half(std::uint32_t offset) { return statement(op::ld | op::h | op::abs, offset); }
constexpr Insn load_byte(std::uint32_t offset) { return statement(op::ld | op::b | op::abs, offset); }

inline PredPtr test(std::vector<Insn> loads, std::uint16_t jump_op, std::uint32_t k) {
    return std::make_shared<Pred>(Pred{Test{std::move(loads), statement(op::jmp | jump_op | op::k, k)}});
}
inline PredPtr equals(Insn load, std::uint32_t k) { return test({load}, op::jeq, k); }

// (load & mask) == k; a full mask needs no `and` (libpcap's gen_mcmp).
inline PredPtr masked_equals(Insn load, std::uint32_t k, std::uint32_t mask) {
    constexpr std::uint32_t all_bits = 0xffffffff;
    if (mask == all_bits) return equals(load, k);
    return test({load, statement(op::alu | op::and_ | op::k, mask)}, op::jeq, k);
}

// Emits `pred` so that it continues at `on_true` or `on_false`; returns its entry block.
cfg::BlockId emit(cfg::Graph& graph, const Pred& pred, cfg::BlockId on_true, cfg::BlockId on_false);

// What a sub-expression's outcome says about the primitives inside it: whether, when it
// came out true (or false), a `vlan` was evaluated on that path, or a `geneve` matched.
// Computed bottom-up, so a left-deep chain of n terms costs n steps, not n^2.
struct Implications {
    bool vlan_if_true = false, vlan_if_false = false;
    bool geneve_if_true = false, geneve_if_false = false;
};

class Lowering {
public:
    explicit Lowering(const LinkLayer& link) : link_(link) {}

    // The first error found while lowering (libpcap refuses some primitives only after an
    // encapsulation: `mpls and arp`, `pppoes and vlan`).
    const std::optional<CodegenError>& error() const { return first_error_; }

    PredPtr lower(const ir::Node& node);

private:
    // ---- connectives (lowering.cpp) -----------------------------------------------------

    // Left before right, explicitly: encapsulations shift the offsets of what follows them.
    // The right operand runs only when the left one is true (and) or false (or): it has
    // passed a live `vlan` if the left one's outcome says so (see after_live_vlan).
    // A chain `a or b or c ...` is walked in a loop along its left spine, not recursively.
    PredPtr lower(const ir::And& node);
    PredPtr lower(const ir::Or& node);
    PredPtr lower(const ir::Not& node) { return negation(lower(*node.operand)); }
    PredPtr lower(const ir::Constant& node) { return always(node.value); }
    template <typename Connective>
    PredPtr lower_chain(const Connective& top);
    PredPtr lower_after(const Implications& before, bool outcome, const ir::Node& right);

    void refuse(ir::Where where, std::string message) const;
    static PredPtr always(bool value) { return std::make_shared<Pred>(Pred{Always{value}}); }

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

    // ---- link layer and Linux metadata (lowering_link.cpp) -----------------------------

    PredPtr link_protocol(EtherType type) const { return link_protocol_test(type); }
    PredPtr link_protocol_test(EtherType type) const;
    static std::uint32_t ppp_protocol(std::uint32_t ether_type);
    PredPtr lower(const ir::NetworkProtocol& node) { return link_protocol(node.type); }

    // Where the 802.2 LLC header starts: libpcap's OR_LLC (off_linkpl), which `vlan` moves
    // but `mpls` does not (mpls moves only the network-layer offset).
    std::uint32_t llc_offset() const { return link_.network_offset - 4 * link_.mpls_depth; }
    PredPtr lower(const ir::LlcFrame& node);
    PredPtr lower(const ir::LlcProtocol& node);

    bool mac_addresses_missing(const ir::EthernetAddressMatch* match) const;
    PredPtr lower(const ir::EthernetAddressMatch& node);
    PredPtr lower(const ir::EthernetMulticast&);

    bool metadata_missing(std::string_view what) const;
    PredPtr lower(const ir::PacketDirection& node);
    PredPtr lower(const ir::InterfaceIndex& node);

    // ---- network layer, transport protocols, hosts (lowering_network.cpp) --------------

    std::uint32_t net(std::uint32_t offset) const { return link_.network_offset + offset; }
    PredPtr ipv4_protocol(IpProto protocol) const;
    PredPtr ipv6_protocol(IpProto protocol) const;
    PredPtr lower(const ir::TransportProtocol& node);
    PredPtr lower(const ir::Protochain& node);
    PredPtr lower(const ir::Ipv4FirstFragment&);
    PredPtr lower(const ir::Ipv6NextHeader& node);
    PredPtr lower(const ir::Ipv4HostMatch& node);
    PredPtr lower(const ir::Ipv6HostMatch& node);
    PredPtr lower(const ir::DecnetHostMatch& node);
    PredPtr lower(const ir::IpMulticast& node);

    // ---- ports (lowering_ports.cpp) -----------------------------------------------------

    // The shapes follow libpcap's gencode (gen_port/gen_portop/gen_hostop) test for test:
    // the optimiser's result, and so which load comes first on a truncated packet (a load
    // past the end rejects), depends on the shape it starts from.
    template <typename Make>
    static PredPtr any_protocol(const std::vector<IpProto>& protocols, Make make);
    template <typename Matches>
    PredPtr transport_ports(const std::vector<IpProto>& protocols, ir::Direction direction,
                            Matches matches) const;
    PredPtr lower(const ir::PortMatch& node);
    PredPtr lower(const ir::PortRangeMatch& node);

    // ---- length and arithmetic (lowering_arith.cpp) -------------------------------------

    PredPtr lower(const ir::PacketLength& node);
    PredPtr lower(const ir::ArithRelation& node);

    // ---- vlan, mpls, pppoes (lowering_encap.cpp) ----------------------------------------

    PredPtr lower(const ir::Vlan& node);
    PredPtr lower(const ir::Mpls& node);
    PredPtr lower(const ir::Pppoe& node);
    static bool reads_packet(const ir::Node& node);
    static PredPtr tag_in_metadata();
    PredPtr live_vlan(const ir::Vlan& node);
    PredPtr after_live_vlan(const ir::Node& node);

    // ---- geneve (lowering_geneve.cpp) ----------------------------------------------------

    PredPtr lower(const ir::Geneve& node);
    void enter_inner_ethernet();
    PredPtr after_geneve(const ir::Node& node);
    static PredPtr inner_link_header_present();
    PredPtr relocated(const PredPtr& pred);

    // ---- state ---------------------------------------------------------------------------

    // A copy: vlan/mpls/pppoes move the offsets for everything lowered after them.
    LinkLayer link_;
    mutable std::optional<CodegenError> first_error_;

    // Live AF_PACKET sockets: the kernel has usually moved the outer tag into metadata, so
    // libpcap's gen_vlan_bpf_extensions tests SKF_AD_VLAN_TAG_PRESENT or an inline TPID,
    // and takes the VID from SKF_AD_VLAN_TAG (1.10.3 loads it with ldb: only its low byte)
    // or from the inline tag. Its code re-tests [vlanp] and joins the two VID loads with a
    // `ja`; the two branches here are the same tests, one block each. Later primitives:
    // after_live_vlan().
    std::optional<ir::Vlan> live_vlan_;
    // After a live `vlan`, libpcap reads the packet at offsets kept in M[]: 0 at the start,
    // +4 once `vlan` has run and found no tag in metadata ([vlanp] != 1). Where `vlan` ran on
    // every path to a primitive, that offset is 0 or 4 by [vlanp] alone, so the primitive is
    // emitted twice, at both offsets, chosen by a [vlanp] test (an ancillary load: it never
    // rejects, so truncated packets get the same verdicts). Elsewhere (`(ip or vlan) and
    // tcp`, where the offset depends on the path) and for a second encapsulation: refused.
    bool vlan_evaluated_ = false;

    // The last `geneve` (see lower(const ir::Geneve&)): what follows reads the inner frame.
    std::optional<ir::Geneve> geneve_;
    bool geneve_matched_ = false;  // on every path to what is being lowered
    std::shared_ptr<bool> geneve_offsets_used_;  // by what follows the last geneve
    std::shared_ptr<bool> shared_geneve_flag_;   // for the second copy after a live vlan
};

}  // namespace rawdump::filter::lowering
