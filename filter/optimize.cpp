#include "filter/optimize.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <vector>

namespace rawdump::filter {
namespace {

using cfg::BlockId;
using cfg::Graph;

// What a test block compares: its operand is the value of its last A-load, identified by that
// load and (for [x + k] loads) the X-load before it. Packet loads never change during a run,
// so a fact about an operand stays true for the rest of the path.
struct Operand {
    Insn load{};
    std::optional<Insn> index_load;  // ldxb 4*([k]&0xf) feeding an indirect load
    friend auto operator<=>(const Operand& a, const Operand& b) {
        auto key = [](const Operand& o) {
            return std::tuple{o.load.code, o.load.k, o.index_load.has_value(),
                              o.index_load ? o.index_load->code : 0,
                              o.index_load ? o.index_load->k : 0u};
        };
        return key(a) <=> key(b);
    }
    friend bool operator==(const Operand& a, const Operand& b) { return (a <=> b) == 0; }
};

bool is_packet_load(const Insn& insn) {
    const auto mode = op::mode(insn.code);
    return op::cls(insn.code) == op::ld && (mode == op::abs || mode == op::ind) &&
           insn.k < ancillary_base;
}

// The operand a block tests, if the block is self-contained (only packet loads feed it).
std::optional<Operand> operand_of(const cfg::Block& block) {
    if (block.is_return) return std::nullopt;
    std::optional<Insn> x_load;
    std::optional<Operand> operand;
    for (const Insn& insn : block.statements) {
        if (op::cls(insn.code) == op::ldx && op::mode(insn.code) == op::msh) {
            x_load = insn;
        } else if (is_packet_load(insn)) {
            if (op::mode(insn.code) == op::ind) {
                if (!x_load) return std::nullopt;
                operand = Operand{insn, x_load};
            } else {
                operand = Operand{insn, std::nullopt};
            }
        } else {
            return std::nullopt;  // ALU or scratch: not modelled, never threaded
        }
    }
    if (op::src(block.test.code) != op::k) return std::nullopt;
    return operand;
}

// Knowledge about one operand on an edge. The value sets are capped: knowing less is always
// safe (a test is then simply not threaded), and unbounded sets made long `host a or host b
// or ...` chains quadratic to copy.
constexpr std::size_t max_known_values = 8;

struct Fact {
    std::optional<std::set<std::uint32_t>> one_of;  // the value is one of these
    std::set<std::uint32_t> not_equals;             // the value is none of these
    std::uint32_t zero_bits = 0;                    // bits known to be 0 (a failed jset)
    std::vector<std::uint32_t> some_set;            // masks with at least one bit set
};

using Facts = std::map<Operand, Fact>;

bool may_equal(const Fact& fact, std::uint32_t v) {
    if (fact.one_of && !fact.one_of->contains(v)) return false;
    return !fact.not_equals.contains(v) && (v & fact.zero_bits) == 0;
}

// Outcome of `test` given `fact`, if decided.
std::optional<bool> decide(const Insn& test, const Fact& fact) {
    const std::uint32_t k = test.k;
    const auto operation = op::aluop(test.code);
    if (fact.one_of && !fact.one_of->empty()) {
        // Decided if every possible value gives the same outcome.
        std::optional<bool> common;
        for (std::uint32_t v : *fact.one_of) {
            bool outcome = false;
            switch (operation) {
                case op::jeq: outcome = v == k; break;
                case op::jgt: outcome = v > k; break;
                case op::jge: outcome = v >= k; break;
                case op::jset: outcome = (v & k) != 0; break;
                default: return std::nullopt;
            }
            if (common && *common != outcome) return std::nullopt;
            common = outcome;
        }
        return common;
    }
    if (operation == op::jeq && !may_equal(fact, k)) return false;
    if (operation == op::jset) {
        if ((k & ~fact.zero_bits) == 0) return false;
        for (std::uint32_t mask : fact.some_set)
            if ((mask & ~k) == 0) return true;  // k covers a mask known to have a set bit
    }
    return std::nullopt;
}

// The fact an edge adds: the block's test came out `outcome`.
void learn(Fact& fact, const Insn& test, bool outcome) {
    const std::uint32_t k = test.k;
    switch (op::aluop(test.code)) {
        case op::jeq:
            if (outcome) {
                fact.one_of = std::set<std::uint32_t>{k};
            } else if (fact.one_of) {
                fact.one_of->erase(k);
            } else if (fact.not_equals.size() < max_known_values) {
                fact.not_equals.insert(k);
            }
            break;
        case op::jset:
            if (outcome) {
                if (fact.some_set.size() < max_known_values) fact.some_set.push_back(k);
            } else {
                fact.zero_bits |= k;
            }
            break;
        default: break;
    }
}

// Facts true on both of two paths.
Fact meet(const Fact& a, const Fact& b) {
    Fact result;
    if (a.one_of && b.one_of) {
        std::set<std::uint32_t> either = *a.one_of;
        either.insert(b.one_of->begin(), b.one_of->end());
        if (either.size() <= max_known_values) result.one_of = std::move(either);
    }
    for (std::uint32_t w : a.not_equals)
        if (!may_equal(b, w)) result.not_equals.insert(w);
    for (std::uint32_t w : b.not_equals)
        if (!may_equal(a, w)) result.not_equals.insert(w);
    auto zero_bits_of = [](const Fact& f) {
        std::uint32_t zero = f.zero_bits;
        if (f.one_of && !f.one_of->empty()) {
            std::uint32_t any_set = 0;
            for (std::uint32_t v : *f.one_of) any_set |= v;
            zero |= ~any_set;
        }
        return zero;
    };
    result.zero_bits = zero_bits_of(a) & zero_bits_of(b);
    for (std::uint32_t mask : a.some_set)
        if (std::find(b.some_set.begin(), b.some_set.end(), mask) != b.some_set.end())
            result.some_set.push_back(mask);
    return result;
}

Facts meet(const Facts& a, const Facts& b) {
    Facts result;
    for (const auto& [operand, fact] : a)
        if (const auto other = b.find(operand); other != b.end()) result[operand] = meet(fact, other->second);
    return result;
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

// Facts holding on entry to every reachable block, in topological (descending id) order.
std::vector<std::optional<Facts>> entry_facts(const Graph& graph, const std::vector<bool>& live) {
    std::vector<std::optional<Facts>> facts(graph.blocks.size());
    facts[graph.entry] = Facts{};
    for (std::size_t id = graph.blocks.size(); id-- > 0;) {
        if (!live[id] || !facts[id]) continue;
        const cfg::Block& block = graph.blocks[id];
        if (block.is_return) continue;
        const auto operand = operand_of(block);
        for (const bool outcome : {true, false}) {
            Facts out = *facts[id];
            if (operand) learn(out[*operand], block.test, outcome);
            auto& target = facts[outcome ? block.on_true : block.on_false];
            target = target ? meet(*target, out) : out;
        }
    }
    return facts;
}

// Where an edge leaving a block with `facts` (plus its own outcome) really ends up.
BlockId thread(const Graph& graph, BlockId target, Facts facts) {
    while (true) {
        const cfg::Block& block = graph.blocks[target];
        const auto operand = operand_of(block);
        if (!operand) return target;
        const auto known = facts.find(*operand);
        if (known == facts.end()) return target;
        const auto outcome = decide(block.test, known->second);
        if (!outcome) return target;
        learn(facts[*operand], block.test, *outcome);
        target = *outcome ? block.on_true : block.on_false;
    }
}

bool thread_jumps(Graph& graph) {
    const auto live = reachable(graph);
    const auto facts = entry_facts(graph, live);
    bool changed = false;
    for (std::size_t id = graph.blocks.size(); id-- > 0;) {
        if (!live[id] || !facts[id]) continue;
        cfg::Block& block = graph.blocks[id];
        if (block.is_return) continue;
        const auto operand = operand_of(block);
        for (const bool outcome : {true, false}) {
            Facts out = *facts[id];
            if (operand) learn(out[*operand], block.test, outcome);
            BlockId& edge = outcome ? block.on_true : block.on_false;
            const BlockId threaded = thread(graph, edge, std::move(out));
            if (threaded != edge) {
                edge = threaded;
                changed = true;
            }
        }
    }
    return changed;
}

// A self-contained block whose edges agree decides nothing: jump past it.
bool bypass_undecided(Graph& graph) {
    bool changed = false;
    auto resolve = [&](BlockId id) {
        while (!graph.blocks[id].is_return && graph.blocks[id].on_true == graph.blocks[id].on_false &&
               operand_of(graph.blocks[id]))
            id = graph.blocks[id].on_true;
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
bool merge_identical(Graph& graph) {
    const auto live = reachable(graph);
    std::vector<BlockId> replacement(graph.blocks.size());
    for (std::size_t id = 0; id < graph.blocks.size(); ++id) replacement[id] = static_cast<BlockId>(id);
    bool changed = false;
    // Ascending id: successors are settled before the blocks that jump to them.
    for (std::size_t id = 0; id < graph.blocks.size(); ++id) {
        if (!live[id]) continue;
        cfg::Block& block = graph.blocks[id];
        if (!block.is_return) {
            block.on_true = replacement[block.on_true];
            block.on_false = replacement[block.on_false];
        }
        for (std::size_t earlier = 0; earlier < id; ++earlier) {
            if (live[earlier] && replacement[earlier] == earlier && graph.blocks[earlier] == block) {
                replacement[id] = static_cast<BlockId>(earlier);
                changed = true;
                break;
            }
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
    bool changed = false;
    for (std::size_t id = graph.blocks.size(); id-- > 0;) {
        if (!live[id] || graph.blocks[id].is_return) continue;
        const auto head_operand = operand_of(graph.blocks[id]);
        if (!head_operand) continue;
        for (const bool or_chain : {true, false}) {
            // In an or-chain the shared edge is on_true and the chain follows on_false.
            auto shared = [or_chain](cfg::Block& b) -> BlockId& { return or_chain ? b.on_true : b.on_false; };
            auto next = [or_chain](cfg::Block& b) -> BlockId& { return or_chain ? b.on_false : b.on_true; };
            // Each pull-up puts one more same-operand test behind the head; repeat from the
            // last one pulled so that `a or b or c` on one field ends up contiguous.
            BlockId anchor = static_cast<BlockId>(id);
            for (bool pulled = true; pulled;) {
                pulled = false;
                cfg::Block& head = graph.blocks[anchor];
                const BlockId first = next(head);
                BlockId previous = anchor;
                BlockId current = first;
                bool first_step = true;
                while (true) {
                    cfg::Block& block = graph.blocks[current];
                    if (block.is_return || shared(block) != shared(graph.blocks[id]) ||
                        preds[current] != 1)
                        break;
                    const auto operand = operand_of(block);
                    if (!operand) break;
                    if (*operand == *head_operand) {
                        if (!first_step) {
                            next(graph.blocks[previous]) = next(block);
                            next(block) = first;
                            next(head) = current;
                            changed = true;
                        }
                        anchor = current;
                        pulled = true;
                        break;
                    }
                    first_step = false;
                    previous = current;
                    current = next(block);
                }
            }
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
        for (const Insn& insn : block.statements) {
            if (op::cls(insn.code) == op::ldx && op::mode(insn.code) == op::msh) {
                if (state.x == insn) continue;
                state.x = insn;
                // A's identity may have depended on the old X.
                if (state.a && state.a->index_load && !(*state.a->index_load == insn)) state.a.reset();
            } else if (is_packet_load(insn)) {
                const Operand operand = op::mode(insn.code) == op::ind
                                            ? Operand{insn, state.x}
                                            : Operand{insn, std::nullopt};
                const bool known_x = op::mode(insn.code) != op::ind || state.x.has_value();
                if (known_x && state.a == operand) continue;
                state.a = known_x ? std::optional<Operand>{operand} : std::nullopt;
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

}  // namespace

void optimize(Graph& graph) {
    // libpcap's order: thread jumps and pull tests up until nothing changes, and only then
    // merge identical blocks (merging earlier would give blocks several predecessors and
    // stop pull-ups that libpcap performs, changing which load comes first).
    for (bool changed = true; changed;) {
        changed = thread_jumps(graph);
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
    remove_redundant_loads(graph);
    // Tails that only differed in the loads just removed (`jeq #b` after `ld [30]` and after
    // `ld [38]`) are now identical. Merging them is safe: their successors were already
    // shared, so nothing downstream relied on the loads that told them apart.
    while (merge_identical(graph)) {
    }
    renumber(graph);
}
}  // namespace rawdump::filter
