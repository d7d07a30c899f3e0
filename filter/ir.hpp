// The checked, typed meaning of a filter: what sema produces and codegen consumes. Every
// qualifier default is resolved here (e.g. `port 53` lists tcp, udp and sctp), so codegen
// never has to guess, and every value is already range-checked.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <variant>
#include <vector>

namespace rawdump::filter::ir {

// The link layer's protocol field. 32 bits wide because libpcap takes `ether proto 70000`
// (which never matches the 16-bit field) rather than refusing it.
enum class EtherType : std::uint32_t {
    Ipv4 = 0x0800,
    Arp = 0x0806,
    Rarp = 0x8035,
    Ipv6 = 0x86dd,
};

// IPv4 protocol / IPv6 next header numbers. The named ones are those primitives imply; any
// other number can appear through `ip proto N` (32 bits wide because libpcap accepts
// `ip proto 256`, which simply never matches the 8-bit field).
enum class IpProto : std::uint32_t {
    Icmp = 1,
    Tcp = 6,
    Udp = 17,
    Icmp6 = 58,
    Sctp = 132,
};

enum class Direction : std::uint8_t { Src, Dst, SrcOrDst, SrcAndDst };

// `ip`, `ip6`, `arp`, `rarp`, `ether proto N`: the link layer says what the payload is.
struct NetworkProtocol {
    EtherType type;
};

// `tcp`, `udp`, `icmp`, `[ip|ip6] proto N`: an IPv4 protocol and/or IPv6 next header (IPv6
// also looks one fragment header deep, as libpcap does).
struct TransportProtocol {
    IpProto protocol;
    bool over_ipv4;
    bool over_ipv6;
};

// `[tcp|udp|sctp] [dir] port N` over IPv4 (first fragments only) and IPv6.
struct PortMatch {
    std::vector<IpProto> protocols;  // in the order libpcap tests them
    Direction direction;
    std::uint16_t port;
};

// `[tcp|udp|sctp] [dir] portrange LOW-HIGH`, same shape as PortMatch with a range test.
struct PortRangeMatch {
    std::vector<IpProto> protocols;
    Direction direction;
    std::uint16_t low;
    std::uint16_t high;  // low <= high (sema swaps a reversed range, as libpcap does)
};

// `[ip|arp|rarp] [dir] host|net A.B.C.D[/len]`; without a protocol the address is also
// looked for in ARP and RARP sender/target fields, as libpcap does. A host has an all-ones
// mask; the address has no bits outside the mask (sema checks).
struct Ipv4HostMatch {
    std::vector<EtherType> carriers;
    Direction direction;
    std::uint32_t address;
    std::uint32_t mask = 0xffffffff;
};

struct Ipv6HostMatch {
    Direction direction;
    std::array<std::uint8_t, 16> address;
    std::array<std::uint8_t, 16> mask;
};

// `ether [dir] host MAC`, `ether broadcast` (dst ff:ff:ff:ff:ff:ff).
struct EthernetAddressMatch {
    Direction direction;
    std::array<std::uint8_t, 6> address;
};

// `ether multicast`: the group bit of the destination address.
struct EthernetMulticast {};

// `ip multicast` (224.0.0.0/4 and up, as libpcap tests it) and `ip6 multicast` (ff00::/8).
struct IpMulticast {
    bool ipv6;
};

// `less N` (length <= N) and `greater N` (length >= N) on the original packet length.
struct PacketLength {
    bool at_least;  // greater
    std::uint32_t length;
};

struct Node;
using NodePtr = std::unique_ptr<Node>;

struct And {
    NodePtr left, right;
};
struct Or {
    NodePtr left, right;
};
struct Not {
    NodePtr operand;
};

struct Node {
    std::variant<NetworkProtocol, TransportProtocol, PortMatch, PortRangeMatch, Ipv4HostMatch,
                 Ipv6HostMatch, EthernetAddressMatch, EthernetMulticast, IpMulticast,
                 PacketLength, And, Or, Not>
        value;
};

template <typename T>
NodePtr make(T value) {
    return std::make_unique<Node>(Node{std::move(value)});
}

}  // namespace rawdump::filter::ir
