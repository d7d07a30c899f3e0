// IPv4 (print-ip.c).
#pragma once

#include <cstddef>
#include <cstdint>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print {

// `packet` starts at the IP header; `length` is the on-wire length from there on.
void print_ipv4(Context& ctx, ByteReader packet, std::uint32_t length);

}  // namespace rawdump::print
