// IPv4 / IPv6 printers and what they hand to the transport printers.
#pragma once

#include <cstdint>

#include "src/print/address.hpp"
#include "src/print/byte_reader.hpp"
#include "src/print/context.hpp"

namespace rawdump::print {

// The network-layer facts a transport printer needs: addresses (for the line and the
// pseudo-header), the protocol and the transport length the IP header declares.
struct IpInfo {
    int version = 4;
    Ipv4Address src4, dst4;
    Ipv6Address src6, dst6;
    std::uint8_t protocol = 0;
    std::uint32_t length = 0;     // transport length from the IP header (not what was captured)
    bool fragmented = false;      // checksums cannot be verified on a fragment

    // "192.0.2.1 > 198.51.100.7" (names unless -n).
    void print_addresses(Context& ctx) const;
    // Pseudo-header sum for TCP/UDP/ICMPv6 checksums over `length` bytes.
    std::uint32_t pseudo_sum(std::uint8_t proto, std::uint32_t length) const noexcept;
    // Compares addresses byte-wise (tcpdump's memcmp(src, dst)).
    int compare_addresses() const noexcept;
};

// `packet` starts at the IP header; `length` is the on-wire length from there on.
void print_ipv4(Context& ctx, ByteReader packet, std::uint32_t length);
void print_ipv6(Context& ctx, ByteReader packet, std::uint32_t length);
// The transport layer (ip_demux_print): `payload` is narrowed to the IP datagram.
void print_ip_payload(Context& ctx, ByteReader payload, const IpInfo& ip);

}  // namespace rawdump::print
