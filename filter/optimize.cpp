#include "filter/optimize.hpp"

#include "filter/optimize_facts.hpp"

#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <utility>
#include <unordered_map>
#include <vector>

namespace rawdump::filter {
namespace {

using cfg::BlockId;
using cfg::Graph;
using facts::Fact;
using facts::Facts;
using facts::Operand;
using facts::decide;
using facts::is_packet_load;
using facts::learn;
using facts::meet;
using facts::operand_of;

// A fact about an operand plus what its form implies (both hold, so the zero bits add up).
Fact meet_inherent(Fact fact, const Operand& operand) {
    const Fact inherent = facts::inherent_fact(operand);
    fact.zero_bits |= inherent.zero_bits;
    if (inherent.one_of && !fact.one_of) fact.one_of = inherent.one_of;
    return fact;
}

std::vector<bool> reachable(const Graph& graph) {
    std::vector<bool> seen(graph.blocks.size(), false);
    std::vector<BlockId> stack{graph.entry};
    while (!stack.empty()) {
        const BlockId id = stack.back();
        stack.pop_back();
        if (seen[id]) continue;
        seen[id] = true;
        if (!graph.blocks[id].is_return) {
            stack.push_back(graph.blocks[id].on_true);
            stack.push_back(graph.blocks[id].on_false);
        }
    }
    return seen;
}

// Each block's operand, computed once per pass: the passes before load removal change edges,
// never statements, and long chains would otherwise rescan the same blocks many times.
using Operands = std::vector<std::optional<Operand>>;

Operands operands_of(const Graph& graph) {
    Operands operands;
    operands.reserve(graph.blocks.size());
    for (const cfg::Block& block : graph.blocks) operands.push_back(operand_of(block));
    return operands;
}

// Facts holding on entry to every reachable block, in topological (descending id) order.
std::vector<std::optional<Facts>> entry_facts(const Graph& graph, const std::vector<bool>& live,
                                              const Operands& operands, facts::Reasoning reasoning) {
    std::vector<std::optional<Facts>> facts(graph.blocks.size());
    facts[graph.entry] = Facts{};
    for (std::size_t id = graph.blocks.size(); id-- > 0;) {
        if (!live[id] || !facts[id]) continue;
        const cfg::Block& block = graph.blocks[id];
        if (block.is_return) continue;
        const auto& operand = operands[id];
        for (const bool outcome : {true, false}) {
            Facts out = *facts[id];
            if (operand) learn(out[*operand], block.test, outcome);
            auto& target = facts[outcome ? block.on_true : block.on_false];
            target = target ? meet(*target, out, reasoning) : out;
        }
    }
    return facts;
}

// Where an edge leaving a block with `facts` (plus its own outcome) really ends up.
BlockId thread(const Graph& graph, const Operands& operands, BlockId target, Facts facts,
               facts::Reasoning reasoning) {
    while (true) {
        const cfg::Block& block = graph.blocks[target];
        const auto& operand = operands[target];
        if (!operand) return target;
        const auto known = facts.find(*operand);
        Fact fact = known == facts.end() ? facts::inherent_fact(*operand)
                                         : meet_inherent(known->second, *operand);
        const auto outcome = decide(block.test, fact, reasoning);
        if (!outcome) return target;
        learn(facts[*operand], block.test, *outcome);
        target = *outcome ? block.on_true : block.on_false;
    }
}

bool thread_jumps(Graph& graph, facts::Reasoning reasoning) {
    const auto live = reachable(graph);
    const Operands operands = operands_of(graph);
    const auto facts = entry_facts(graph, live, operands, reasoning);
    bool changed = false;
    // Ascending id: successors first, so a threaded walk follows their already-shortened
    // edges (their entry facts are a meet over every path in, ours included, so their
    // decisions hold here too). Descending order made `host` chains quadratic.
    for (std::size_t id = 0; id < graph.blocks.size(); ++id) {
        if (!live[id] || !facts[id]) continue;
        cfg::Block& block = graph.blocks[id];
        if (block.is_return) continue;
        const auto& operand = operands[id];
        for (const bool outcome : {true, false}) {
            Facts out = *facts[id];
            if (operand) learn(out[*operand], block.test, outcome);
            BlockId& edge = outcome ? block.on_true : block.on_false;
            const BlockId threaded = thread(graph, operands, edge, std::move(out), reasoning);
            if (threaded != edge) {
                edge = threaded;
                changed = true;
            }
        }
    }
    return changed;
}

// A block whose edges agree decides nothing: jump past it.
bool bypass_undecided(Graph& graph) {
    bool changed = false;
    // Also bypasses tests decided by their own form (`and #0; jeq #0`: a masked-out word).
    auto resolve = [&](BlockId id) {
        while (!graph.blocks[id].is_return) {
            const cfg::Block& block = graph.blocks[id];
            // Any block may go: codegen's blocks are self-contained (nothing after them reads
            // the registers or scratch words they set), like libpcap's "no use conflict";
            // the exceptions say so.
            if (block.on_true == block.on_false && !block.feeds_successors) {
                id = block.on_true;
                continue;
            }
            const auto operand = operand_of(block);
            if (!operand) break;
            const auto outcome = decide(block.test, facts::inherent_fact(*operand));
            if (!outcome) break;
            id = *outcome ? block.on_true : block.on_false;
        }
        return id;
    };
    for (cfg::Block& block : graph.blocks) {
        if (block.is_return) continue;
        for (BlockId* edge : {&block.on_true, &block.on_false}) {
            const BlockId resolved = resolve(*edge);
            if (resolved != *edge) {
                *edge = resolved;
                changed = true;
            }
        }
    }
    const BlockId entry = resolve(graph.entry);
    changed |= entry != graph.entry;
    graph.entry = entry;
    return changed;
}

// Blocks equal in statements, test and successors are one block.
std::size_t hash_of(const cfg::Block& block) {
    std::size_t h = block.is_return ? 0x9e3779b97f4a7c15u : 0;
    auto mix = [&h](std::uint64_t v) { h = (h ^ v) * 0x100000001b3u + (h >> 29); };
    for (const Insn& insn : block.statements) mix(std::uint64_t{insn.code} << 32 | insn.k);
    if (block.is_return) {
        mix(block.return_value);
    } else {
        mix(std::uint64_t{block.test.code} << 32 | block.test.k);
        mix(std::uint64_t{block.on_true} << 32 | block.on_false);
    }
    return h;
}

bool merge_identical(Graph& graph) {
    const auto live = reachable(graph);
    std::vector<BlockId> replacement(graph.blocks.size());
    for (std::size_t id = 0; id < graph.blocks.size(); ++id) replacement[id] = static_cast<BlockId>(id);
    bool changed = false;
    // First (lowest id) representative of each distinct block, by content hash.
    std::unordered_multimap<std::size_t, BlockId> seen;
    seen.reserve(graph.blocks.size());
    // Ascending id: successors are settled before the blocks that jump to them.
    for (std::size_t id = 0; id < graph.blocks.size(); ++id) {
        if (!live[id]) continue;
        cfg::Block& block = graph.blocks[id];
        if (!block.is_return) {
            block.on_true = replacement[block.on_true];
            block.on_false = replacement[block.on_false];
        }
        const std::size_t h = hash_of(block);
        BlockId found = static_cast<BlockId>(id);
        for (auto [it, last] = seen.equal_range(h); it != last; ++it) {
            if (it->second < found && graph.blocks[it->second] == block) found = it->second;
        }
        if (found != id) {
            replacement[id] = found;
            changed = true;
        } else {
            seen.emplace(h, static_cast<BlockId>(id));
        }
    }
    graph.entry = replacement[graph.entry];
    return changed;
}

// Predecessor counts of reachable blocks (the entry counts one extra, for the caller).
std::vector<std::size_t> predecessor_counts(const Graph& graph, const std::vector<bool>& live) {
    std::vector<std::size_t> count(graph.blocks.size(), 0);
    ++count[graph.entry];
    for (std::size_t id = 0; id < graph.blocks.size(); ++id) {
        if (!live[id] || graph.blocks[id].is_return) continue;
        ++count[graph.blocks[id].on_true];
        ++count[graph.blocks[id].on_false];
    }
    return count;
}

// The rest of libpcap's or_pullup/and_pullup rule: the value that matters is the one A holds
// when entering a chain, i.e. the head's operand, whichever edge of the head leads into the
// chain and whatever the head's own targets are. `sport = 53` failing into the and-chain
// `dport = 53 and sport = 123` (from `udp port 53 and 123`) pulls `sport = 123` (A already
// holds sport) in front: the packet is rejected without loading dport when sport is neither.
// Only chains entered from this one head (every block in them has one predecessor), so
// predecessor counts stay valid.
bool pull_up_across(Graph& graph, const std::vector<std::optional<Operand>>& operands,
                    const std::vector<std::size_t>& preds, BlockId head_id) {
    const auto& value = operands[head_id];
    if (!value) return false;
    bool changed = false;
    for (const bool via_true : {true, false}) {
        for (const bool or_chain : {true, false}) {
            auto shared = [or_chain](cfg::Block& b) -> BlockId& { return or_chain ? b.on_true : b.on_false; };
            auto next = [or_chain](cfg::Block& b) -> BlockId& { return or_chain ? b.on_false : b.on_true; };
            cfg::Block& head = graph.blocks[head_id];
            BlockId* entry = via_true ? &head.on_true : &head.on_false;
            const BlockId b = *entry;
            if (graph.blocks[b].is_return || preds[b] != 1) continue;
            // The case pull_up_same_operand_tests already handles (the head is part of the chain).
            if (via_true != or_chain && shared(head) == shared(graph.blocks[b])) continue;
            const BlockId target = shared(graph.blocks[b]);
            auto in_chain = [&](BlockId id) {
                const cfg::Block& block = graph.blocks[id];
                return !block.is_return && preds[id] == 1 && operands[id].has_value() &&
                       (or_chain ? block.on_true : block.on_false) == target;
            };
            // Skip the tests at the top that already test the value, find the first that
            // does not ("diff"), then a later one that does ("pull").
            BlockId* diff = entry;
            bool at_top = true;
            while (in_chain(*diff) && *operands[*diff] == *value) {
                diff = &next(graph.blocks[*diff]);
                at_top = false;
            }
            if (!in_chain(*diff)) continue;
            BlockId* same = &next(graph.blocks[*diff]);
            while (in_chain(*same) && !(*operands[*same] == *value)) same = &next(graph.blocks[*same]);
            if (!in_chain(*same)) continue;
            const BlockId pull = *same;
            *same = next(graph.blocks[pull]);
            next(graph.blocks[pull]) = *diff;
            *diff = pull;  // at the top this is the head's edge itself
            (void)at_top;
            changed = true;
        }
    }
    return changed;
}

// libpcap's or_pullup/and_pullup, which decide which load runs first and therefore which
// truncated packets are rejected: in a chain of tests that share their true target (an
// `or` chain, linked by false edges) a later test of the same operand as the chain's head
// moves up to right behind it, so `port 22 or 80` tests both source ports before either
// destination port. `and` chains (shared false target, linked by true edges) likewise.
bool pull_up_same_operand_tests(Graph& graph) {
    const auto live = reachable(graph);
    // Pull-ups keep every block's predecessor count (a moved block still has exactly one),
    // so the counts stay valid for the whole pass.
    const auto preds = predecessor_counts(graph, live);
    const Operands operands = operands_of(graph);
    bool changed = false;
    // Linear-time bookkeeping for long chains (`host a or host b or ...`), same result as a
    // plain rescan: `version` counts the pull-ups done in this pass; `failed[b][k]` is the
    // version at which the walk from anchor b along chain kind k ended without changing
    // anything (still true while no pull-up has happened since).
    std::uint64_t version = 0;
    constexpr std::uint64_t never = ~std::uint64_t{0};
    std::vector<std::array<std::uint64_t, 2>> failed(graph.blocks.size(), {never, never});
    for (std::size_t id = graph.blocks.size(); id-- > 0;) {
        if (!live[id] || graph.blocks[id].is_return) continue;
        const auto& head_operand = operands[id];
        if (!head_operand) continue;
        for (const bool or_chain : {true, false}) {
            // In an or-chain the shared edge is on_true and the chain follows on_false.
            auto shared = [or_chain](cfg::Block& b) -> BlockId& { return or_chain ? b.on_true : b.on_false; };
            auto next = [or_chain](cfg::Block& b) -> BlockId& { return or_chain ? b.on_false : b.on_true; };
            // Each pull-up puts one more same-operand test behind the head; repeat from the
            // last one pulled so that `a or b or c` on one field ends up contiguous.
            BlockId anchor = static_cast<BlockId>(id);
            // After pulling a block from deep in the chain, the blocks up to its old place
            // were just scanned (no test of the operand, no reason to stop): resume there.
            // No block resumes when this is none (a sentinel: GCC 12 misreads std::optional here).
            constexpr BlockId none = std::numeric_limits<BlockId>::max();
            BlockId resume_after = none;
            std::vector<BlockId> unchanged_anchors;  // walked since the last pull-up
            for (bool pulled = true; pulled;) {
                pulled = false;
                if (failed[anchor][or_chain] == version) break;
                cfg::Block& head = graph.blocks[anchor];
                const BlockId first = next(head);
                BlockId previous = anchor;
                BlockId current = first;
                bool first_step = true;
                if (resume_after != none) {
                    previous = resume_after;
                    current = next(graph.blocks[previous]);
                    first_step = false;
                    resume_after = none;
                }
                while (true) {
                    cfg::Block& block = graph.blocks[current];
                    if (block.is_return || shared(block) != shared(graph.blocks[id]) ||
                        preds[current] != 1)
                        break;
                    const auto& operand = operands[current];
                    if (!operand) break;
                    if (*operand == *head_operand) {
                        if (!first_step) {
                            next(graph.blocks[previous]) = next(block);
                            next(block) = first;
                            next(head) = current;
                            changed = true;
                            ++version;
                            resume_after = previous;
                            unchanged_anchors.clear();
                        }
                        unchanged_anchors.push_back(anchor);
                        anchor = current;
                        pulled = true;
                        break;
                    }
                    first_step = false;
                    previous = current;
                    current = next(block);
                }
                if (pulled) continue;
                failed[anchor][or_chain] = version;
                for (const BlockId walked : unchanged_anchors) failed[walked][or_chain] = version;
            }
        }
        if (pull_up_across(graph, operands, preds, static_cast<BlockId>(id))) {
            changed = true;
            ++version;
        }
    }
    return changed;
}

// Renumbers reachable blocks in post-order so that edges again go from higher to lower ids
// (pull-ups may create edges to blocks created earlier). Unreachable blocks are dropped.
void renumber(Graph& graph) {
    std::vector<BlockId> order;
    std::vector<int> state(graph.blocks.size(), 0);  // 0 new, 1 open, 2 done
    std::vector<std::pair<BlockId, int>> stack{{graph.entry, 0}};
    while (!stack.empty()) {
        auto& [id, step] = stack.back();
        const cfg::Block& block = graph.blocks[id];
        if (step == 0) {
            if (state[id] != 0) { stack.pop_back(); continue; }
            state[id] = 1;
        }
        // The false successor is finished first, so it gets the lower ids and the true
        // successor is laid out right after its test, as in libpcap's listings.
        if (!block.is_return && step < 2) {
            const BlockId child = step == 0 ? block.on_false : block.on_true;
            ++step;
            if (state[child] == 0) stack.emplace_back(child, 0);
            continue;
        }
        state[id] = 2;
        order.push_back(id);
        stack.pop_back();
    }
    std::vector<BlockId> new_id(graph.blocks.size(), 0);
    for (std::size_t i = 0; i < order.size(); ++i) new_id[order[i]] = static_cast<BlockId>(i);
    std::vector<cfg::Block> blocks;
    blocks.reserve(order.size());
    for (BlockId old : order) {
        cfg::Block block = graph.blocks[old];
        if (!block.is_return) {
            block.on_true = new_id[block.on_true];
            block.on_false = new_id[block.on_false];
        }
        blocks.push_back(std::move(block));
    }
    graph.entry = new_id[graph.entry];
    graph.blocks = std::move(blocks);
}

// What A and X hold at a point, as the load that produced them (nullopt: unknown).
struct Registers {
    std::optional<Operand> a;
    std::optional<Insn> x;
    friend bool operator==(const Registers&, const Registers&) = default;
};

Registers meet(const Registers& p, const Registers& q) {
    return Registers{p.a == q.a ? p.a : std::nullopt, p.x == q.x ? p.x : std::nullopt};
}

// Drops loads of values A or X already hold on every path into the block.
void remove_redundant_loads(Graph& graph) {
    const auto live = reachable(graph);
    std::vector<std::optional<Registers>> on_entry(graph.blocks.size());
    on_entry[graph.entry] = Registers{};
    for (std::size_t id = graph.blocks.size(); id-- > 0;) {
        if (!live[id] || !on_entry[id]) continue;
        cfg::Block& block = graph.blocks[id];
        Registers state = *on_entry[id];
        std::vector<Insn> kept;
        const auto& statements = block.statements;
        for (std::size_t i = 0; i < statements.size(); ++i) {
            const Insn& insn = statements[i];
            // X from the IHL nibble, or from a scratch word (geneve's run-time offsets; any
            // store below forgets it, so X still equals that word while it is remembered).
            const bool x_load = op::cls(insn.code) == op::ldx &&
                                (op::mode(insn.code) == op::msh || op::mode(insn.code) == op::mem);
            if (x_load) {
                if (state.x == insn) continue;
                state.x = insn;
                // A's identity may have depended on the old X.
                if (state.a && state.a->index_load && !(*state.a->index_load == insn)) state.a.reset();
            } else if (is_packet_load(insn)) {
                Operand operand = op::mode(insn.code) == op::ind
                                      ? Operand{insn, state.x, std::nullopt}
                                      : Operand{insn, std::nullopt, std::nullopt};
                // `ld; and #m` is one masked value: both go if A already holds it.
                const bool masked = i + 1 < statements.size() &&
                                    statements[i + 1].code == (op::alu | op::and_ | op::k);
                if (masked) operand.mask = statements[i + 1].k;
                const bool known_x = op::mode(insn.code) != op::ind || state.x.has_value();
                if (known_x && state.a == operand) {
                    i += masked ? 1 : 0;
                    continue;
                }
                state.a = known_x ? std::optional<Operand>{operand} : std::nullopt;
                if (masked) {
                    kept.push_back(insn);
                    kept.push_back(statements[++i]);
                    continue;
                }
            } else {
                // Anything else (ALU, scratch, tax/txa) makes both registers unknown.
                state = Registers{};
            }
            kept.push_back(insn);
        }
        block.statements = std::move(kept);
        if (block.is_return) continue;
        for (BlockId next : {block.on_true, block.on_false})
            on_entry[next] = on_entry[next] ? meet(*on_entry[next], state) : state;
    }
}

// Local rewrites of a block's last ALU step and its test, exact on every packet (no load is
// added, dropped or moved): `and #0xffffffff` is the identity; `and #m; jeq #0` is
// `jset #m` with the edges swapped (libpcap's opt_peep does the latter). Never the converse
// shortcut libpcap 1.10.3 took for `jset #0xffffffff` (treating it as always true: it is
// false when A is 0).
void peephole(Graph& graph, const std::vector<bool>& live) {
    constexpr std::uint16_t and_k = op::alu | op::and_ | op::k;
    for (std::size_t id = 0; id < graph.blocks.size(); ++id) {
        cfg::Block& block = graph.blocks[id];
        if (!live[id] || block.is_return || block.statements.empty()) continue;
        const Insn last = block.statements.back();
        if (last.code != and_k) continue;
        if (last.k == 0xffffffff) {
            block.statements.pop_back();
        } else if (block.test.code == (op::jmp | op::jeq | op::k) && block.test.k == 0) {
            block.statements.pop_back();
            block.test = Insn{op::jmp | op::jset | op::k, 0, 0, last.k};
            std::swap(block.on_true, block.on_false);
        }
    }
}

}  // namespace

void optimize(Graph& graph, facts::Reasoning reasoning) {
    // libpcap's order: thread jumps and pull tests up until nothing changes, and only then
    // merge identical blocks (merging earlier would give blocks several predecessors and
    // stop pull-ups that libpcap performs, changing which load comes first).
    for (bool changed = true; changed;) {
        changed = thread_jumps(graph, reasoning);
        changed |= bypass_undecided(graph);
        if (!changed && pull_up_same_operand_tests(graph)) {
            renumber(graph);
            changed = true;
        }
    }
    for (bool changed = true; changed;) {
        changed = merge_identical(graph);
        changed |= bypass_undecided(graph);
    }
    peephole(graph, reachable(graph));
    remove_redundant_loads(graph);
    // Tails that only differed in the loads just removed (`jeq #b` after `ld [30]` and after
    // `ld [38]`) are now identical. Merging them is safe: their successors were already
    // shared, so nothing downstream relied on the loads that told them apart.
    while (merge_identical(graph)) {
    }
    renumber(graph);
}
}  // namespace rawdump::filter
