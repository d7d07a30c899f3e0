// Ethernet-in-UDP overlays: VXLAN (RFC 7348, UDP 4789) and Cisco OTV (UDP 8472).
#pragma once

#include <cstdint>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print {

inline constexpr std::uint16_t vxlan_port = 4789;
// Linux's default VXLAN port, which tcpdump 4.99.3 decodes as OTV.
inline constexpr std::uint16_t otv_port = 8472;

// `payload` is the UDP payload, `length` its declared length. The inner frame goes on a new
// line with no timestamp, as tcpdump prints it.
void print_vxlan(Context& ctx, ByteReader payload, std::uint32_t length);
void print_otv(Context& ctx, ByteReader payload, std::uint32_t length);

}  // namespace rawdump::print
