#include "platform/ring_packet.hpp"

#include <linux/if_ether.h>

#include <algorithm>
#include <cstddef>
#include <cstring>

namespace rawdump::platform {

namespace {

// TPACKET_V3 puts a sockaddr_ll right after the (aligned) tpacket3_hdr.
const sockaddr_ll* address_of(const tpacket3_hdr& header) noexcept {
    const auto* base = reinterpret_cast<const std::byte*>(&header);
    return reinterpret_cast<const sockaddr_ll*>(base + TPACKET_ALIGN(sizeof(tpacket3_hdr)));
}

// libpcap's test (VLAN_VALID covers VLAN ID 0, which a zero TCI alone cannot tell).
bool has_stripped_vlan(const tpacket3_hdr& header) noexcept {
    return header.hv1.tp_vlan_tci != 0 || (header.tp_status & TP_STATUS_VLAN_VALID) != 0;
}

constexpr std::size_t kMacAddresses = 2 * ETH_ALEN;  // the tag goes right after them

}  // namespace

Direction classify_direction(const tpacket3_hdr& header, bool loopback) noexcept {
    if (loopback && address_of(header)->sll_pkttype == PACKET_OUTGOING)
        return Direction::SkipOutgoingLoopback;
    return Direction::Keep;
}

std::optional<Frame> ring_packet_to_frame(tpacket3_hdr* header, bool loopback,
                                          std::uint32_t snaplen) noexcept {
    if (classify_direction(*header, loopback) == Direction::SkipOutgoingLoopback)
        return std::nullopt;

    auto* data = reinterpret_cast<std::byte*>(header) + header->tp_mac;
    std::uint32_t caplen = header->tp_snaplen;
    std::uint32_t wire = header->tp_len;

    if (has_stripped_vlan(*header) && caplen >= kMacAddresses) {
        const std::uint16_t tpid = (header->tp_status & TP_STATUS_VLAN_TPID_VALID) != 0
                                       ? header->hv1.tp_vlan_tpid
                                       : std::uint16_t{ETH_P_8021Q};
        const std::uint16_t tci = header->hv1.tp_vlan_tci;
        // Move the MACs into the headroom and write the tag where they were.
        std::memmove(data - kVlanHeadroom, data, kMacAddresses);
        data -= kVlanHeadroom;
        const std::byte tag[4] = {std::byte(tpid >> 8), std::byte(tpid & 0xff),
                                  std::byte(tci >> 8), std::byte(tci & 0xff)};
        std::memcpy(data + kMacAddresses, tag, sizeof tag);
        caplen += kVlanHeadroom;
        wire += kVlanHeadroom;
    }

    // The filter's accept value already bounds the copy; this covers an empty program
    // and the re-inserted tag.
    caplen = std::min(caplen, snaplen);
    Frame frame;
    frame.time = {static_cast<std::int64_t>(header->tp_sec), header->tp_nsec};
    frame.wire_length = wire;
    frame.bytes = {data, caplen};
    return frame;
}

}  // namespace rawdump::platform
