// BFD (print-bfd.c): control, echo, multihop and LAG ports.
#pragma once

#include <cstdint>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print {

// The packet kind comes from the destination port alone (print-udp.c tests dport only).
inline constexpr std::uint16_t bfd_control_port = 3784;
inline constexpr std::uint16_t bfd_echo_port = 3785;
inline constexpr std::uint16_t bfd_multihop_port = 4784;
inline constexpr std::uint16_t bfd_lag_port = 6784;
bool is_bfd_port(std::uint16_t dport) noexcept;
void print_bfd(Context& ctx, ByteReader payload, std::uint32_t length, std::uint16_t dport);

}  // namespace rawdump::print
