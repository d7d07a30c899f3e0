// Semantic analysis. Qualifier carry-over follows libpcap's grammar actions exactly: a bare id
// after and/or takes the qualifiers of the term just before it; `not term` passes its
// operand's qualifiers on; a parenthesised expression passes on whatever came before the
// parenthesis; a lone protocol name, a relation or a keyword primitive passes on none, so
// `tcp or 80` is an error, as in libpcap.
#include "filter/sema.hpp"

#include <fmt/format.h>

#include "filter/ast_print.hpp"
#include "filter/sema_analyser.hpp"

namespace rawdump::filter {
namespace sema_detail {

using ast::Kind;
using ast::Proto;

// Throws Failure (caught in analyse()) so the recursive walk stays readable.
ir::NodePtr Analyser::expression(const ast::Expr& expr, Qualifiers before, Qualifiers& after) {
    Qualifiers current;
    ir::NodePtr result = term(expr.first, before, current);
    for (const auto& tail : expr.rest) {
        Qualifiers next;
        ir::NodePtr right = boost::apply_visitor(
            [&](const auto& operand) -> ir::NodePtr {
                using T = std::decay_t<decltype(operand)>;
                if constexpr (std::is_same_v<T, ast::Term>) {
                    return term(operand, current, next);
                } else {
                    if (!current.usable)
                        fail(span_of_id(operand),
                             "syntax error in filter expression: this id has no qualifier to "
                             "inherit (write e.g. 'host ID' or 'port ID')");
                    next = current;
                    return id(*current.head, operand);
                }
            },
            tail.operand);
        result = tail.op == ast::Connective::And
                     ? ir::make(ir::And{std::move(result), std::move(right)})
                     : ir::make(ir::Or{std::move(result), std::move(right)});
        current = next;
    }
    after = current;
    return result;
}

SourceSpan Analyser::span_of_id(const ast::IdOperand& operand) const {
    return boost::apply_visitor(
        [&](const auto& node) -> SourceSpan {
            using T = std::decay_t<decltype(node)>;
            if constexpr (std::is_same_v<T, ast::Value>) return span(node);
            else return span(node.get());
        },
        operand);
}

ir::NodePtr Analyser::term(const ast::Term& node, Qualifiers before, Qualifiers& after) {
    return boost::apply_visitor(
        [&](const auto& alternative) -> ir::NodePtr {
            using T = std::decay_t<decltype(alternative)>;
            if constexpr (std::is_same_v<T, ast::Primitive>) {
                after = Qualifiers{true, &alternative.head};
                return id(alternative.head, alternative.id);
            } else if constexpr (std::is_same_v<T, ast::ProtoAbbrev>) {
                after = {};
                return protocol(alternative);
            } else if constexpr (std::is_same_v<T, ast::Other>) {
                after = {};
                return other(alternative);
            } else if constexpr (std::is_same_v<T, ast::Relation>) {
                after = {};
                return relation(alternative);
            } else if constexpr (std::is_same_v<T, ast::x3::forward_ast<ast::Not>>) {
                return ir::make(ir::Not{term(alternative.get().operand, before, after)});
            } else {
                Qualifiers inner;
                ir::NodePtr result = expression(alternative.get(), before, inner);
                after = before;
                return result;
            }
        },
        node);
}

ir::NodePtr Analyser::protocol(const ast::ProtoAbbrev& abbrev) {
    switch (abbrev.proto) {
        case Proto::Ip: return ir::make(ir::NetworkProtocol{EtherType::Ipv4});
        case Proto::Ip6: return ir::make(ir::NetworkProtocol{EtherType::Ipv6});
        case Proto::Arp: return ir::make(ir::NetworkProtocol{EtherType::Arp});
        case Proto::Rarp: return ir::make(ir::NetworkProtocol{EtherType::ReverseArp});
        case Proto::Tcp: return ir::make(ir::TransportProtocol{IpProto::Tcp, true, true});
        case Proto::Udp: return ir::make(ir::TransportProtocol{IpProto::Udp, true, true});
        case Proto::Sctp: return ir::make(ir::TransportProtocol{IpProto::Sctp, true, true});
        case Proto::Icmp: return ir::make(ir::TransportProtocol{IpProto::Icmp, true, false});
        case Proto::Icmp6:
            return ir::make(ir::TransportProtocol{IpProto::Icmpv6, false, true});
        // libpcap's gen_proto_abbrev: igmp, igrp, vrrp and carp are IPv4 only.
        case Proto::Igmp: return ir::make(ir::TransportProtocol{IpProto::Igmp, true, false});
        case Proto::Igrp: return ir::make(ir::TransportProtocol{IpProto::Igrp, true, false});
        case Proto::Vrrp:
        case Proto::Carp: return ir::make(ir::TransportProtocol{IpProto::Vrrp, true, false});
        case Proto::Pim: return ir::make(ir::TransportProtocol{IpProto::Pim, true, true});
        case Proto::Ah: return ir::make(ir::TransportProtocol{IpProto::Ah, true, true});
        case Proto::Esp: return ir::make(ir::TransportProtocol{IpProto::Esp, true, true});
        // gen_linktype() of an EtherType or 802.2 SAP, as `ether proto \NAME` (LLC shapes
        // for the SAPs and for atalk/aarp, which are also looked for in SNAP frames).
        case Proto::Iso: return ir::make(ir::LlcProtocol{0xfe});
        case Proto::Stp: return ir::make(ir::LlcProtocol{0x42});
        case Proto::Ipx: return ir::make(ir::LlcProtocol{0xe0});
        case Proto::Netbeui: return ir::make(ir::LlcProtocol{0xf0});
        case Proto::Atalk: return ir::make(ir::LlcProtocol{0x809b});
        case Proto::Aarp: return ir::make(ir::LlcProtocol{0x80f3});
        case Proto::Decnet: return ir::make(ir::NetworkProtocol{static_cast<EtherType>(0x6003)});
        case Proto::Lat: return ir::make(ir::NetworkProtocol{static_cast<EtherType>(0x6004)});
        case Proto::Sca: return ir::make(ir::NetworkProtocol{static_cast<EtherType>(0x6007)});
        case Proto::Mopdl: return ir::make(ir::NetworkProtocol{static_cast<EtherType>(0x6001)});
        case Proto::Moprc: return ir::make(ir::NetworkProtocol{static_cast<EtherType>(0x6002)});
        case Proto::Clnp: case Proto::Esis: case Proto::Isis: case Proto::L1: case Proto::L2:
        case Proto::Iih: case Proto::Lsp: case Proto::Snp: case Proto::Csnp: case Proto::Psnp:
            return std::move(*osi_abbreviation(abbrev.proto));
        default:
            fail(span(abbrev), fmt::format("'{}' is not supported yet", ast::name_of(abbrev.proto)));
    }
}

// An id (value, `not id` or parenthesised id list) under the given qualifiers.
ir::NodePtr Analyser::id(const ast::Head& head, const ast::IdOperand& operand) {
    return boost::apply_visitor(
        [&](const auto& node) -> ir::NodePtr {
            using T = std::decay_t<decltype(node)>;
            if constexpr (std::is_same_v<T, ast::Value>) {
                return value(head, node);
            } else if constexpr (std::is_same_v<T, ast::x3::forward_ast<ast::IdNot>>) {
                return ir::make(ir::Not{id(head, node.get().operand)});
            } else {
                const ast::IdGroup& group = node.get();
                ir::NodePtr result = id(head, group.first);
                for (const auto& tail : group.rest) {
                    ir::NodePtr right = id(head, tail.operand);
                    result = tail.op == ast::Connective::And
                                 ? ir::make(ir::And{std::move(result), std::move(right)})
                                 : ir::make(ir::Or{std::move(result), std::move(right)});
                }
                return result;
            }
        },
        operand);
}

ir::Direction Analyser::direction(const ast::Head& head) {
    if (!head.dir) return ir::Direction::SrcOrDst;
    switch (head.dir->value) {
        case ast::Dir::Src: return ir::Direction::Src;
        case ast::Dir::Dst: return ir::Direction::Dst;
        case ast::Dir::SrcOrDst: return ir::Direction::SrcOrDst;
        case ast::Dir::SrcAndDst: return ir::Direction::SrcAndDst;
        default:
            fail(span(*head.dir), fmt::format("'{}' is only valid for 802.11 and is not supported",
                                              ast::name_of(head.dir->value)));
    }
}

ir::NodePtr Analyser::value(const ast::Head& head, const ast::Value& value) {
    const Kind kind = head.kind ? head.kind->value : Kind::Host;
    switch (kind) {
        case Kind::Host: return address(head, value, AddressKind::Host);
        case Kind::Net: return address(head, value, AddressKind::Net);
        case Kind::Port: return port(head, value);
        case Kind::Portrange: return port_range(head, value);
        case Kind::Proto: return protocol_number(head, value);
        case Kind::Protochain: return protochain(head, value);
        // libpcap needs the gateway's Ethernet address from /etc/ethers; this build of it
        // (and rawdump) refuse the primitive.
        case Kind::Gateway:
            fail(span(*head.kind), "'gateway' not supported in this configuration");
        default: {
            const SourceSpan where = span(*head.kind);
            fail(where, fmt::format("'{}' is not supported yet", ast::name_of(kind)));
        }
    }
}

}  // namespace sema_detail

Expected<ir::NodePtr, Diagnostic> analyse(const ParsedExpression& parsed, const SemaOptions& options) {
    using sema_detail::Analyser;
    using sema_detail::Failure;
    using sema_detail::Qualifiers;
    try {
        Analyser analyser(parsed.positions, options);
        Qualifiers after;
        return analyser.expression(parsed.tree, Qualifiers{}, after);
    } catch (Failure& failure) {
        return Unexpected{std::move(failure.diagnostic)};
    }
}

}  // namespace rawdump::filter
