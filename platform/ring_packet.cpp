#include "platform/ring_packet.hpp"

#include <linux/if_arp.h>
#include <linux/if_ether.h>

#include <algorithm>
#include <cstddef>
#include <cstring>

#include "platform/cooked_header.hpp"
#include "platform/link_types_linux.hpp"

namespace rawdump::platform {

namespace {

// TPACKET_V3 puts a sockaddr_ll right after the (aligned) tpacket3_hdr.
const sockaddr_ll* address_of(const tpacket3_hdr& header) noexcept {
    const auto* base = reinterpret_cast<const std::byte*>(&header);
    return reinterpret_cast<const sockaddr_ll*>(base + TPACKET_ALIGN(sizeof(tpacket3_hdr)));
}

// TPACKET_V2 (--immediate-mode) likewise, after its shorter header.
const sockaddr_ll* address_of(const tpacket2_hdr& header) noexcept {
    const auto* base = reinterpret_cast<const std::byte*>(&header);
    return reinterpret_cast<const sockaddr_ll*>(base + TPACKET_ALIGN(sizeof(tpacket2_hdr)));
}

// The two headers keep the VLAN fields in different places.
std::uint16_t vlan_tci(const tpacket3_hdr& header) noexcept { return header.hv1.tp_vlan_tci; }
std::uint16_t vlan_tpid(const tpacket3_hdr& header) noexcept { return header.hv1.tp_vlan_tpid; }
std::uint16_t vlan_tci(const tpacket2_hdr& header) noexcept { return header.tp_vlan_tci; }
std::uint16_t vlan_tpid(const tpacket2_hdr& header) noexcept { return header.tp_vlan_tpid; }

// libpcap's test (VLAN_VALID covers VLAN ID 0, which a zero TCI alone cannot tell).
template <typename Header>
bool has_stripped_vlan(const Header& header) noexcept {
    return vlan_tci(header) != 0 || (header.tp_status & TP_STATUS_VLAN_VALID) != 0;
}

constexpr int arphrd_can = 280;

}  // namespace

int vlan_offset_for(LinkType link_type) noexcept {
    if (link_type == LinkType::En10mb) return 2 * ETH_ALEN;
    if (link_type == LinkType::LinuxSll) return static_cast<int>(sll_header_length) - 2;
    return -1;
}

unsigned headroom_for(CookedHeader cooked) noexcept {
    switch (cooked) {
    case CookedHeader::Sll: return vlan_headroom + sll_header_length;
    // SLL2 gets no tag, but -y could not switch it anyway; keep the same room.
    case CookedHeader::Sll2: return vlan_headroom + sll2_header_length;
    case CookedHeader::None: break;
    }
    return vlan_headroom;
}

Direction classify_direction(const tpacket3_hdr& header, bool loopback) noexcept {
    if (loopback && address_of(header)->sll_pkttype == PACKET_OUTGOING)
        return Direction::SkipOutgoingLoopback;
    return Direction::Keep;
}

bool keep_direction(const sockaddr_ll& address, const FrameRules& rules) noexcept {
    using Directions = CaptureConfig::Directions;
    if (address.sll_pkttype == PACKET_OUTGOING) {
        // lo's outgoing copy comes back as incoming; CAN echoes sent frames likewise.
        if (rules.loopback_ifindex != 0 && address.sll_ifindex == rules.loopback_ifindex) return false;
        if (address.sll_hatype == arphrd_can && rules.directions != Directions::Out) return false;
        return rules.directions != Directions::In;
    }
    return rules.directions != Directions::Out;
}

// One body for both ring formats: the fields have the same names and meanings.
template <typename Header>
std::optional<Frame> header_to_frame(Header* header, const FrameRules& rules) noexcept {
    const sockaddr_ll& address = *address_of(*header);
    if (!keep_direction(address, rules)) return std::nullopt;

    auto* data = reinterpret_cast<std::byte*>(header) + header->tp_mac;
    std::uint32_t caplen = header->tp_snaplen;
    std::uint32_t wire = header->tp_len;

    if (rules.cooked == CookedHeader::Sll2) {
        data -= sll2_header_length;
        write_sll2_header(address, std::span<std::byte, sll2_header_length>(data, sll2_header_length));
        caplen += sll2_header_length;
        wire += sll2_header_length;
    } else if (rules.cooked == CookedHeader::Sll) {
        data -= sll_header_length;
        write_sll_header(address, std::span<std::byte, sll_header_length>(data, sll_header_length));
        caplen += sll_header_length;
        wire += sll_header_length;
    }

    // libpcap compares the kernel's snaplen (without a cooked header) with the offset.
    if (has_stripped_vlan(*header) && rules.vlan_offset >= 0 &&
        header->tp_snaplen >= static_cast<std::uint32_t>(rules.vlan_offset)) {
        const std::uint16_t tpid = (header->tp_status & TP_STATUS_VLAN_TPID_VALID) != 0
                                       ? vlan_tpid(*header)
                                       : std::uint16_t{ETH_P_8021Q};
        const std::uint16_t tci = vlan_tci(*header);
        const auto offset = static_cast<std::size_t>(rules.vlan_offset);
        // Move what precedes the type field into the headroom and write the tag there.
        std::memmove(data - vlan_headroom, data, offset);
        data -= vlan_headroom;
        const std::byte tag[4] = {std::byte(tpid >> 8), std::byte(tpid & 0xff),
                                  std::byte(tci >> 8), std::byte(tci & 0xff)};
        std::memcpy(data + offset, tag, sizeof tag);
        caplen += vlan_headroom;
        wire += vlan_headroom;
    }

    // The filter's accept value already bounds the copy; this covers an empty program,
    // the cooked header and the re-inserted tag.
    caplen = std::min(caplen, rules.snaplen);
    Frame frame;
    frame.time = {static_cast<std::int64_t>(header->tp_sec), header->tp_nsec};
    frame.wire_length = wire;
    frame.bytes = {data, caplen};
    return frame;
}

std::optional<Frame> ring_packet_to_frame(tpacket3_hdr* header, const FrameRules& rules) noexcept {
    return header_to_frame(header, rules);
}

std::optional<Frame> ring_packet_to_frame(tpacket2_hdr* header, const FrameRules& rules) noexcept {
    return header_to_frame(header, rules);
}

std::optional<Frame> ring_packet_to_frame(tpacket3_hdr* header, bool loopback,
                                          std::uint32_t snaplen) noexcept {
    if (classify_direction(*header, loopback) == Direction::SkipOutgoingLoopback) return std::nullopt;
    FrameRules rules;
    rules.snaplen = snaplen;
    rules.vlan_offset = vlan_offset_for(LinkType::En10mb);
    return ring_packet_to_frame(header, rules);
}

}  // namespace rawdump::platform
