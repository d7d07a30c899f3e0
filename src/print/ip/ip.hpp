// IPv4 / IPv6 printers and what they hand to the transport printers.
#pragma once

#include <cstdint>

#include "src/print/base/address.hpp"
#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print {

// The network-layer facts a transport printer needs: addresses (for the line and the
// pseudo-header), the protocol and the transport length the IP header declares.
struct IpInfo {
    int version = 4;
    Ipv4Address src4, dst4;
    Ipv6Address src6, dst6;
    Ipv6Address checksum_dst6;    // dst6, or the final hop of a routing header
    std::uint8_t protocol = 0;
    // The protocol field of the IP header itself. When it differs from `protocol`, extension
    // headers came between and the addresses are already on the line: TCP and UDP then print
    // only their ports.
    std::uint8_t header_protocol = 0;
    std::uint32_t length = 0;     // transport length from the IP header (not what was captured)
    bool fragmented = false;      // checksums cannot be verified on a fragment
    std::uint8_t ttl = 0;         // TTL or hop limit (VRRP shows one that is not 255)

    // "192.0.2.1 > 198.51.100.7" (names unless -n).
    void print_addresses(Context& ctx) const;
    // "192.0.2.1.40000 > 198.51.100.7.9999: ", or "40000 > 9999: " after extension headers.
    void print_endpoints(Context& ctx, std::uint16_t sport, std::uint16_t dport, bool tcp) const;
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
