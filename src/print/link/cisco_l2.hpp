// Small layer-2 protocols reached from Ethernet: the Ethernet configuration testing protocol
// ("Loopback", ethertype 0x9000) and Cisco's Dynamic Trunking Protocol (SNAP 00:00:0c/0x2004).
#pragma once

#include <cstdint>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print {

void print_loopback(Context& ctx, ByteReader message, std::uint32_t length);
void print_dtp(Context& ctx, ByteReader message, std::uint32_t length);
// Cisco Discovery Protocol (SNAP 00:00:0c/0x2000).
void print_cdp(Context& ctx, ByteReader message, std::uint32_t length);

}  // namespace rawdump::print
