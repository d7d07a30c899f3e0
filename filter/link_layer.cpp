#include "filter/link_layer.hpp"

#include <fmt/format.h>

namespace rawdump::filter {

Expected<LinkLayer, std::string> link_layer_for(LinkType type) {
    switch (type) {
        // dst(6) src(6) type(2). VLAN tags would shift network_offset by 4 per tag (the
        // `vlan` primitive, later).
        case LinkType::En10mb: return LinkLayer{12, 14, 0};
        // Linux cooked v1: packet type(2) ARPHRD(2) addr len(2) addr(8) protocol(2).
        case LinkType::LinuxSll: return LinkLayer{14, 16, std::nullopt};
        // Linux cooked v2: protocol(2) reserved(2) ifindex(4) ARPHRD(2) type(1) len(1) addr(8).
        case LinkType::LinuxSll2: return LinkLayer{0, 20, std::nullopt};
        // NULL/LOOP/RAW/IPV4/IPV6 have no EtherType field; libpcap tests the AF_ value or the
        // IP version nibble instead. Not modelled yet.
        case LinkType::Null:
        case LinkType::Raw:
        case LinkType::Loop:
        case LinkType::Ipv4:
        case LinkType::Ipv6: break;
    }
    const LinkTypeName* name = find_link_type(type);
    return Unexpected{fmt::format("link type {} is not supported by the filter compiler yet",
                                  name ? name->name : std::string_view{"?"})};
}

}  // namespace rawdump::filter
