// PPP frames (RFC 1661; print-ppp.c ppp_print) as PPPoE sessions and PPTP's GRE carry them.
#pragma once

#include <cstdint>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print {

// `frame` starts at the address/control bytes if there are any, else at the protocol field,
// and runs to the end of what the enclosing layer captured; `length` is the declared length.
void print_ppp(Context& ctx, ByteReader frame, std::uint32_t length);

}  // namespace rawdump::print
