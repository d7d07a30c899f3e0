// Semantic analysis. Qualifier carry-over follows libpcap's grammar actions exactly: a bare id
// after and/or takes the qualifiers of the term just before it; `not term` passes its
// operand's qualifiers on; a parenthesised expression passes on whatever came before the
// parenthesis; a lone protocol name, a relation or a keyword primitive passes on none, so
// `tcp or 80` is an error, as in libpcap.
#include "filter/sema.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "filter/addresses.hpp"
#include "filter/ast_print.hpp"

namespace rawdump::filter {
namespace {

using ast::Kind;
using ast::Proto;

// The qualifiers a bare id inherits; `usable` is false after terms that have none.
struct Qualifiers {
    bool usable = false;
    const ast::Head* head = nullptr;
};

struct Failure {
    Diagnostic diagnostic;
};

class Analyser {
public:
    Analyser(const SourcePositions& positions, const SemaOptions& options)
        : positions_(positions), options_(options) {}

    // Throws Failure (caught in analyse()) so the recursive walk stays readable.
    ir::NodePtr expression(const ast::Expr& expr, Qualifiers before, Qualifiers& after) {
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

private:
    const SourcePositions& positions_;
    const SemaOptions& options_;

    [[noreturn]] void fail(SourceSpan span, std::string message) {
        throw Failure{Diagnostic{span.offset, span.length, std::move(message)}};
    }
    SourceSpan span(const ast::x3::position_tagged& node) const { return positions_.span_of(node); }

    SourceSpan span_of_id(const ast::IdOperand& operand) const {
        return boost::apply_visitor(
            [&](const auto& node) -> SourceSpan {
                using T = std::decay_t<decltype(node)>;
                if constexpr (std::is_same_v<T, ast::Value>) return span(node);
                else return span(node.get());
            },
            operand);
    }

    ir::NodePtr term(const ast::Term& node, Qualifiers before, Qualifiers& after) {
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
                    fail(span(alternative),
                         fmt::format("'{}' is not supported yet", alternative.keyword));
                } else if constexpr (std::is_same_v<T, ast::Relation>) {
                    fail(span(alternative),
                         "arithmetic relations and packet data access are not supported yet");
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

    ir::NodePtr protocol(const ast::ProtoAbbrev& abbrev) {
        switch (abbrev.proto) {
            case Proto::Ip: return ir::make(ir::NetworkProtocol{ir::EtherType::Ipv4});
            case Proto::Ip6: return ir::make(ir::NetworkProtocol{ir::EtherType::Ipv6});
            case Proto::Arp: return ir::make(ir::NetworkProtocol{ir::EtherType::Arp});
            case Proto::Rarp: return ir::make(ir::NetworkProtocol{ir::EtherType::Rarp});
            case Proto::Tcp: return ir::make(ir::TransportProtocol{ir::IpProto::Tcp, true, true});
            case Proto::Udp: return ir::make(ir::TransportProtocol{ir::IpProto::Udp, true, true});
            case Proto::Sctp: return ir::make(ir::TransportProtocol{ir::IpProto::Sctp, true, true});
            case Proto::Icmp: return ir::make(ir::TransportProtocol{ir::IpProto::Icmp, true, false});
            case Proto::Icmp6:
                return ir::make(ir::TransportProtocol{ir::IpProto::Icmp6, false, true});
            default:
                fail(span(abbrev), fmt::format("'{}' is not supported yet", ast::name_of(abbrev.proto)));
        }
    }

    // An id (value, `not id` or parenthesised id list) under the given qualifiers.
    ir::NodePtr id(const ast::Head& head, const ast::IdOperand& operand) {
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

    ir::Direction direction(const ast::Head& head) {
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

    ir::NodePtr value(const ast::Head& head, const ast::Value& value) {
        const Kind kind = head.kind ? head.kind->value : Kind::Host;
        switch (kind) {
            case Kind::Host: return host(head, value);
            case Kind::Port: return port(head, value);
            default: {
                const SourceSpan where = span(*head.kind);
                fail(where, fmt::format("'{}' is not supported yet", ast::name_of(kind)));
            }
        }
    }

    ir::NodePtr host(const ast::Head& head, const ast::Value& value) {
        const ir::Direction dir = direction(head);
        if (!value.suffix.empty())
            fail(span(value), fmt::format("address masks ('{}') are not supported yet", value.suffix));
        const std::optional<Proto> proto =
            head.proto ? std::optional<Proto>{head.proto->value} : std::nullopt;
        auto modifier_error = [&](std::string_view host_kind) {
            fail(span(*head.proto), fmt::format("'{}' modifier applied to {}",
                                                ast::name_of(*proto), host_kind));
        };

        switch (value.form) {
            case ast::ValueForm::Ipv4:
            case ast::ValueForm::Number: {
                // libpcap takes a bare number as the 32-bit address itself: host 22 = 0.0.0.22.
                const auto address = value.form == ast::ValueForm::Number
                                         ? parse_number(value.text)
                                         : parse_ipv4(value.text);
                if (!address) {
                    if (value.form == ast::ValueForm::Number)
                        fail(span(value), fmt::format("number {} overflows 32 bits", value.text));
                    if (std::count(value.text.begin(), value.text.end(), '.') < 3)
                        fail(span(value), fmt::format("partial IPv4 addresses ('{}') are not "
                                                      "supported yet", value.text));
                    fail(span(value), fmt::format("invalid IPv4 address '{}'", value.text));
                }
                std::vector<ir::EtherType> carriers;
                if (!proto) carriers = {ir::EtherType::Ipv4, ir::EtherType::Arp, ir::EtherType::Rarp};
                else if (*proto == Proto::Ip) carriers = {ir::EtherType::Ipv4};
                else if (*proto == Proto::Arp) carriers = {ir::EtherType::Arp};
                else if (*proto == Proto::Rarp) carriers = {ir::EtherType::Rarp};
                else if (*proto == Proto::Ip6) modifier_error("ip host");
                else modifier_error("host");
                return ir::make(ir::Ipv4HostMatch{std::move(carriers), dir, *address});
            }
            case ast::ValueForm::Ipv6: {
                const auto address = parse_ipv6(value.text);
                if (!address) fail(span(value), fmt::format("invalid IPv6 address '{}'", value.text));
                if (proto && *proto != Proto::Ip6) {
                    if (*proto == Proto::Ip || *proto == Proto::Arp || *proto == Proto::Rarp)
                        modifier_error("ip6 host");
                    modifier_error("host");
                }
                return ir::make(ir::Ipv6HostMatch{dir, *address});
            }
            case ast::ValueForm::Mac:
                fail(span(value), "Ethernet addresses ('ether host') are not supported yet");
            case ast::ValueForm::Range:
                fail(span(value), fmt::format("'{}' is not a host address", value.text));
            case ast::ValueForm::Name:
                fail(span(value), fmt::format("host names ('{}') are not supported yet; use an "
                                              "address", value.text));
        }
        fail(span(value), "unexpected host value");
    }

    ir::NodePtr port(const ast::Head& head, const ast::Value& value) {
        const ir::Direction dir = direction(head);
        std::vector<ir::IpProto> protocols;
        const std::optional<Proto> proto =
            head.proto ? std::optional<Proto>{head.proto->value} : std::nullopt;
        if (!proto) protocols = {ir::IpProto::Sctp, ir::IpProto::Tcp, ir::IpProto::Udp};
        else if (*proto == Proto::Tcp) protocols = {ir::IpProto::Tcp};
        else if (*proto == Proto::Udp) protocols = {ir::IpProto::Udp};
        else if (*proto == Proto::Sctp) protocols = {ir::IpProto::Sctp};
        else fail(span(*head.proto), fmt::format("illegal qualifier of 'port': '{}'", ast::name_of(*proto)));

        if (!value.suffix.empty()) fail(span(value), "a port number takes no '/len' or 'mask'");
        switch (value.form) {
            case ast::ValueForm::Number: {
                const auto number = parse_number(value.text);
                if (!number) fail(span(value), fmt::format("number {} overflows 32 bits", value.text));
                if (*number > 65535)
                    fail(span(value),
                         fmt::format("port number {} greater than maximum 65535", *number));
                return ir::make(ir::PortMatch{std::move(protocols), dir,
                                              static_cast<std::uint16_t>(*number)});
            }
            case ast::ValueForm::Name: return named_port(head, value, std::move(protocols), dir);
            default:
                fail(span(value), fmt::format("'{}' is not a port number or name", value.text));
        }
    }

    // libpcap's pcap_nametoport() rules: a name known for both tcp and udp with the same
    // number means "any of sctp/tcp/udp"; known for one transport only restricts to it.
    ir::NodePtr named_port(const ast::Head& head, const ast::Value& value,
                           std::vector<ir::IpProto> protocols, ir::Direction dir) {
        const std::string name =
            value.text.starts_with("\\") ? value.text.substr(1) : value.text;
        if (!options_.resolve_port)
            fail(span(value), fmt::format("port names ('{}') are not supported here; use a number", name));
        const ServicePorts ports = options_.resolve_port(name);
        if (!ports.tcp && !ports.udp) fail(span(value), fmt::format("unknown port '{}'", name));

        const std::uint16_t number = ports.tcp ? *ports.tcp : *ports.udp;
        std::optional<ir::IpProto> only;
        if (ports.tcp && !(ports.udp && *ports.udp == *ports.tcp)) only = ir::IpProto::Tcp;
        if (!ports.tcp) only = ir::IpProto::Udp;

        if (head.proto && only) {
            if (protocols.front() != *only)  // e.g. `udp port ssh`
                fail(span(value), fmt::format("port '{}' is {}", name,
                                              *only == ir::IpProto::Tcp ? "tcp" : "udp"));
        } else if (only) {
            protocols = {*only};
        }
        return ir::make(ir::PortMatch{std::move(protocols), dir, number});
    }
};

}  // namespace

Expected<ir::NodePtr, Diagnostic> analyse(const ParsedExpression& parsed, const SemaOptions& options) {
    try {
        Analyser analyser(parsed.positions, options);
        Qualifiers after;
        return analyser.expression(parsed.tree, Qualifiers{}, after);
    } catch (Failure& failure) {
        return Unexpected{std::move(failure.diagnostic)};
    }
}

}  // namespace rawdump::filter
