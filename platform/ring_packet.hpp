// Turning one packet of a TPACKET_V3 block into a Frame, the way libpcap's
// pcap_handle_packet_mmap() does: drop lo's outgoing copy, re-insert a stripped 802.1Q tag
// into the ring's headroom, clip to the snaplen. No copy, no allocation.
#pragma once

#include <linux/if_packet.h>

#include <cstdint>
#include <optional>

#include "platform/frame.hpp"

namespace rawdump::platform {

// Bytes the kernel must leave in front of each packet (PACKET_RESERVE) for the VLAN tag.
inline constexpr unsigned kVlanHeadroom = 4;

enum class Direction { Keep, SkipOutgoingLoopback };

// lo hands every packet to packet sockets twice, once outgoing and once incoming; tcpdump
// shows it once by dropping PACKET_OUTGOING on loopback in userland (linux_check_direction).
Direction classify_direction(const tpacket3_hdr& header, bool loopback) noexcept;

// The packet `header` describes, as a Frame, or nothing when it is lo's outgoing duplicate.
// Rewrites the ring in place when a VLAN tag has to be re-inserted (needs kVlanHeadroom).
std::optional<Frame> ring_packet_to_frame(tpacket3_hdr* header, bool loopback,
                                          std::uint32_t snaplen) noexcept;

}  // namespace rawdump::platform
