// MPLS label stacks (RFC 3032; print-mpls.c): Ethernet types 0x8847/0x8848, GRE, PPP.
#pragma once

#include <cstdint>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print {

// `packet` starts at the first label stack entry; `length` is the declared length from there.
void print_mpls(Context& ctx, ByteReader packet, std::uint32_t length);

}  // namespace rawdump::print
