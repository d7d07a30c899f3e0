#include "filter/assemble.hpp"

#include <algorithm>
#include <cstddef>
#include <limits>
#include <unordered_map>

namespace rawdump::filter {
namespace {

constexpr std::size_t max_short_jump = std::numeric_limits<std::uint8_t>::max();

// One entry of the layout: a CFG block, or a `ja` trampoline standing in for a far target.
struct Item {
    bool is_trampoline = false;
    cfg::BlockId block = 0;      // the block, or the trampoline's destination block
    std::size_t true_item = 0;   // layout indexes of a test block's successors
    std::size_t false_item = 0;
};

std::vector<cfg::BlockId> reachable_in_topological_order(const cfg::Graph& graph) {
    std::vector<bool> seen(graph.blocks.size(), false);
    std::vector<cfg::BlockId> stack{graph.entry};
    while (!stack.empty()) {
        const cfg::BlockId id = stack.back();
        stack.pop_back();
        if (seen[id]) continue;
        seen[id] = true;
        const cfg::Block& block = graph.blocks[id];
        if (!block.is_return) {
            stack.push_back(block.on_true);
            stack.push_back(block.on_false);
        }
    }
    // Edges go from higher to lower ids (cfg.hpp), so descending id is topological.
    std::vector<cfg::BlockId> order;
    for (std::size_t id = graph.blocks.size(); id-- > 0;)
        if (seen[id]) order.push_back(static_cast<cfg::BlockId>(id));
    return order;
}

// A block that continues at one place whatever it computes (run_time_offsets.hpp) and is
// laid out right before it needs no jump at all.
bool falls_through(const cfg::Graph& graph, const std::vector<Item>& items, std::size_t i) {
    const Item& item = items[i];
    if (item.is_trampoline) return false;
    const cfg::Block& block = graph.blocks[item.block];
    return !block.is_return && block.feeds_successors && block.on_true == block.on_false &&
           item.true_item == i + 1;
}

std::size_t size_of(const cfg::Graph& graph, const std::vector<Item>& items, std::size_t i) {
    const Item& item = items[i];
    if (item.is_trampoline) return 1;
    return graph.blocks[item.block].statements.size() + (falls_through(graph, items, i) ? 0 : 1);
}

// Far edges to one destination share trampolines: each jump needs a `ja` in the 255
// instructions after it, and a run of tests (`host a or host b or ...`, all jumping to
// `ret #snaplen`) can use one instead of one each. Greedy interval cover over the `ja`s the
// layout already has: keep using the last chosen one while it is in range, else take the
// furthest one in range. Unused ones go; removing instructions only shortens jumps, so every
// jump stays in range, and the program never grows.
void share_trampolines(const cfg::Graph& graph, std::vector<Item>& items, std::vector<std::size_t>& start) {
    // Trampolines per destination item, in layout order.
    std::unordered_map<std::size_t, std::vector<std::size_t>> by_destination;
    for (std::size_t t = 0; t < items.size(); ++t)
        if (items[t].is_trampoline) by_destination[items[t].true_item].push_back(t);
    if (by_destination.empty()) return;
    std::unordered_map<std::size_t, std::size_t> chosen;  // destination -> trampoline in use
    std::vector<bool> used(items.size(), false);
    for (std::size_t i = 0; i < items.size(); ++i) {
        Item& item = items[i];
        if (item.is_trampoline || graph.blocks[item.block].is_return) continue;
        const std::size_t jump_at = start[i + 1] - 1;
        for (std::size_t* edge : {&item.true_item, &item.false_item}) {
            if (!items[*edge].is_trampoline) continue;
            const std::size_t destination = items[*edge].true_item;
            auto in_range = [&](std::size_t t) {
                return start[t] > jump_at && start[t] - jump_at - 1 <= max_short_jump;
            };
            auto current = chosen.find(destination);
            if (current == chosen.end() || !in_range(current->second)) {
                // The furthest trampoline to the destination within reach (the edge's own
                // one qualifies, so there is always one).
                const auto& candidates = by_destination[destination];
                std::size_t best = *edge;
                for (auto it = std::upper_bound(candidates.begin(), candidates.end(), *edge,
                                                [&](std::size_t a, std::size_t b) { return start[a] < start[b]; });
                     it != candidates.end() && in_range(*it); ++it)
                    best = *it;
                current = chosen.insert_or_assign(destination, best).first;
            }
            *edge = current->second;
            used[*edge] = true;
        }
    }
    // Drop the trampolines nobody uses and renumber.
    std::vector<std::size_t> new_index(items.size(), 0);
    std::vector<Item> kept;
    kept.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        new_index[i] = kept.size();
        if (items[i].is_trampoline && !used[i]) continue;
        kept.push_back(items[i]);
    }
    for (Item& item : kept) {
        if (item.is_trampoline) {
            item.true_item = new_index[item.true_item];
        } else if (!graph.blocks[item.block].is_return) {
            item.true_item = new_index[item.true_item];
            item.false_item = new_index[item.false_item];
        }
    }
    items = std::move(kept);
    start.assign(items.size() + 1, 0);
    for (std::size_t i = 0; i < items.size(); ++i) start[i + 1] = start[i] + size_of(graph, items, i);
}

}  // namespace

