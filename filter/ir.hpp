// The checked, typed meaning of a filter: what sema produces and codegen consumes. Every
// qualifier default is resolved here (e.g. `port 53` lists tcp, udp and sctp), so codegen
// never has to guess, and every value is already range-checked.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <variant>
#include <vector>

#include "filter/ir_encap.hpp"
#include "src/core/protocol_numbers.hpp"

namespace rawdump::filter::ir {

enum class Direction : std::uint8_t { Src, Dst, SrcOrDst, SrcAndDst };

// `ip`, `ip6`, `arp`, `rarp`, `ether proto N`: the link layer says what the payload is.
struct NetworkProtocol {
    EtherType type;
};

// `ether|link proto N` for an 802.2 LLC protocol: N <= 1500 (a SAP; 0xe0 = ipx), or
// atalk/aarp (also looked for in SNAP frames). Codegen picks the link's shape.
struct LlcProtocol {
    std::uint32_t number;
};

// `llc [i|s|u|rr|rnr|rej|ui|ua|disc|dm|sabme|test|xid|frmr]` (Ethernet only): an 802.2
// frame (length field, not Novell raw 802.3) whose control byte has the given format.
struct LlcFrame {
    enum class Format : std::uint8_t { Any, Information, Masked } format;
    std::uint32_t mask = 0;   // Masked: (control & mask) == value
    std::uint32_t value = 0;
};

// `decnet [dir] host|net AREA.NODE` (libpcap's gen_dnhostop): the 16-bit DECnet address
// in the routing header, short or long form, with or without a pad byte.
struct DecnetHostMatch {
    Direction direction;
    std::uint16_t address;  // (area << 10) | node
};

// `[ip|ip6] protochain N`: N anywhere in the IPv4/IPv6 header chain, as libpcap walks it
// (codegen_protochain.hpp). libpcap compiles a filter using it without optimising it.
struct Protochain {
    std::uint32_t protocol;
    bool over_ipv4;
    bool over_ipv6;
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

// ---- arithmetic relations (`tcp[13] & 2 != 0`, `len > 64`) ---------------------------------

enum class ArithOp : std::uint8_t { Or, Xor, And, Lsh, Rsh, Add, Sub, Mul, Div, Mod };
enum class RelOp : std::uint8_t { Greater, GreaterEqual, Less, LessEqual, Equal, NotEqual };

// Where a packet access's index counts from. The guard that makes the access meaningful
// (`tcp[..]` needs an IPv4 first fragment carrying TCP) is a separate predicate, ANDed in
// front of the relation by sema, as libpcap does.
enum class AccessBase : std::uint8_t {
    Link,          // ether[], link[]: the start of the frame
    Network,       // ip[], ip6[], arp[], rarp[]: the network header
    Ipv4Payload,   // tcp[], udp[], icmp[], ...: after the IPv4 header (length from IHL)
    Ipv6Payload,   // icmp6[]: right after the fixed 40-byte IPv6 header
};

struct Arith;
using ArithPtr = std::unique_ptr<Arith>;

struct ArithConstant {
    std::uint32_t value;
};
struct ArithLength {};
struct ArithLoad {
    AccessBase base;
    ArithPtr index;
    std::uint8_t size;  // 1, 2 or 4 bytes
};
struct ArithBinary {
    ArithOp op;
    ArithPtr left, right;
};
struct ArithNegate {
    ArithPtr operand;
};
struct Arith {
    std::variant<ArithConstant, ArithLength, ArithLoad, ArithBinary, ArithNegate> value;
};

struct ArithRelation {
    ArithPtr left;
    RelOp op;
    ArithPtr right;
};

// The IPv4 header's fragment offset is 0 (a first fragment or no fragment).
struct Ipv4FirstFragment {};

// The IPv6 next-header field itself (no look through extension headers), for icmp6[].
struct Ipv6NextHeader {
    IpProto protocol;
};

// A predicate decided at compile time (`1 = 1`).
struct Constant {
    bool value;
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
    using Value = std::variant<NetworkProtocol, LlcProtocol, TransportProtocol, PortMatch,
                               PortRangeMatch, Ipv4HostMatch, Ipv6HostMatch, EthernetAddressMatch,
                               EthernetMulticast, IpMulticast, PacketLength, ArithRelation,
                               Ipv4FirstFragment, Ipv6NextHeader, Constant, And, Or, Not, Vlan,
                               Mpls, Pppoe, Geneve, PacketDirection, InterfaceIndex, Protochain,
                               LlcFrame, DecnetHostMatch>;
    Value value;

    explicit Node(Value alternative) : value(std::move(alternative)) {}
    Node(Node&&) = default;
    Node& operator=(Node&&) = default;
    // Iterative: `a or b or c ...` is a left-deep tree as deep as it has terms (tens of
    // thousands in generated filters), too deep for the default recursive destruction.
    ~Node() {
        std::vector<NodePtr> pending;
        auto detach_children = [&pending](Node& node) {
            if (auto* both = std::get_if<And>(&node.value)) {
                pending.push_back(std::move(both->left));
                pending.push_back(std::move(both->right));
            } else if (auto* either = std::get_if<Or>(&node.value)) {
                pending.push_back(std::move(either->left));
                pending.push_back(std::move(either->right));
            } else if (auto* negated = std::get_if<Not>(&node.value)) {
                pending.push_back(std::move(negated->operand));
            }
        };
        detach_children(*this);
        while (!pending.empty()) {
            NodePtr node = std::move(pending.back());
            pending.pop_back();
            if (node) detach_children(*node);
        }  // each node is destroyed childless
    }
};

template <typename T>
NodePtr make(T value) {
    return std::make_unique<Node>(Node::Value{std::move(value)});
}

template <typename T>
ArithPtr make_arith(T value) {
    return std::make_unique<Arith>(Arith{std::move(value)});
}

}  // namespace rawdump::filter::ir
