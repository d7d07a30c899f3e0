// IEEE 802.3 slow protocols, EtherType 0x8809: LACP, Marker and link OAM (print-slow.c).
#pragma once

#include <cstdint>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print {

// `length` is the on-wire length of the PDU (padding included).
void print_slow_protocols(Context& ctx, ByteReader pdu, std::uint32_t length);

}  // namespace rawdump::print
