// Lowering: link-layer tests (the link protocol field, 802.2 LLC, MAC addresses) and the
// Linux metadata (packet direction, interface index).
#include "filter/lowering.hpp"

#include <fmt/format.h>

namespace rawdump::filter::lowering {

// libpcap's gen_llc*: not Novell raw 802.3 (ffff), then the control byte's format.
PredPtr Lowering::lower(const ir::LlcFrame& node) {
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

// 802.2 LLC protocols, shaped like libpcap's gen_ether_linktype (Ethernet: a length
// <= 1500 in the type field) and gen_linux_sll_linktype (SLL: protocol 4 = 802.2,
// 1 = Novell raw 802.3). SNAP frames: aa aa 03, OUI, EtherType (gen_snap).
PredPtr Lowering::lower(const ir::LlcProtocol& node) {
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

// Six bytes compared as a word then a halfword, last four bytes first (gen_bcmp).
PredPtr Lowering::lower(const ir::EthernetAddressMatch& node) {
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

PredPtr Lowering::lower(const ir::EthernetMulticast&) {
    if (mac_addresses_missing(nullptr)) return always(false);
    const std::uint32_t base = link_.mac_addresses_offset.value_or(0);
    return test({load_byte(base + ethernet::destination)}, op::jset, ethernet::group_bit);
}

// libpcap's ethertype_to_ppptype.
std::uint32_t Lowering::ppp_protocol(std::uint32_t ether_type) {
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
PredPtr Lowering::link_protocol_test(EtherType type) const {
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

bool Lowering::mac_addresses_missing(const ir::EthernetAddressMatch* match) const {
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

// Linux packet type: SLL's header field, SLL2's, else the ancillary load SKF_AD_PKTTYPE.
bool Lowering::metadata_missing(std::string_view what) const {
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

PredPtr Lowering::lower(const ir::PacketDirection& node) {
    if (metadata_missing("inbound/outbound")) return always(false);
    constexpr std::uint32_t outgoing = 4, pkttype = 4;
    Insn load = load_half(ancillary_base + pkttype);
    if (link_.type == LinkType::LinuxSll) load = load_half(0);
    if (link_.type == LinkType::LinuxSll2) load = load_byte(10);
    PredPtr is_outgoing = equals(load, outgoing);
    return node.outbound ? is_outgoing : negation(is_outgoing);
}

// SLL2 carries the interface index at 4; elsewhere SKF_AD_IFINDEX.
PredPtr Lowering::lower(const ir::InterfaceIndex& node) {
    if (metadata_missing("ifindex")) return always(false);
    constexpr std::uint32_t ifindex = 8;
    return equals(load_word(link_.type == LinkType::LinuxSll2 ? 4 : ancillary_base + ifindex),
                  node.index);
}

}  // namespace rawdump::filter::lowering
