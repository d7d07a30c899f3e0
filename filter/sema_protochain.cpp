// Sema for `[ip|ip6] protochain N|name` (libpcap's gen_protochain via gen_proto's Q_PROTOCHAIN).
#include "filter/sema_analyser.hpp"

#include <fmt/format.h>

#include "filter/addresses.hpp"
#include "filter/ast_print.hpp"
#include "filter/protocol_names.hpp"

namespace rawdump::filter::sema_detail {

ir::NodePtr Analyser::protochain(const ast::Head& head, const ast::Value& value) {
    if (head.dir)
        fail(span(*head.dir), fmt::format("syntax error in filter expression: '{}' cannot "
                                          "qualify 'protochain'", ast::name_of(head.dir->value)));
    bool ipv4 = true, ipv6 = true;
    if (head.proto) {
        if (head.proto->value == ast::Proto::Ip) ipv6 = false;
        else if (head.proto->value == ast::Proto::Ip6) ipv4 = false;
        else fail(span(*head.proto), "bad protocol applied for 'protochain'");
    }
    if (!value.suffix.empty())
        fail(span(value), "syntax error in filter expression: a protocol takes no '/len' or 'mask'");
    std::uint32_t number = 0;
    switch (value.form) {
        case ast::ValueForm::Number: {
            const auto parsed = parse_number(value.text);
            if (!parsed) fail(span(value), number_error(value.text));
            number = *parsed;
            break;
        }
        case ast::ValueForm::Name:
        case ast::ValueForm::Range: {
            const std::string name = without_escape(value.text);
            const auto found = number_of(ip_protocol_names, name);
            if (!found) fail(span(value), fmt::format("unknown ip proto '{}'", name));
            number = *found;
            break;
        }
        case ast::ValueForm::Mac:
            fail(span(value), "ethernet address used in non-ether expression");
        default:
            fail(span(value), "'protochain' modifier applied to ip host");
    }
    return ir::make(ir::Protochain{number, ipv4, ipv6});
}

}  // namespace rawdump::filter::sema_detail
