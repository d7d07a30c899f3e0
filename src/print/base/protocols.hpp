// Protocol numbers as enums, and the names tcpdump 4.99.3 prints for them, as constexpr data
// (the equivalents of tcpdump's `struct tok` tables).
#pragma once

#include <cstdint>
#include <string_view>

#include "src/core/protocol_numbers.hpp"

namespace rawdump::print {


// "IPv4" in `ethertype IPv4 (0x0800)`; empty when tcpdump would say "Unknown".
std::string_view ethertype_name(std::uint16_t type) noexcept;
// "TCP" in `proto TCP (6)` and `next-header TCP (6)`; empty when tcpdump says "unknown".
std::string_view ipproto_name(std::uint8_t proto) noexcept;
// The lower-case netdb keyword ("udp", "exptest-253") printed for protocols tcpdump does not
// decode, unless -n; empty when there is none (then `ip-proto-N`).
std::string_view ipproto_keyword(std::uint8_t proto) noexcept;
// "Cisco" in `(oui Cisco)`; empty when tcpdump says "Unknown".
std::string_view oui_name(std::uint32_t oui) noexcept;

}  // namespace rawdump::print
