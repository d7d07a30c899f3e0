// RIPng (print-ripng.c), UDP port 521.
#pragma once

#include <cstdint>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print {

// The payload (clipped to the capture) and the length the UDP header declares.
inline constexpr std::uint16_t ripng_port = 521;
void print_ripng(Context& ctx, ByteReader payload, std::uint32_t length);

}  // namespace rawdump::print
