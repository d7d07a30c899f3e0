// Cisco Discovery Protocol (SNAP 00:00:0c/0x2000).
#pragma once

#include <cstddef>
#include <cstdint>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print {

void print_cdp(Context& ctx, ByteReader message, std::uint32_t length);

}  // namespace rawdump::print
