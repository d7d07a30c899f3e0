// Geneve (RFC 8926, UDP 6081): a variable-length header, then an Ethernet frame or a packet
// of the EtherType the header names.
#pragma once

#include <cstdint>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print {

inline constexpr std::uint16_t geneve_port = 6081;

// `payload` is the UDP payload, `length` its declared length.
void print_geneve(Context& ctx, ByteReader payload, std::uint32_t length);

}  // namespace rawdump::print
