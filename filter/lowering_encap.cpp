// Lowering: encapsulations that move the offsets of what follows (vlan, mpls, pppoes),
// including the live `vlan` whose tag the kernel may have moved into metadata.
#include "filter/lowering.hpp"

#include <fmt/format.h>

namespace rawdump::filter::lowering {

// libpcap's gen_vlan_no_bpf_extensions: TPID test, VID test, then everything after reads
// 4 bytes further on.
PredPtr Lowering::lower(const ir::Vlan& node) {
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

bool Lowering::reads_packet(const ir::Node& node) {
    return !(std::holds_alternative<ir::And>(node.value) ||
             std::holds_alternative<ir::Or>(node.value) ||
             std::holds_alternative<ir::Not>(node.value) ||
             std::holds_alternative<ir::Constant>(node.value) ||
             std::holds_alternative<ir::PacketLength>(node.value) ||
             std::holds_alternative<ir::PacketDirection>(node.value) ||
             std::holds_alternative<ir::InterfaceIndex>(node.value));
}

PredPtr Lowering::tag_in_metadata() {
    constexpr std::uint32_t tag_present = 48;
    return equals(load_byte(ancillary_base + tag_present), 1);
}

PredPtr Lowering::after_live_vlan(const ir::Node& node) {
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

PredPtr Lowering::live_vlan(const ir::Vlan& node) {
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
PredPtr Lowering::lower(const ir::Mpls& node) {
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
PredPtr Lowering::lower(const ir::Pppoe& node) {
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

}  // namespace rawdump::filter::lowering
