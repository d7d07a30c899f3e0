// Sema for arithmetic relations: named constants, packet accesses and the guards they imply
// (libpcap's gen_load/gen_arth/gen_relation), constant folding, and libpcap's refusals
// (division by zero, shifts past 31, access sizes other than 1, 2 and 4).
#include "filter/sema_analyser.hpp"

#include <fmt/format.h>

#include <optional>

#include "filter/addresses.hpp"
#include "filter/arith_codegen.hpp"
#include "filter/arith_names.hpp"
#include "filter/ast_print.hpp"

namespace rawdump::filter::sema_detail {

using ast::Proto;

namespace {

ir::NodePtr both(ir::NodePtr first, ir::NodePtr second) {
    if (!first) return second;
    if (!second) return first;
    return ir::make(ir::And{std::move(first), std::move(second)});
}

const std::uint32_t* constant_of(const ir::ArithPtr& value) {
    const auto* constant = std::get_if<ir::ArithConstant>(&value->value);
    return constant ? &constant->value : nullptr;
}

// Evaluates an operator on two constants with the BPF machine's 32-bit semantics; the
// refusals for zero divisors and wide shifts happen before this is called.
std::uint32_t fold(ir::ArithOp op, std::uint32_t a, std::uint32_t b) {
    switch (op) {
        case ir::ArithOp::Or: return a | b;
        case ir::ArithOp::Xor: return a ^ b;
        case ir::ArithOp::And: return a & b;
        case ir::ArithOp::Lsh: return a << b;
        case ir::ArithOp::Rsh: return a >> b;
        case ir::ArithOp::Add: return a + b;
        case ir::ArithOp::Sub: return a - b;
        case ir::ArithOp::Mul: return a * b;
        case ir::ArithOp::Div: return a / b;
        case ir::ArithOp::Mod: return a % b;
    }
    return 0;
}

bool holds(ir::RelOp op, std::uint32_t a, std::uint32_t b) {
    switch (op) {
        case ir::RelOp::Greater: return a > b;
        case ir::RelOp::GreaterEqual: return a >= b;
        case ir::RelOp::Less: return a < b;
        case ir::RelOp::LessEqual: return a <= b;
        case ir::RelOp::Equal: return a == b;
        case ir::RelOp::NotEqual: return a != b;
    }
    return false;
}

constexpr std::uint32_t max_shift = 31;

// The constant libpcap's code for `value` starts by loading, if it starts with `ld #k`.
std::optional<std::uint32_t> first_immediate(const ir::Arith& value) {
    return std::visit(
        [](const auto& node) -> std::optional<std::uint32_t> {
            using T = std::decay_t<decltype(node)>;
            if constexpr (std::is_same_v<T, ir::ArithConstant>) return node.value;
            else if constexpr (std::is_same_v<T, ir::ArithLoad>) return first_immediate(*node.index);
            else if constexpr (std::is_same_v<T, ir::ArithBinary>) return first_immediate(*node.left);
            else if constexpr (std::is_same_v<T, ir::ArithNegate>) return first_immediate(*node.operand);
            else return std::nullopt;
        },
        value.value);
}

}  // namespace

ir::NodePtr Analyser::relation(const ast::Relation& node) {
    GuardedArith left = arith(node.left);
    GuardedArith right = arith(node.right);
    const auto op = static_cast<ir::RelOp>(node.op);
    ir::NodePtr guard = both(std::move(left.guard), std::move(right.guard));
    const std::uint32_t* a = constant_of(left.value);
    const std::uint32_t* b = constant_of(right.value);
    if (a && b && !guard) return ir::make(ir::Constant{holds(op, *a, *b)});
    ir::ArithRelation relation{std::move(left.value), op, std::move(right.value)};
    // The code spills operands to BPF's 16 scratch words; deeper nesting does not fit.
    if (scratch_slots_needed(relation) > scratch_slots)
        fail(span(node), "arithmetic expression too deeply nested for the BPF scratch memory");
    return both(std::move(guard), ir::make(std::move(relation)));
}

Analyser::GuardedArith Analyser::arith(const ast::ArithChain& chain) {
    GuardedArith result = arith(chain.first);
    for (const auto& step : chain.rest) {
        GuardedArith right = arith(step.operand);
        const auto op = static_cast<ir::ArithOp>(step.op);
        // libpcap checks the first instruction of the divisor's code for `ld #0`, so
        // `x / ip[0]` (whose code starts by loading the index 0) is refused as well.
        if (const auto first = first_immediate(*right.value); first && *first == 0) {
            if (op == ir::ArithOp::Div) fail(span(step), "division by zero");
            if (op == ir::ArithOp::Mod) fail(span(step), "modulus by zero");
        }
        if (const std::uint32_t* amount = constant_of(right.value))
            if ((op == ir::ArithOp::Lsh || op == ir::ArithOp::Rsh) && *amount > max_shift)
                fail(span(step), "shift by more than 31 bits");
        const std::uint32_t* a = constant_of(result.value);
        const std::uint32_t* b = constant_of(right.value);
        if (a && b) {
            result.value = ir::make_arith(ir::ArithConstant{fold(op, *a, *b)});
        } else {
            result.value = ir::make_arith(
                ir::ArithBinary{op, std::move(result.value), std::move(right.value)});
        }
        // libpcap's gen_arth() keeps only the left operand's guard: `ip[2:2] - tcp[12]` is
        // checked for IPv4 but not for TCP. Copied for identical verdicts (the right guard is
        // dropped on purpose).
    }
    return result;
}

Analyser::GuardedArith Analyser::arith(const ast::ArithOperand& operand) {
    return boost::apply_visitor(
        [&](const auto& node) -> GuardedArith {
            using T = std::decay_t<decltype(node)>;
            if constexpr (std::is_same_v<T, ast::ArithValue>) {
                return arith_value(node);
            } else if constexpr (std::is_same_v<T, ast::ArithLength>) {
                return {ir::make_arith(ir::ArithLength{}), nullptr};
            } else if constexpr (std::is_same_v<T, ast::x3::forward_ast<ast::PacketAccess>>) {
                return packet_access(node.get());
            } else if constexpr (std::is_same_v<T, ast::x3::forward_ast<ast::ArithNegate>>) {
                GuardedArith inner = arith(node.get().operand);
                if (const std::uint32_t* value = constant_of(inner.value))
                    return {ir::make_arith(ir::ArithConstant{0u - *value}), std::move(inner.guard)};
                return {ir::make_arith(ir::ArithNegate{std::move(inner.value)}), std::move(inner.guard)};
            } else {
                return arith(node.get());
            }
        },
        operand);
}

Analyser::GuardedArith Analyser::arith_value(const ast::ArithValue& value) {
    if (const auto number = parse_number(value.text))
        return {ir::make_arith(ir::ArithConstant{*number}), nullptr};
    if (!value.text.empty() && value.text[0] >= '0' && value.text[0] <= '9')
        fail(span(value), number_error(value.text));
    const auto named = number_of(arith_constant_names, value.text);
    if (!named)
        fail(span(value), fmt::format("'{}' is not a number or a known constant", value.text));
    return {ir::make_arith(ir::ArithConstant{*named}), nullptr};
}

// libpcap's gen_load: what each protocol's [] indexes from and what it must check first.
Analyser::GuardedArith Analyser::packet_access(const ast::PacketAccess& access) {
    std::uint8_t size = 1;
    if (access.size) {
        const auto parsed = parse_number(access.size->text);
        if (!parsed || (*parsed != 1 && *parsed != 2 && *parsed != 4))
            fail(span(*access.size), "data size must be 1, 2, or 4");
        size = static_cast<std::uint8_t>(*parsed);
    }
    GuardedArith index = arith(access.index);
    const Proto proto = access.proto.value;
    auto guarded_load = [&](ir::AccessBase base, ir::NodePtr guard) {
        return GuardedArith{ir::make_arith(ir::ArithLoad{base, std::move(index.value), size}),
                            std::move(guard)};
    };
    switch (proto) {
        case Proto::Ether:
            return guarded_load(ir::AccessBase::Link, std::move(index.guard));
        case Proto::Ip:
        case Proto::Ip6:
        case Proto::Arp:
        case Proto::Rarp: {
            const auto type = proto == Proto::Ip    ? EtherType::Ipv4
                              : proto == Proto::Ip6 ? EtherType::Ipv6
                              : proto == Proto::Arp ? EtherType::Arp
                                                    : EtherType::ReverseArp;
            return guarded_load(ir::AccessBase::Network,
                                both(std::move(index.guard), ir::make(ir::NetworkProtocol{type})));
        }
        case Proto::Tcp:
        case Proto::Udp:
        case Proto::Sctp:
        case Proto::Icmp:
        case Proto::Igmp:
        case Proto::Igrp:
        case Proto::Pim:
        case Proto::Vrrp:
        case Proto::Carp: {
            // ip and (index guard and (<proto> and first fragment)), as gen_load builds it.
            const auto protocol = proto == Proto::Tcp    ? IpProto::Tcp
                                  : proto == Proto::Udp  ? IpProto::Udp
                                  : proto == Proto::Sctp ? IpProto::Sctp
                                  : proto == Proto::Igmp ? IpProto::Igmp
                                  : proto == Proto::Igrp ? IpProto::Igrp
                                  : proto == Proto::Pim  ? IpProto::Pim
                                  : proto == Proto::Vrrp || proto == Proto::Carp
                                      ? IpProto::Vrrp
                                      : IpProto::Icmp;
            // The protocol primitive's own shape: IPv6 too for tcp/udp/sctp/pim.
            const bool over_ipv6 = proto == Proto::Tcp || proto == Proto::Udp ||
                                   proto == Proto::Sctp || proto == Proto::Pim;
            ir::NodePtr transport = both(ir::make(ir::TransportProtocol{protocol, true, over_ipv6}),
                                         ir::make(ir::Ipv4FirstFragment{}));
            ir::NodePtr guard = both(ir::make(ir::NetworkProtocol{EtherType::Ipv4}),
                                     both(std::move(index.guard), std::move(transport)));
            return guarded_load(ir::AccessBase::Ipv4Payload, std::move(guard));
        }
        case Proto::Icmp6: {
            ir::NodePtr guard = both(std::move(index.guard),
                                     both(ir::make(ir::NetworkProtocol{EtherType::Ipv6}),
                                          ir::make(ir::Ipv6NextHeader{IpProto::Icmpv6})));
            return guarded_load(ir::AccessBase::Ipv6Payload, std::move(guard));
        }
        // gen_load's link-layer protocols: their gen_linktype() guard, then the payload.
        case Proto::Atalk:
        case Proto::Decnet:
        case Proto::Lat:
        case Proto::Sca:
        case Proto::Mopdl:
        case Proto::Moprc: {
            ir::NodePtr link_guard =
                proto == Proto::Atalk ? ir::make(ir::LlcProtocol{0x809b})
                                      : ir::make(ir::NetworkProtocol{static_cast<EtherType>(
                                            proto == Proto::Decnet ? 0x6003
                                            : proto == Proto::Lat  ? 0x6004
                                            : proto == Proto::Sca  ? 0x6007
                                            : proto == Proto::Mopdl ? 0x6001
                                                                    : 0x6002)});
            return guarded_load(ir::AccessBase::Network,
                                both(std::move(index.guard), std::move(link_guard)));
        }
        case Proto::Ah:
        case Proto::Esp:
            fail(span(access.proto), "unsupported index operation");
        default:
            fail(span(access.proto), fmt::format("'{}[]' is not supported", ast::name_of(proto)));
    }
}

}  // namespace rawdump::filter::sema_detail
