// IPsec headers as tcpdump 4.99.3 shows them without keys (print-ah.c, print-esp.c): the
// Authentication Header is printed and stepped over, ESP's payload stays opaque.
#pragma once

#include <cstdint>
#include <optional>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print {

// "AH(spi=0x00000100,seq=0x1,icv=0x...): "; the header length to step over, or nullopt
// after a truncation marker.
std::optional<std::uint32_t> print_ah(Context& ctx, ByteReader header);
// "ESP(spi=0x00000100,seq=0x1), length 48"; `length` is what the IP layer declares.
void print_esp(Context& ctx, ByteReader payload, std::uint32_t length);

}  // namespace rawdump::print
