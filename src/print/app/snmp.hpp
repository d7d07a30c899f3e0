// SNMP over UDP ports 161 and 162 (print-snmp.c snmp_print, tcpdump 4.99.3 without libsmi).
#pragma once

#include <cstdint>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print {

inline constexpr std::uint16_t snmp_port = 161;
inline constexpr std::uint16_t snmp_trap_port = 162;

// `message` is the UDP payload (clipped to the capture); `length` the payload length UDP
// declares, which bounds every BER length.
void print_snmp(Context& ctx, ByteReader message, std::uint32_t length);

}  // namespace rawdump::print
