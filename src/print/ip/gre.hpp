// GRE (IP protocol 47; RFC 1701/2784, and PPTP's enhanced GRE, RFC 2637).
#pragma once

#include <cstdint>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print {

// `packet` is narrowed to the IP payload, `length` is its declared length.
void print_gre(Context& ctx, ByteReader packet, std::uint32_t length);

}  // namespace rawdump::print
