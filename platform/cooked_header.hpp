// Cooked captures (SOCK_DGRAM: "any", PPP, unknown device types): the kernel hands over the
// packet without its link-layer header and describes it in a sockaddr_ll. libpcap builds a
// LINUX_SLL (16 bytes) or LINUX_SLL2 (20 bytes) header from it in front of the data, and
// rewrites filters compiled for that header so the kernel can run them (fix_program()).
#pragma once

#include <linux/if_packet.h>

#include <cstddef>
#include <cstdint>
#include <span>

#include "platform/capture.hpp"

namespace rawdump::platform {

inline constexpr std::size_t sll_header_length = 16;
inline constexpr std::size_t sll2_header_length = 20;

// Writes the header into `out` (sll_header_length or sll2_header_length bytes) from what the
// kernel put in `address`, as pcap_handle_packet_mmap() does. Address bytes past sll_halen are
// written as zeros (libpcap copies all 8, which can leak an earlier packet's bytes).
void write_sll_header(const sockaddr_ll& address, std::span<std::byte, sll_header_length> out) noexcept;
void write_sll2_header(const sockaddr_ll& address, std::span<std::byte, sll2_header_length> out) noexcept;

// libpcap's fix_program()/fix_offset() for a cooked capture: packet loads past the header
// move down by its length (the kernel's data starts at the network header); loads of the
// header's pkttype, protocol and (SLL2) ifindex fields become the kernel's SKF_AD_PKTTYPE,
// SKF_AD_PROTOCOL and SKF_AD_IFINDEX. Returns false (program partly rewritten) when a load
// reads another header field: libpcap then filters in userland.
bool fix_cooked_program(std::span<KernelInsn> program, bool sll2) noexcept;

}  // namespace rawdump::platform
