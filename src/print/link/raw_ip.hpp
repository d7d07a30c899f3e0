// LINKTYPE_RAW / IPV4 / IPV6: no link header, the IP version nibble picks the printer.
#pragma once

#include <cstddef>
#include <cstdint>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print {

// Returns 0: nothing of the frame is a link header for -x/-X to skip.
std::size_t print_raw_ip(Context& ctx, ByteReader frame, std::uint32_t wire_length);

}  // namespace rawdump::print
