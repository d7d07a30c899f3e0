// DNS printer (tcpdump 4.99.3 print-domain.c domain_print): one DNS message, as the UDP and
// TCP port dispatchers (ports 53 and 5353, or any port with -T domain) hand it over.
#pragma once

#include <cstdint>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print {

enum class DnsTransport : std::uint8_t {
    Udp,  // the message fills the datagram
    Tcp,  // RFC 1035 4.2.2: a 16-bit length prefix comes first
};

enum class DnsFlavor : std::uint8_t {
    Unicast,
    Multicast,  // mDNS (RFC 6762): the top class bit means QU (questions) / cache flush (records)
};

constexpr std::uint16_t dns_port = 53;
constexpr std::uint16_t mdns_port = 5353;  // UDP only: tcpdump has no mDNS over TCP

// Whether tcpdump's tcp_print reaches its DNS test for these ports: port 53 on either side,
// and neither port one it tests earlier (telnet, SMTP, WHOIS, BGP, PPTP, RESP, SSH, BEEP,
// OpenFlow, FTP, HTTP, RTSP), whether or not rawdump decodes that protocol.
bool dns_claims_tcp_ports(std::uint16_t sport, std::uint16_t dport) noexcept;

// `payload`: the transport payload, clipped to the capture; `length`: the payload length the
// transport header declares (printed as "(N)" and checked against the TCP prefix).
void print_dns(Context& ctx, ByteReader payload, std::uint32_t length, DnsTransport transport,
               DnsFlavor flavor);

}  // namespace rawdump::print
