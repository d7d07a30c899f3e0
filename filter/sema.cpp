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
#include "filter/protocol_names.hpp"

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
            case Kind::Portrange: return port_range(head, value);
            case Kind::Proto: return protocol_number(head, value);
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

    // `[ip|ip6|ether|link] proto N|name`. Without a qualifier, IPv4 or IPv6 (libpcap's
    // gen_proto with Q_DEFAULT).
    ir::NodePtr protocol_number(const ast::Head& head, const ast::Value& value) {
        if (head.dir)
            fail(span(*head.dir), fmt::format("syntax error in filter expression: '{}' cannot "
                                              "qualify 'proto'", ast::name_of(head.dir->value)));
        const Proto proto = head.proto ? head.proto->value : Proto::Ip;  // Ip stands for "any IP"
        const bool link = proto == Proto::Ether;
        if (proto == Proto::Arp || proto == Proto::Rarp)
            fail(span(*head.proto), fmt::format("{} does not encapsulate another protocol",
                                                ast::name_of(proto)));
        if (!link && proto != Proto::Ip && proto != Proto::Ip6) {
            if (proto == Proto::Tcp || proto == Proto::Udp || proto == Proto::Sctp ||
                proto == Proto::Icmp || proto == Proto::Icmp6)
                fail(span(*head.proto), fmt::format("'{} proto' is bogus", ast::name_of(proto)));
            fail(span(*head.proto), fmt::format("'{} proto' is not supported yet", ast::name_of(proto)));
        }
        if (!value.suffix.empty()) fail(span(value), "a protocol number takes no '/len' or 'mask'");

        std::uint32_t number = 0;
        if (value.form == ast::ValueForm::Number) {
            const auto parsed = parse_number(value.text);
            if (!parsed) fail(span(value), fmt::format("number {} overflows 32 bits", value.text));
            number = *parsed;
        } else if (value.form == ast::ValueForm::Name) {
            const std::string name = without_escape(value.text);
            const auto found = link ? number_of(ether_type_names, name) : number_of(ip_protocol_names, name);
            if (!found)
                fail(span(value), fmt::format("unknown {} proto '{}'", link ? "ether" : "ip", name));
            number = *found;
        } else {
            fail(span(value), fmt::format("'{}' is not a protocol number or name", value.text));
        }

        if (link) {
            // Values up to 1500 are 802.3 lengths: libpcap then tests LLC headers instead.
            constexpr std::uint32_t max_8023_length = 1500;
            if (number <= max_8023_length)
                fail(span(value), fmt::format("'ether proto {}' (an 802.3 LLC protocol) is not "
                                              "supported yet", value.text));
            return ir::make(ir::NetworkProtocol{static_cast<ir::EtherType>(number)});
        }
        const bool ipv4 = !head.proto || proto == Proto::Ip;
        const bool ipv6 = !head.proto || proto == Proto::Ip6;
        return ir::make(ir::TransportProtocol{static_cast<ir::IpProto>(number), ipv4, ipv6});
    }

    // The transports a port (range) qualifier allows: sctp/tcp/udp by default.
    std::vector<ir::IpProto> port_protocols(const ast::Head& head, std::string_view kind) {
        if (!head.proto) return {ir::IpProto::Sctp, ir::IpProto::Tcp, ir::IpProto::Udp};
        switch (head.proto->value) {
            case Proto::Tcp: return {ir::IpProto::Tcp};
            case Proto::Udp: return {ir::IpProto::Udp};
            case Proto::Sctp: return {ir::IpProto::Sctp};
            default:
                fail(span(*head.proto), fmt::format("illegal qualifier of '{}': '{}'", kind,
                                                    ast::name_of(head.proto->value)));
        }
    }

    std::uint16_t checked_port(std::uint32_t number, const ast::Value& value) {
        if (number > 65535)
            fail(span(value), fmt::format("port number {} greater than maximum 65535", number));
        return static_cast<std::uint16_t>(number);
    }

    // A port name's number and, if the name exists for only one transport, that transport
    // (libpcap's pcap_nametoport(): the same number for tcp and udp means "any").
    struct NamedPort {
        std::uint16_t number = 0;
        std::optional<ir::IpProto> only;
    };
    std::optional<NamedPort> lookup_port(std::string_view name, const ast::Value& value) {
        if (!options_.resolve_port)
            fail(span(value), fmt::format("port names ('{}') are not supported here; use a number", name));
        const ServicePorts ports = options_.resolve_port(name);
        if (!ports.tcp && !ports.udp) return std::nullopt;
        NamedPort named{ports.tcp ? *ports.tcp : *ports.udp, std::nullopt};
        if (ports.tcp && !(ports.udp && *ports.udp == *ports.tcp)) named.only = ir::IpProto::Tcp;
        if (!ports.tcp) named.only = ir::IpProto::Udp;
        return named;
    }

    // Narrows `protocols` to a name's only transport, or refuses if the qualifier named
    // another one (`udp port ssh`: "port 'ssh' is tcp").
    void restrict_to(std::optional<ir::IpProto> only, const ast::Head& head,
                     std::vector<ir::IpProto>& protocols, const ast::Value& value,
                     std::string_view what) {
        if (!only) return;
        if (!head.proto) {
            protocols = {*only};
        } else if (protocols.front() != *only) {
            fail(span(value), fmt::format("{} is {}", what, *only == ir::IpProto::Tcp ? "tcp" : "udp"));
        }
    }

    static std::string without_escape(const std::string& text) {
        return text.starts_with("\\") ? text.substr(1) : text;
    }

    ir::NodePtr port(const ast::Head& head, const ast::Value& value) {
        const ir::Direction dir = direction(head);
        std::vector<ir::IpProto> protocols = port_protocols(head, "port");
        if (!value.suffix.empty()) fail(span(value), "a port number takes no '/len' or 'mask'");
        switch (value.form) {
            case ast::ValueForm::Number: {
                const auto number = parse_number(value.text);
                if (!number) fail(span(value), fmt::format("number {} overflows 32 bits", value.text));
                return ir::make(ir::PortMatch{std::move(protocols), dir, checked_port(*number, value)});
            }
            case ast::ValueForm::Name: {
                const std::string name = without_escape(value.text);
                const auto named = lookup_port(name, value);
                if (!named) fail(span(value), fmt::format("unknown port '{}'", name));
                restrict_to(named->only, head, protocols, value, fmt::format("port '{}'", name));
                return ir::make(ir::PortMatch{std::move(protocols), dir, named->number});
            }
            default:
                fail(span(value), fmt::format("'{}' is not a port number or name", value.text));
        }
    }

    // `portrange 1000-2000`, `portrange 53` (53-53), `portrange ftp-ssh` (names resolved as
    // for `port`). Like libpcap's pcap_nametoportrange(), "N-M" is read as two decimal
    // numbers (anything after them is ignored), otherwise the text is split at its first '-'.
    ir::NodePtr port_range(const ast::Head& head, const ast::Value& value) {
        const ir::Direction dir = direction(head);
        std::vector<ir::IpProto> protocols = port_protocols(head, "portrange");
        if (!value.suffix.empty()) fail(span(value), "a port range takes no '/len' or 'mask'");
        if (value.form == ast::ValueForm::Number) {
            const auto number = parse_number(value.text);
            if (!number) fail(span(value), fmt::format("number {} overflows 32 bits", value.text));
            const std::uint16_t port = checked_port(*number, value);
            return ir::make(ir::PortRangeMatch{std::move(protocols), dir, port, port});
        }
        if (value.form != ast::ValueForm::Range && value.form != ast::ValueForm::Name)
            fail(span(value), fmt::format("'{}' is not a port range", value.text));

        const std::string text = without_escape(value.text);
        std::uint32_t low = 0, high = 0;
        if (!two_decimal_numbers(text, low, high)) {
            const auto dash = text.find('-');
            // A lone name is not a range to libpcap (only `portrange N` takes one value).
            if (dash == std::string::npos)
                fail(span(value), fmt::format("unknown port in range '{}'", text));
            const auto first = port_or_name(text.substr(0, dash), value);
            const auto second = port_or_name(text.substr(dash + 1), value);
            if (!first || !second) fail(span(value), fmt::format("unknown port in range '{}'", text));
            low = first->number;
            high = second->number;
            // Ends known for different transports make the range apply to any.
            std::optional<ir::IpProto> only;
            if (first->only == second->only) only = first->only;
            restrict_to(only, head, protocols, value, fmt::format("port in range '{}'", text));
        }
        const std::uint16_t a = checked_port(low, value);
        const std::uint16_t b = checked_port(high, value);
        return ir::make(ir::PortRangeMatch{std::move(protocols), dir, std::min(a, b), std::max(a, b)});
    }

    // sscanf("%d-%d") on libpcap's side: leading decimal digits, '-', decimal digits.
    static bool two_decimal_numbers(std::string_view text, std::uint32_t& low, std::uint32_t& high) {
        auto digits = [&](std::size_t& at, std::uint32_t& out) {
            const std::size_t start = at;
            std::uint64_t value = 0;
            while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
                value = std::min<std::uint64_t>(value * 10 + static_cast<unsigned>(text[at] - '0'), 0xffffffffu);
                ++at;
            }
            out = static_cast<std::uint32_t>(value);
            return at > start;
        };
        std::size_t at = 0;
        if (!digits(at, low) || at >= text.size() || text[at] != '-') return false;
        ++at;
        return digits(at, high);
    }

    // One end of a named range: a decimal number (any transport) or a service name.
    std::optional<NamedPort> port_or_name(const std::string& text, const ast::Value& value) {
        std::uint32_t number = 0;
        if (!text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            for (char c : text) number = std::min<std::uint32_t>(number * 10 + static_cast<unsigned>(c - '0'), 0xfffff);
            return NamedPort{checked_port(number, value), std::nullopt};
        }
        return lookup_port(text, value);
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
