// Telnet (print-telnet.c), tcpdump's first TCP port test (23).
#pragma once

#include <cstdint>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print {

// " [telnet DO ECHO, ...]" for a segment that opens with IAC commands; nothing otherwise.
// -vvv -X lists the commands one per line beside their bytes. Printed after ", length N".
inline constexpr std::uint16_t telnet_port = 23;
void print_telnet_commands(Context& ctx, ByteReader payload, std::uint32_t length);

}  // namespace rawdump::print
