// Sema for encapsulations and Linux metadata (F1): `vlan [id]`, `mpls [label]`, `pppoed`,
// `pppoes [session]`, `geneve [vni]`, `inbound`, `outbound`, `ifindex N`; `vxlan` is refused.
// Whether an encapsulation is allowed depends on what came before it (`mpls and vlan`), so
// those checks happen in codegen, which walks the expression in order.
#include <fmt/format.h>

#include <algorithm>
#include <iterator>

#include "filter/addresses.hpp"
#include "filter/sema_analyser.hpp"

namespace rawdump::filter::sema_detail {

ir::NodePtr Analyser::encapsulation(const ast::Other& node, const std::string& keyword,
                                    const std::string& prefix) {
    static constexpr std::string_view handled[] = {"vlan",    "mpls",    "pppoed",  "pppoes",
                                                   "inbound", "outbound", "ifindex", "geneve",
                                                   "vxlan"};
    if (std::find(std::begin(handled), std::end(handled), keyword) == std::end(handled))
        return nullptr;
    if (!prefix.empty())
        fail(span(node), fmt::format("syntax error in filter expression: '{}' takes no protocol "
                                     "qualifier", keyword));
    const SourceSpan where = span(node);
    const ir::Where at{where.offset, where.length};

    if (keyword == "vxlan")
        fail(where, "'vxlan' is not supported: libpcap 1.10 has no 'vxlan' primitive either "
                    "(it is new in libpcap 1.11); 'udp port 4789' matches the outer packets");

    // The optional (or required) number, range-checked with libpcap's message.
    auto number = [&](std::string_view what, std::uint32_t maximum) -> std::optional<std::uint32_t> {
        if (!node.argument) return std::nullopt;
        const ast::Value& value = *node.argument;
        if (value.form != ast::ValueForm::Number || !value.suffix.empty())
            fail(span(value), fmt::format("syntax error in filter expression: '{}' takes a "
                                          "number", keyword));
        const auto parsed = parse_number(value.text);
        if (!parsed) fail(span(value), number_error(value.text));
        if (*parsed > maximum)
            fail(span(value), fmt::format("{} {} greater than maximum {}", what, *parsed, maximum));
        return parsed;
    };
    auto no_argument = [&] {
        if (node.argument)
            fail(span(*node.argument), fmt::format("syntax error in filter expression: "
                                                   "'{}' takes no argument", keyword));
    };

    if (keyword == "vlan") return ir::make(ir::Vlan{number("VLAN tag", 0x0fff), at});
    if (keyword == "geneve") {
        after_geneve_ = true;  // in parse order, as libpcap's parser switches its link state
        return ir::make(ir::Geneve{number("Geneve VNI", 0xffffff), at});
    }
    if (keyword == "mpls") return ir::make(ir::Mpls{number("MPLS label", 0xfffff), at});
    if (keyword == "pppoes")
        return ir::make(ir::Pppoe{true, number("PPPoE session number", 0xffff), at});
    if (keyword == "pppoed") {
        no_argument();
        return ir::make(ir::Pppoe{false, std::nullopt, at});
    }
    if (keyword == "inbound" || keyword == "outbound") {
        no_argument();
        return ir::make(ir::PacketDirection{keyword == "outbound"});
    }
    // ifindex N
    if (!node.argument)
        fail(where, "syntax error in filter expression: expected 'ifindex NUMBER'");
    return ir::make(ir::InterfaceIndex{*number("interface index", 0xffffffff)});
}

}  // namespace rawdump::filter::sema_detail
