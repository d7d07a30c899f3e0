// Where the network layer sits for each link type, and how the link layer names it. Codegen
// asks only this model for offsets, so new link types are added here, not in codegen.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "filter/expected.hpp"
#include "filter/link_type.hpp"

namespace rawdump::filter {

struct LinkLayer {
    // Offset of the 16-bit EtherType-valued protocol field (Ethernet type, SLL protocol).
    std::uint32_t protocol_type_offset;
    // Offset of the first byte of the network-layer header.
    std::uint32_t network_offset;
    // Where destination (then source) MAC addresses sit, on links that have them in every
    // frame; libpcap refuses `ether host`/`broadcast`/`multicast` elsewhere.
    std::optional<std::uint32_t> mac_addresses_offset;
};

// The model for `type`, or a message saying it is not supported yet.
Expected<LinkLayer, std::string> link_layer_for(LinkType type);

}  // namespace rawdump::filter
