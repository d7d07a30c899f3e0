// Turning one packet of a TPACKET_V3 block into a Frame, the way libpcap's
// pcap_handle_packet_mmap() does: build the cooked header of a SOCK_DGRAM capture, drop lo's
// outgoing copy and the directions -Q excludes, re-insert a stripped 802.1Q tag into the
// ring's headroom, clip to the snaplen. No copy, no allocation.
#pragma once

#include <linux/if_packet.h>

#include <cstdint>
#include <optional>

#include "platform/capture.hpp"
#include "src/core/frame.hpp"
#include "src/core/snaplen.hpp"

namespace rawdump::platform {

// Bytes the kernel must leave in front of each packet (PACKET_RESERVE) for the VLAN tag.
inline constexpr unsigned vlan_headroom = 4;

enum class CookedHeader { None, Sll, Sll2 };

// What ring_packet_to_frame() needs to know about the capture.
struct FrameRules {
    std::uint32_t snaplen = maximum_snaplen;
    // The ifindex of "lo" (0: none): its outgoing copies are dropped, as libpcap does,
    // whichever device (or "any") is captured.
    int loopback_ifindex = 0;
    CookedHeader cooked = CookedHeader::None;
    // Where a stripped VLAN tag goes back in (libpcap's vlan_offset): 12 for Ethernet, 14 for
    // LINUX_SLL, none (-1) for LINUX_SLL2 and every other link type.
    int vlan_offset = -1;
    CaptureConfig::Directions directions = CaptureConfig::Directions::InOut;
};

// libpcap's set_vlan_offset() for a link type.
int vlan_offset_for(LinkType link_type) noexcept;

// PACKET_RESERVE for the rules: the VLAN tag plus the cooked header.
unsigned headroom_for(CookedHeader cooked) noexcept;

enum class Direction { Keep, SkipOutgoingLoopback };

// lo hands every packet to packet sockets twice, once outgoing and once incoming; tcpdump
// shows it once by dropping PACKET_OUTGOING on loopback in userland (linux_check_direction).
Direction classify_direction(const tpacket3_hdr& header, bool loopback) noexcept;

// libpcap's linux_check_direction(): whether the packet is kept (-Q, lo, CAN echoes).
bool keep_direction(const sockaddr_ll& address, const FrameRules& rules) noexcept;

// The packet `header` describes, as a Frame, or nothing when it is dropped. Rewrites the ring
// in place for a cooked header or a re-inserted VLAN tag (needs headroom_for() in front).
std::optional<Frame> ring_packet_to_frame(tpacket3_hdr* header, const FrameRules& rules) noexcept;
// The same for a TPACKET_V2 frame (--immediate-mode).
std::optional<Frame> ring_packet_to_frame(tpacket2_hdr* header, const FrameRules& rules) noexcept;

// An Ethernet capture with the old arguments: `loopback` drops every outgoing copy.
std::optional<Frame> ring_packet_to_frame(tpacket3_hdr* header, bool loopback,
                                          std::uint32_t snaplen) noexcept;

}  // namespace rawdump::platform
