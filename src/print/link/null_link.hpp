// BSD loopback (NULL and LOOP): a 4-byte address family, read as tcpdump 4.99.3 reads it.
#pragma once

#include <cstddef>
#include <cstdint>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print {

std::size_t print_null(Context& ctx, ByteReader frame, std::uint32_t wire_length);

}  // namespace rawdump::print
