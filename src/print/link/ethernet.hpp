// Ethernet II and 802.3 frames (print-ether.c ether_print).
#pragma once

#include <cstddef>
#include <cstdint>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print {

// Returns how many bytes of link header it consumed, which -x/-X skip (tcpdump's if_printer
// return value).
std::size_t print_ethernet(Context& ctx, ByteReader frame, std::uint32_t wire_length);

}  // namespace rawdump::print
