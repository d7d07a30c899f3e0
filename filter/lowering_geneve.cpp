// Lowering: geneve, and what follows it (read at run-time offsets).
#include "filter/lowering.hpp"

#include <type_traits>
#include <utility>

#include <fmt/format.h>

#include "filter/run_time_offsets.hpp"

namespace rawdump::filter::lowering {

// libpcap's gen_geneve: UDP destination port 6081 (IPv4: first fragments, the header
// length from the IHL nibble; IPv6: no extension headers), Geneve version 0, the VNI.
// libpcap then computes the inner offsets (run_time_offsets.hpp), reading the option
// length byte and the 16-bit protocol type: a Geneve packet shorter than its first 4
// bytes is rejected. Without a VNI test (whose load covers them), a second version test
// with a 4-byte load (always true when reached) rejects those packets the same way.
// What follows reads the inner frame as Ethernet at those offsets (after_geneve).
PredPtr Lowering::lower(const ir::Geneve& node) {
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
void Lowering::enter_inner_ethernet() {
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
PredPtr Lowering::after_geneve(const ir::Node& node) {
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
PredPtr Lowering::inner_link_header_present() {
    using run_time_offsets::Base, run_time_offsets::slot;
    return negation(std::make_shared<Pred>(Pred{Test{
        {statement(op::ld | op::mem, slot(Base::LinkHeader)),
         statement(op::ldx | op::mem, slot(Base::Network))},
        statement(op::jmp | op::jeq | op::x, 0)}}));
}

PredPtr Lowering::relocated(const PredPtr& pred) {
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

}  // namespace rawdump::filter::lowering