Program assemble(const cfg::Graph& graph) {
    const std::vector<cfg::BlockId> order = reachable_in_topological_order(graph);
    std::vector<Item> items;
    std::vector<std::size_t> item_of_block(graph.blocks.size(), 0);
    for (cfg::BlockId id : order) {
        item_of_block[id] = items.size();
        items.push_back(Item{false, id, 0, 0});
    }
    for (Item& item : items) {
        const cfg::Block& block = graph.blocks[item.block];
        if (block.is_return) continue;
        item.true_item = item_of_block[block.on_true];
        item.false_item = item_of_block[block.on_false];
    }

    // Insert trampolines until every conditional jump fits in 8 bits. An insertion only
    // lengthens jumps across it, so a far edge stays far: each round gives every edge that is
    // far now its `ja` (right after its block, the false edge's first), and rounds repeat
    // until none is left. Linear per round; long `host` chains need two or three rounds.
    std::vector<std::size_t> start;
    std::vector<std::size_t> new_index;
    for (;;) {
        start.assign(items.size() + 1, 0);
        for (std::size_t i = 0; i < items.size(); ++i) start[i + 1] = start[i] + size_of(graph, items, i);
        auto far = [&](std::size_t i, std::size_t target) {
            return start[target] - (start[i + 1] - 1) - 1 > max_short_jump;
        };
        std::size_t added = 0;
        new_index.assign(items.size(), 0);
        for (std::size_t i = 0; i < items.size(); ++i) {
            new_index[i] = i + added;
            const Item& item = items[i];
            if (item.is_trampoline || graph.blocks[item.block].is_return) continue;
            added += far(i, item.true_item) + far(i, item.false_item);
        }
        if (added == 0) break;
        std::vector<Item> next;
        next.reserve(items.size() + added);
        for (std::size_t i = 0; i < items.size(); ++i) {
            Item item = items[i];
            const bool test = !item.is_trampoline && !graph.blocks[item.block].is_return;
            const bool far_false = test && far(i, item.false_item);
            const bool far_true = test && far(i, item.true_item);
            if (item.is_trampoline) {
                item.true_item = new_index[item.true_item];
            } else if (test) {
                item.true_item = new_index[item.true_item];
                item.false_item = new_index[item.false_item];
            }
            const std::size_t at = next.size();
            if (far_false) item.false_item = at + 1;
            if (far_true) item.true_item = at + 1 + (far_false ? 1 : 0);
            const std::size_t far_false_target = new_index[items[i].false_item];
            const std::size_t far_true_target = new_index[items[i].true_item];
            next.push_back(item);
            if (far_false) next.push_back(Item{true, 0, far_false_target, 0});
            if (far_true) next.push_back(Item{true, 0, far_true_target, 0});
        }
        items = std::move(next);
    }

    share_trampolines(graph, items, start);

    Program program;
    program.reserve(start.back());
    for (std::size_t i = 0; i < items.size(); ++i) {
        const Item& item = items[i];
        if (item.is_trampoline) {
            const std::size_t here = start[i];
            program.push_back(Insn{op::jmp | op::ja, 0, 0,
                                   static_cast<std::uint32_t>(start[item.true_item] - here - 1)});
            continue;
        }
        const cfg::Block& block = graph.blocks[item.block];
        if (block.is_return) {
            program.push_back(Insn{op::ret | op::k, 0, 0, block.return_value});
            continue;
        }
        program.insert(program.end(), block.statements.begin(), block.statements.end());
        if (falls_through(graph, items, i)) continue;
        const std::size_t here = program.size();
        if (block.feeds_successors && block.on_true == block.on_false) {
            program.push_back(Insn{op::jmp | op::ja, 0, 0,
                                   static_cast<std::uint32_t>(start[item.true_item] - here - 1)});
            continue;
        }
        Insn jump = block.test;
        jump.jt = static_cast<std::uint8_t>(start[item.true_item] - here - 1);
        jump.jf = static_cast<std::uint8_t>(start[item.false_item] - here - 1);
        program.push_back(jump);
    }
    return program;
}

}  // namespace rawdump::filter
