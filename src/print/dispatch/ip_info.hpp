// IpInfo: what the network layer hands up to the printers above it (transport, ICMP, IGMP,
// the application dispatch). It lives in dispatch/, not ip/, because it is the contract of
// print_ip_payload: the IP printers fill it in and the transport and application printers
// read it, so both sides include dispatch/ and no printer has to include a sibling layer.
#pragma once

#include <cstdint>

#include "src/print/base/address.hpp"
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

}  // namespace rawdump::print
