// RADIUS (RFC 2865/2866/5176) over UDP 1645, 1646, 1700, 1812, 1813 and 3799 (print-radius.c,
// tcpdump 4.99.3 wording).
#pragma once

#include <array>
#include <cstdint>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print {

// udp_print's RADIUS ports: authentication and accounting, old (1645, 1646) and new (1812,
// 1813), and dynamic authorization, Cisco's (1700) and RFC 5176's (3799).
inline constexpr std::array<std::uint16_t, 6> radius_ports{1645, 1812, 1646, 1813, 1700, 3799};

// `message` is the UDP payload (clipped to the capture); `length` the payload length UDP
// declares. One line by default; with -v the attributes, with -vv each value in hex too.
void print_radius(Context& ctx, ByteReader message, std::uint32_t length);

}  // namespace rawdump::print
