// NTP over UDP port 123 (print-ntp.c ntp_print, tcpdump 4.99.3 wording).
#pragma once

#include <cstdint>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print {

// `message` is the UDP payload (clipped to the capture); `length` the payload length UDP
// declares, which decides the optional trailer fields and validity checks.
inline constexpr std::uint16_t ntp_port = 123;
void print_ntp(Context& ctx, ByteReader message, std::uint32_t length);

}  // namespace rawdump::print
