// The Internet checksum (RFC 1071) over captured bytes, with the TCP/UDP pseudo-headers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "src/print/base/address.hpp"

namespace rawdump::print {

// One's-complement sum of big-endian 16-bit words (odd tail padded with zero), unfolded.
std::uint32_t checksum_add(std::uint32_t sum, std::span<const std::byte> bytes) noexcept;
// Folds and complements: 0 means "the checksum field was right".
std::uint16_t checksum_finish(std::uint32_t sum) noexcept;

std::uint32_t pseudo_header_sum(const Ipv4Address& src, const Ipv4Address& dst, std::uint8_t proto,
                                std::uint32_t length) noexcept;
std::uint32_t pseudo_header_sum(const Ipv6Address& src, const Ipv6Address& dst, std::uint8_t proto,
                                std::uint32_t length) noexcept;

// tcpdump's in_cksum_shouldbe: the value the checksum field should have held.
std::uint16_t checksum_should_be(std::uint16_t field, std::uint16_t computed) noexcept;

}  // namespace rawdump::print
