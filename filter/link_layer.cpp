#include "filter/link_layer.hpp"

#include <fmt/format.h>

namespace rawdump::filter {

namespace {

std::optional<LinkLayer> base_layer(LinkType type) {
    switch (type) {
        // dst(6) src(6) type(2). `vlan`/`mpls`/`pppoes` shift the offsets during codegen.
        case LinkType::En10mb: return LinkLayer{12, 14, 0, LinkLayer::Llc::Ethernet};
        // Linux cooked v1: packet type(2) ARPHRD(2) addr len(2) addr(8) protocol(2).
        case LinkType::LinuxSll: return LinkLayer{14, 16, std::nullopt, LinkLayer::Llc::LinuxCooked};
        // Linux cooked v2: protocol(2) reserved(2) ifindex(4) ARPHRD(2) type(1) len(1) addr(8).
        case LinkType::LinuxSll2: return LinkLayer{0, 20, std::nullopt};
        // No protocol field: libpcap tests the IP version nibble (RAW), nothing (IPV4/IPV6)
        // or the 4-byte AF_ value (NULL, LOOP); see Framing.
        case LinkType::Raw:
        case LinkType::Ipv4:
        case LinkType::Ipv6: return LinkLayer{0, 0, std::nullopt};
        case LinkType::Null:
        case LinkType::Loop: return LinkLayer{0, 4, std::nullopt};
        // SLIP is known for banners and printing only; the other types not even that.
        default: break;
    }
    return std::nullopt;
}

LinkLayer::Framing framing_of(LinkType type) {
    using F = LinkLayer::Framing;
    switch (type) {
        case LinkType::Raw: return F::IpVersion;
        case LinkType::Ipv4: return F::Ipv4Only;
        case LinkType::Ipv6: return F::Ipv6Only;
        case LinkType::Null: return F::AfHostOrder;
        case LinkType::Loop: return F::AfNetworkOrder;
        default: return F::EtherType;
    }
}

}  // namespace

Expected<LinkLayer, std::string> link_layer_for(LinkType type) {
    const LinkTypeName* name = find_link_type(type);
    std::optional<LinkLayer> layer = base_layer(type);
    if (!layer)
        return Unexpected{fmt::format("link type {} is not supported by the filter compiler yet",
                                      name ? name->name : std::string_view{"?"})};
    layer->framing = framing_of(type);
    layer->type = type;
    if (name) layer->description = name->description;
    return *layer;
}

}  // namespace rawdump::filter
