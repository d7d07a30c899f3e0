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
// The new X waits here while A loads the next-header value at the old X (libpcap uses M[1]
// for the next-header value instead).
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

// Per level: the tests on A (the next-header value), then two ways to step over the header
// at X, both ending in one shared tail that loads the next level's A:
//   level: jeq N -> match; jeq 0/60/43/44 -> extension; jeq 51 -> ah; else fail
//   extension: ldb [x+1]; lsh #3; add #8; add x       (X + (len + 1) * 8; falls through)
//   ah:        ldb [x+1]; add #2; lsh #2; ja tail      ((len + 2) * 4, libpcap's quirk)
//   tail:      st M[1]; ldb [x]; ldx M[1]              (A = next header at the old X)
// Each step reads the same two bytes libpcap's loop reads, so a truncated chain is
// rejected at the same header.
cfg::BlockId emit_protochain_walk(cfg::Graph& graph, bool ipv6, std::uint32_t protocol,
                                  std::uint32_t network_offset, cfg::BlockId on_true,
                                  cfg::BlockId on_false) {
    const std::uint32_t nl = network_offset;
    const std::vector<Insn> tail{
        statement(op::st, scratch),
        statement(op::ld | op::b | op::ind, nl),
        statement(op::ldx | op::mem, scratch),
    };
    const std::vector<Insn> step_extension{
        statement(op::ld | op::b | op::ind, nl + 1),
        statement(op::alu | op::lsh | op::k, 3),
        statement(op::alu | op::add | op::k, 8),
        statement(op::alu | op::add | op::x, 0),
    };
    const std::vector<Insn> step_auth_header{
        statement(op::ld | op::b | op::ind, nl + 1),
        statement(op::alu | op::add | op::k, 2),
        statement(op::alu | op::lsh | op::k, 2),
    };

    // Built from the deepest level up (successors first, cfg.hpp). The deepest level only
    // asks whether A == N.
    cfg::BlockId level = add_test(graph, tail, protocol, on_true, on_false);
    for (unsigned depth = protochain_max_headers; depth-- > 0;) {
        // The tail is the first statements of the level below: the extension step, created
        // right after it, is laid out right before it and falls through.
        const cfg::BlockId extension = ipv6 ? cfg::add_straight(graph, step_extension, level) : level;
        const cfg::BlockId ah = cfg::add_straight(graph, step_auth_header, level);
        cfg::BlockId next = add_test(graph, {}, auth_header, ah, on_false);
        if (ipv6) {
            next = add_test(graph, {}, fragment, extension, next);
            next = add_test(graph, {}, routing, extension, next);
            next = add_test(graph, {}, destination_options, extension, next);
            next = add_test(graph, {}, hop_by_hop, extension, next);
        }
        if (depth == 0) {
            const std::vector<Insn> start =
                ipv6 ? std::vector<Insn>{statement(op::ld | op::b | op::abs, nl + ipv6_next_header),
                                         statement(op::ldx | op::imm, ipv6_header_length)}
                     : std::vector<Insn>{statement(op::ld | op::b | op::abs, nl + ipv4_protocol),
                                         statement(op::ldx | op::msh | op::b, nl + ipv4_version_ihl)};
            return add_test(graph, start, protocol, on_true, next);
        }
        level = add_test(graph, tail, protocol, on_true, next);
    }
    return level;  // not reached: depth 0 returns
}

// With an explicit stack: `and`/`or` chains are as deep as they are long.
bool uses_protochain(const ir::Node& root) {
    std::vector<const ir::Node*> pending{&root};
    while (!pending.empty()) {
        const ir::Node& node = *pending.back();
        pending.pop_back();
        if (std::holds_alternative<ir::Protochain>(node.value)) return true;
        if (const auto* a = std::get_if<ir::And>(&node.value)) {
            pending.insert(pending.end(), {a->left.get(), a->right.get()});
        } else if (const auto* o = std::get_if<ir::Or>(&node.value)) {
            pending.insert(pending.end(), {o->left.get(), o->right.get()});
        } else if (const auto* n = std::get_if<ir::Not>(&node.value)) {
            pending.push_back(n->operand.get());
        }
    }
    return false;
}

}  // namespace rawdump::filter
