// Where the network layer sits for each link type, and how the link layer names it. Codegen
// asks only this model for offsets, so new link types are added here, not in codegen.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "src/core/expected.hpp"
#include "src/core/link_type.hpp"

namespace rawdump::filter {

struct LinkLayer {
    // Offset of the 16-bit EtherType-valued protocol field (Ethernet type, SLL protocol).
    std::uint32_t protocol_type_offset;
    // Offset of the first byte of the network-layer header.
    std::uint32_t network_offset;
    // Where destination (then source) MAC addresses sit, on links that have them in every
    // frame; libpcap refuses `ether host`/`broadcast`/`multicast` elsewhere.
    std::optional<std::uint32_t> mac_addresses_offset;
    // How `ether|link proto N` finds 802.2 LLC protocols (N <= 1500, ipx, atalk, aarp):
    // libpcap's gen_ether_linktype / gen_linux_sll_linktype, or a plain type compare.
    enum class Llc : std::uint8_t { Plain, Ethernet, LinuxCooked };
    Llc llc = Llc::Plain;

    // How the link says which network protocol follows (libpcap's gen_linktype per DLT).
    enum class Framing : std::uint8_t {
        EtherType,    // 16-bit EtherType at protocol_type_offset (Ethernet, SLL, SLL2)
        Ppp,          // 16-bit PPP protocol at protocol_type_offset (inside `pppoes`)
        IpVersion,    // RAW: the version nibble of the first IP byte (4 or 6)
        Ipv4Only,     // IPV4: always IPv4
        Ipv6Only,     // IPV6: always IPv6
        AfHostOrder,  // NULL: 4-byte AF_ value in the capturing host's (little-endian) order
        AfNetworkOrder,  // LOOP: the same in network order
    };
    Framing framing = Framing::EtherType;
    LinkType type = LinkType::En10mb;
    // The link's name in libpcap's errors ("no VLAN support for Raw IP"); "PPP" after pppoes.
    std::string_view description = "Ethernet";
    // Encapsulation state while codegen walks the expression left to right.
    unsigned mpls_depth = 0;
    // A program for a live AF_PACKET socket (the kernel moves the outer VLAN tag into
    // metadata): set by compile() from CompileOptions::live.
    bool live = false;
    // For a savefile (-r) rather than a live or dead (-d) handle; from CompileOptions.
    bool savefile = false;
    // Where `link[...]` / `ether[...]` count from: the frame's start, until `pppoes` makes the
    // PPP header the link-layer header (libpcap's PUSH_LINKHDR in gen_pppoes).
    std::uint32_t link_header_offset = 0;
    // Whether a constant index may fold into an absolute load even when base + index wraps
    // past 2^32 (`ip[-2]`): libpcap's optimiser folds it, its unoptimised code does not.
    bool fold_wrapping_offsets = true;
};

// The model for `type`, or a message saying it is not supported yet.
Expected<LinkLayer, std::string> link_layer_for(LinkType type);

}  // namespace rawdump::filter
