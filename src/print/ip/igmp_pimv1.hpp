// PIM version 1 messages (IGMP type 0x14), called by the IGMP printer.
#pragma once

#include <cstdint>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print {

// `message` starts at the IGMP header; `length` is the IGMP length.
void print_pimv1(Context& ctx, ByteReader message, std::uint32_t length);

}  // namespace rawdump::print
