// LINKTYPE_SLIP (print-sl.c).
#pragma once

#include <cstddef>
#include <cstdint>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print {

std::size_t print_slip(Context& ctx, ByteReader frame, std::uint32_t wire_length);

}  // namespace rawdump::print
