// The unrolled protochain walk (see codegen_protochain.hpp). Shapes and statements follow
// libpcap 1.10.3's gen_protochain so that every packet gets its verdict, including on
// truncated packets (a load past the end rejects the whole packet there too).
#include "filter/codegen_protochain.hpp"

#include <type_traits>
#include <variant>
#include <vector>

namespace rawdump::filter {
namespace {

constexpr Insn statement(std::uint16_t code, std::uint32_t k) { return Insn{code, 0, 0, k}; }

// IP protocol numbers the walk steps over.
constexpr std::uint32_t hop_by_hop = 0, routing = 43, fragment = 44, auth_header = 51,
                        destination_options = 60;
constexpr std::uint32_t ipv4_protocol = 9, ipv4_version_ihl = 0;
constexpr std::uint32_t ipv6_next_header = 6, ipv6_header_length = 40;
// The next-header value survives the length computation here (libpcap uses M[1] too).
constexpr std::uint32_t scratch = 1;

cfg::BlockId add_test(cfg::Graph& graph, std::vector<Insn> statements, std::uint32_t k,
                      cfg::BlockId on_true, cfg::BlockId on_false) {
    cfg::Block block;
    block.statements = std::move(statements);
    block.test = statement(op::jmp | op::jeq | op::k, k);
    block.on_true = on_true;
    block.on_false = on_false;
    return graph.add(std::move(block));
}

}  // namespace

cfg::BlockId emit_protochain_walk(cfg::Graph& graph, bool ipv6, std::uint32_t protocol,
                                  std::uint32_t network_offset, cfg::BlockId on_true,
                                  cfg::BlockId on_false) {
    const std::uint32_t nl = network_offset;
    // IPv6 extension header: A = next header; X += (length + 1) * 8.
    const std::vector<Insn> step_extension{
        statement(op::ld | op::b | op::ind, nl),
        statement(op::st, scratch),
        statement(op::ld | op::b | op::ind, nl + 1),
        statement(op::alu | op::add | op::k, 1),
        statement(op::alu | op::mul | op::k, 8),
        statement(op::alu | op::add | op::x, 0),
        statement(op::misc | op::tax, 0),
        statement(op::ld | op::mem, scratch),
    };
    // AH: A = next header; X = (P[X + 1] + 2) * 4, as libpcap computes it (not added to X).
    const std::vector<Insn> step_auth_header{
        statement(op::ld | op::b | op::ind, nl),
        statement(op::st, scratch),
        statement(op::misc | op::txa, 0),
        statement(op::alu | op::add | op::k, 1),
        statement(op::misc | op::tax, 0),
        statement(op::ld | op::b | op::ind, nl),
        statement(op::alu | op::add | op::k, 2),
        statement(op::alu | op::mul | op::k, 4),
        statement(op::misc | op::tax, 0),
        statement(op::ld | op::mem, scratch),
    };

    // Built from the last header backwards (successors first, cfg.hpp). `rest` is what
    // follows "A != N" for the current depth; the deepest level simply fails.
    cfg::BlockId rest = on_false;
    for (unsigned depth = protochain_max_headers; depth-- > 0;) {
        // Entering depth+1 after stepping over a header: A == N, else the next level.
        const cfg::BlockId after_auth = add_test(graph, step_auth_header, protocol, on_true, rest);
        cfg::BlockId next = add_test(graph, {}, auth_header, after_auth, on_false);
        if (ipv6) {
            const cfg::BlockId after_extension =
                add_test(graph, step_extension, protocol, on_true, rest);
            next = add_test(graph, {}, fragment, after_extension, next);
            next = add_test(graph, {}, routing, after_extension, next);
            next = add_test(graph, {}, destination_options, after_extension, next);
            next = add_test(graph, {}, hop_by_hop, after_extension, next);
        }
        rest = next;
    }
    const std::vector<Insn> start =
        ipv6 ? std::vector<Insn>{statement(op::ld | op::b | op::abs, nl + ipv6_next_header),
                                 statement(op::ldx | op::imm, ipv6_header_length)}
             : std::vector<Insn>{statement(op::ld | op::b | op::abs, nl + ipv4_protocol),
                                 statement(op::ldx | op::msh | op::b, nl + ipv4_version_ihl)};
    return add_test(graph, start, protocol, on_true, rest);
}

bool uses_protochain(const ir::Node& node) {
    return std::visit(
        [](const auto& value) {
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, ir::Protochain>) return true;
            else if constexpr (std::is_same_v<T, ir::And> || std::is_same_v<T, ir::Or>)
                return uses_protochain(*value.left) || uses_protochain(*value.right);
            else if constexpr (std::is_same_v<T, ir::Not>) return uses_protochain(*value.operand);
            else return false;
        },
        node.value);
}

}  // namespace rawdump::filter
