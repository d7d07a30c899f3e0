// RIP (print-rip.c), UDP port 520.
#pragma once

#include <cstdint>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print {

// The payload (clipped to the capture) and the length the UDP header declares.
inline constexpr std::uint16_t rip_port = 520;
void print_rip(Context& ctx, ByteReader payload, std::uint32_t length);

}  // namespace rawdump::print
