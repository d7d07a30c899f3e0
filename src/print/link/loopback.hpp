// The Ethernet configuration testing protocol ("Loopback", ethertype 0x9000).
#pragma once

#include <cstddef>
#include <cstdint>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print {

void print_loopback(Context& ctx, ByteReader message, std::uint32_t length);

}  // namespace rawdump::print
