// The other line-oriented protocols of tcp_print's port chain (HTTP has its own file):
// FTP, SMTP and WHOIS, whose every payload is text, RTSP, which is HTTP-like, and SSH,
// whose only text is the version line that opens a connection; and SIP, udp_print's one.
#pragma once

#include <cstdint>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print {

// Each prints ": NAME..." after "length N", as tcpdump does.
void print_ftp(Context& ctx, ByteReader payload, std::uint32_t length);
void print_smtp(Context& ctx, ByteReader payload, std::uint32_t length);
void print_whois(Context& ctx, ByteReader payload, std::uint32_t length);
void print_rtsp(Context& ctx, ByteReader payload, std::uint32_t length);
// SIP over UDP 5060 (tcpdump 4.99.3 decodes it on UDP only): "SIP: INVITE ..." right after
// the ports, like a UDP printer, not after a ": ".
inline constexpr std::uint16_t sip_port = 5060;
void print_sip(Context& ctx, ByteReader payload, std::uint32_t length);
// ": SSH: SSH-2.0-..." for a whole version line; nothing for anything else.
void print_ssh(Context& ctx, ByteReader payload, std::uint32_t length);

}  // namespace rawdump::print
