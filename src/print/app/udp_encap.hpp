// IPsec NAT traversal on UDP 4500 (RFC 3948): ESP in UDP, NAT keepalives, and IKE behind a
// four-byte zero "non-ESP marker".
#pragma once

#include <cstdint>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print {

inline constexpr std::uint16_t ipsec_nat_t_port = 4500;

// tcpdump's isakmp_rfc3948_print. `payload` is the UDP payload, `length` its declared length.
void print_udp_encap(Context& ctx, ByteReader payload, std::uint32_t length);

}  // namespace rawdump::print
