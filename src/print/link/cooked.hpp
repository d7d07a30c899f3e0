// Linux cooked captures v1 and v2 (print-sll.c).
#pragma once

#include <cstddef>
#include <cstdint>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print {

// Each returns how many bytes of link header it consumed, which -x/-X skip.
std::size_t print_linux_sll(Context& ctx, ByteReader frame, std::uint32_t wire_length);
std::size_t print_linux_sll2(Context& ctx, ByteReader frame, std::uint32_t wire_length);

}  // namespace rawdump::print
