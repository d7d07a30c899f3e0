// ARP and RARP (print-arp.c).
#pragma once

#include <cstddef>
#include <cstdint>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print {

// `length` is the on-wire length of the ARP packet.
void print_arp(Context& ctx, ByteReader packet, std::uint32_t length);

}  // namespace rawdump::print
