// BOOTP and DHCPv4 over UDP ports 67/68 (print-bootp.c bootp_print, tcpdump 4.99.3 wording).
#pragma once

#include <cstdint>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print {

// Server and client ports (bootps, bootpc): tcpdump tests both at once.
inline constexpr std::uint16_t bootp_server_port = 67;
inline constexpr std::uint16_t bootp_client_port = 68;

// `message` is the UDP payload (clipped to the capture); `length` the payload length UDP
// declares (printed as ", length N").
void print_bootp(Context& ctx, ByteReader message, std::uint32_t length);

}  // namespace rawdump::print
