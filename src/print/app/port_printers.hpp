// Small application printers that tcpdump picks by a well-known port: Telnet (TCP 23),
// TFTP (UDP 69), RIP (UDP 520), RIPng (UDP 521), BFD (UDP 3784/3785/4784/6784) and syslog (UDP 514).
// One file each; the port tests themselves live in udp_applications.cpp / tcp_applications.cpp.
#pragma once

#include <cstdint>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print {

// Each takes the payload (clipped to the capture and to the IP packet) and the length the
// transport header declares, and prints what tcpdump 4.99.3 prints after "sport > dport: "
// (for Telnet: after ", length N").

// " [telnet DO ECHO, ...]" for a segment that opens with IAC commands; nothing otherwise.
// -vvv -X lists the commands one per line beside their bytes (print-telnet.c).
void print_telnet_commands(Context& ctx, ByteReader payload, std::uint32_t length);
void print_tftp(Context& ctx, ByteReader payload, std::uint32_t length);
void print_rip(Context& ctx, ByteReader payload, std::uint32_t length);
void print_ripng(Context& ctx, ByteReader payload, std::uint32_t length);
void print_syslog(Context& ctx, ByteReader payload, std::uint32_t length);

// BFD's packet kind comes from the destination port alone (print-udp.c tests dport only).
inline constexpr std::uint16_t bfd_control_port = 3784;
inline constexpr std::uint16_t bfd_echo_port = 3785;
inline constexpr std::uint16_t bfd_multihop_port = 4784;
inline constexpr std::uint16_t bfd_lag_port = 6784;
bool is_bfd_port(std::uint16_t dport) noexcept;
void print_bfd(Context& ctx, ByteReader payload, std::uint32_t length, std::uint16_t dport);

}  // namespace rawdump::print
