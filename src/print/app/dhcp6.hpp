// DHCPv6 (RFC 8415, UDP 546/547) as tcpdump 4.99.3 prints it (print-dhcp6.c).
#pragma once

#include <cstdint>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print {

inline constexpr std::uint16_t dhcp6_client_port = 546;
inline constexpr std::uint16_t dhcp6_server_port = 547;

// "dhcp6 solicit"; from -v the transaction id (or relay addresses) and the options in
// parentheses. `payload` is the UDP payload, `length` its declared length.
void print_dhcp6(Context& ctx, ByteReader payload, std::uint32_t length);

}  // namespace rawdump::print
