// The parse tree of a pcap-filter expression, as Boost.Spirit X3 builds it. Every node that
// can be blamed in an error message is position_tagged, so sema can point a caret at it.
//
// The tree mirrors libpcap's grammar (grammar.y) rather than its meaning: qualifier carry-over
// ("host a or b"), defaults and range checks are sema's job, which keeps this file free of
// policy. The shape already covers the whole language's skeleton; constructs that are parsed
// but not implemented yet (gateway, protochain, vlan, relations, ...) are refused by sema
// with their span.
#pragma once

#include <boost/optional.hpp>
#include <boost/spirit/home/x3/support/ast/position_tagged.hpp>
#include <boost/spirit/home/x3/support/ast/variant.hpp>

#include <cstdint>
#include <list>
#include <string>

namespace rawdump::filter::ast {

namespace x3 = boost::spirit::x3;

// ---- qualifiers: [proto] [dir] [type] -------------------------------------------------------

enum class Proto : std::uint8_t {
    Ether, Ip, Ip6, Arp, Rarp, Tcp, Udp, Sctp, Icmp, Icmp6, Igmp, Igrp, Pim, Vrrp, Carp, Ah,
    Esp, Atalk, Aarp, Decnet, Lat, Sca, Mopdl, Moprc, Iso, Esis, Isis, Clnp, Stp, Ipx,
    Netbeui, Radio, L1, L2, Iih, Lsp, Snp, Csnp, Psnp,
};

enum class Dir : std::uint8_t { Src, Dst, SrcOrDst, SrcAndDst, Addr1, Addr2, Addr3, Addr4, Ra, Ta };

enum class Kind : std::uint8_t { Host, Net, Port, Portrange, Gateway, Proto, Protochain };

struct ProtoQualifier : x3::position_tagged {
    Proto value{};
};
struct DirQualifier : x3::position_tagged {
    Dir value{};
};
struct KindQualifier : x3::position_tagged {
    Kind value{};
};

// At least one of dir/kind is present (a lone protocol name is a ProtoAbbrev instead).
struct Head : x3::position_tagged {
    boost::optional<ProtoQualifier> proto;
    boost::optional<DirQualifier> dir;
    boost::optional<KindQualifier> kind;
};

// ---- ids: the value a primitive is about ---------------------------------------------------

enum class ValueForm : std::uint8_t {
    Number,  // 53, 0x35, 065
    Ipv4,    // dotted: 10.0.0.1, also partial 10.1 (for net)
    Ipv6,    // contains ':'
    Mac,     // aa:bb:cc:dd:ee:ff, aa-bb-..., aabb.ccdd.eeff
    Range,   // 1000-2000 (portrange; a range of names such as ftp-ssh scans as a Name)
    Name,    // host/port/protocol name, or a \keyword
};

// One literal with its optional "/len" or "mask M" suffix (net only), kept as text: sema
// interprets it so it can report errors with the literal's exact span.
struct Value : x3::position_tagged {
    ValueForm form{};
    std::string text;
    std::string suffix;  // "" or "/24" or "mask 255.0.0.0" (verbatim)
};

struct IdNot;
struct IdGroup;
using IdOperand = x3::variant<Value, x3::forward_ast<IdNot>, x3::forward_ast<IdGroup>>;

enum class Connective : std::uint8_t { And, Or };

struct IdTail : x3::position_tagged {
    Connective op{};
    IdOperand operand;
};

// "(a or b and not c)" after a head: ids joined left to right, all carrying the head's
// qualifiers (libpcap's `pid`).
struct IdGroup : x3::position_tagged {
    IdOperand first;
    std::list<IdTail> rest;
};

struct IdNot : x3::position_tagged {
    IdOperand operand;
};

// ---- terms ---------------------------------------------------------------------------------

// `[proto] [dir] [kind] id`
struct Primitive : x3::position_tagged {
    Head head;
    IdOperand id;
};

// A protocol name on its own: `tcp`, `ip6`.
struct ProtoAbbrev : x3::position_tagged {
    Proto proto{};
};

// Keyword primitives other than qualified ids (`vlan 100`, `less 64`, `broadcast`,
// `inbound`, ...). None is implemented yet; sema names the keyword when refusing it.
struct Other : x3::position_tagged {
    std::string keyword;
    boost::optional<Value> argument;
};

// ---- arithmetic: `arith relop arith` ---------------------------------------------------------

// A number or a named constant (`tcpflags`, `tcp-syn`, `icmp-echo`), resolved by sema.
struct ArithValue : x3::position_tagged {
    std::string text;
};

// `len` / `length`: the packet's wire length.
struct ArithLength : x3::position_tagged {
    std::string keyword;
};

struct ArithChain;
struct ArithNegate;
struct PacketAccess;
using ArithOperand = x3::variant<ArithValue, ArithLength, x3::forward_ast<PacketAccess>,
                                 x3::forward_ast<ArithNegate>, x3::forward_ast<ArithChain>>;

enum class ArithOp : std::uint8_t { Or, Xor, And, Lsh, Rsh, Add, Sub, Mul, Div, Mod };

struct ArithStep : x3::position_tagged {
    ArithOp op{};
    ArithOperand operand;
};

// One precedence level: operands joined left to right by that level's operators (a nested
// chain is a higher-precedence level or a parenthesised expression).
struct ArithChain : x3::position_tagged {
    ArithOperand first;
    std::list<ArithStep> rest;
};

struct ArithNegate : x3::position_tagged {
    ArithOperand operand;
};

// `proto[index]` or `proto[index:size]`.
struct PacketAccess : x3::position_tagged {
    ProtoQualifier proto;
    ArithChain index;
    boost::optional<ArithValue> size;
};

enum class RelOp : std::uint8_t { Greater, GreaterEqual, Less, LessEqual, Equal, NotEqual };

struct Relation : x3::position_tagged {
    ArithChain left;
    RelOp op{};
    ArithChain right;
};

struct Expr;
struct Not;
using Term = x3::variant<Primitive, ProtoAbbrev, Other, Relation, x3::forward_ast<Not>,
                         x3::forward_ast<Expr>>;

struct Not : x3::position_tagged {
    Term operand;
};

// After `and`/`or` libpcap also accepts a bare id that inherits the qualifiers of the term
// before it: `tcp port 22 or 80`.
using Operand = x3::variant<Term, IdOperand>;

struct Tail : x3::position_tagged {
    Connective op{};
    Operand operand;
};

// `and`/`or` have equal precedence and group to the left.
struct Expr : x3::position_tagged {
    Term first;
    std::list<Tail> rest;
};

}  // namespace rawdump::filter::ast
