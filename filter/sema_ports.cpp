// Sema for `port` and `portrange`: numbers, service names through the injected resolver,
// and libpcap's reading of "N-M".
#include "filter/sema_analyser.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "filter/addresses.hpp"
#include "filter/ast_print.hpp"

namespace rawdump::filter::sema_detail {

using ast::Kind;
using ast::Proto;

// The transports a port (range) qualifier allows: sctp/tcp/udp by default.
std::vector<IpProto> Analyser::port_protocols(const ast::Head& head, std::string_view kind) {
    if (!head.proto) return {IpProto::Sctp, IpProto::Tcp, IpProto::Udp};
    switch (head.proto->value) {
        case Proto::Tcp: return {IpProto::Tcp};
        case Proto::Udp: return {IpProto::Udp};
        case Proto::Sctp: return {IpProto::Sctp};
        default:
            fail(span(*head.proto), fmt::format("illegal qualifier of '{}': '{}'", kind,
                                                ast::name_of(head.proto->value)));
    }
}

std::uint16_t Analyser::checked_port(std::uint32_t number, const ast::Value& value) {
    if (number > 65535)
        fail(span(value), fmt::format("port number {} greater than maximum 65535", number));
    return static_cast<std::uint16_t>(number);
}

std::optional<Analyser::NamedPort> Analyser::lookup_port(std::string_view name, const ast::Value& value) {
    if (!options_.resolve_port)
        fail(span(value), fmt::format("port names ('{}') are not supported here; use a number", name));
    const ServicePorts ports = options_.resolve_port(name);
    if (!ports.tcp && !ports.udp) return std::nullopt;
    NamedPort named{ports.tcp ? *ports.tcp : *ports.udp, std::nullopt};
    if (ports.tcp && !(ports.udp && *ports.udp == *ports.tcp)) named.only = IpProto::Tcp;
    if (!ports.tcp) named.only = IpProto::Udp;
    return named;
}

// Narrows `protocols` to a name's only transport, or refuses if the qualifier named
// another one (`udp port ssh`: "port 'ssh' is tcp").
void Analyser::restrict_to(std::optional<IpProto> only, const ast::Head& head,
                 std::vector<IpProto>& protocols, const ast::Value& value,
                 std::string_view what) {
    if (!only) return;
    if (!head.proto) {
        protocols = {*only};
    } else if (protocols.front() != *only) {
        fail(span(value), fmt::format("{} is {}", what, *only == IpProto::Tcp ? "tcp" : "udp"));
    }
}

std::string Analyser::without_escape(const std::string& text) {
    return text.starts_with("\\") ? text.substr(1) : text;
}

ir::NodePtr Analyser::port(const ast::Head& head, const ast::Value& value) {
    const ir::Direction dir = direction(head);
    std::vector<IpProto> protocols = port_protocols(head, "port");
    if (!value.suffix.empty()) fail(span(value), "a port number takes no '/len' or 'mask'");
    switch (value.form) {
        case ast::ValueForm::Number: {
            const auto number = parse_number(value.text);
            if (!number) fail(span(value), number_error(value.text));
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
ir::NodePtr Analyser::port_range(const ast::Head& head, const ast::Value& value) {
    const ir::Direction dir = direction(head);
    std::vector<IpProto> protocols = port_protocols(head, "portrange");
    if (!value.suffix.empty()) fail(span(value), "a port range takes no '/len' or 'mask'");
    if (value.form == ast::ValueForm::Number) {
        const auto number = parse_number(value.text);
        if (!number) fail(span(value), number_error(value.text));
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
        std::optional<IpProto> only;
        if (first->only == second->only) only = first->only;
        restrict_to(only, head, protocols, value, fmt::format("port in range '{}'", text));
    }
    const std::uint16_t a = checked_port(low, value);
    const std::uint16_t b = checked_port(high, value);
    return ir::make(ir::PortRangeMatch{std::move(protocols), dir, std::min(a, b), std::max(a, b)});
}

// sscanf("%d-%d") on libpcap's side: leading decimal digits, '-', decimal digits.
bool Analyser::two_decimal_numbers(std::string_view text, std::uint32_t& low, std::uint32_t& high) {
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
std::optional<Analyser::NamedPort> Analyser::port_or_name(const std::string& text, const ast::Value& value) {
    std::uint32_t number = 0;
    if (!text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        for (char c : text) number = std::min<std::uint32_t>(number * 10 + static_cast<unsigned>(c - '0'), 0xfffff);
        return NamedPort{checked_port(number, value), std::nullopt};
    }
    return lookup_port(text, value);
}

}  // namespace rawdump::filter::sema_detail
