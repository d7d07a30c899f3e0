// L2TPv2 (RFC 2661; print-l2tp.c of tcpdump 4.99.3) on UDP port 1701.
#pragma once

#include <cstdint>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print {

constexpr std::uint16_t l2tp_port = 1701;

// `message` is the UDP payload as captured; `length` what the UDP header declares for it.
void print_l2tp(Context& ctx, ByteReader message, std::uint32_t length);

namespace l2tp {
// One AVP at the start of `avps` with `remaining` bytes of the message left (l2tp_avp_print).
// Returns the AVP's length, or 0 once the AVP list cannot be walked any further.
std::uint32_t print_avp(Context& ctx, ByteReader avps, std::uint32_t remaining);
}  // namespace l2tp

}  // namespace rawdump::print
