// PPP over Ethernet (RFC 2516; print-pppoe.c): discovery (0x8863) and session (0x8864) frames.
#pragma once

#include <cstdint>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print {

// `packet` starts at the PPPoE header and runs to the end of the capture (not the PPPoE
// length: tcpdump reads tags and PPP fields on into the Ethernet padding); `length` is the
// Ethernet payload length.
void print_pppoe(Context& ctx, ByteReader packet, std::uint32_t length);

}  // namespace rawdump::print
