#include "filter/assemble.hpp"

#include <algorithm>
#include <cstddef>
#include <limits>

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

std::size_t size_of(const cfg::Graph& graph, const Item& item) {
    if (item.is_trampoline) return 1;
    return graph.blocks[item.block].statements.size() + 1;
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

    // Insert trampolines until every conditional jump fits in 8 bits. Each insertion only
    // lengthens jumps across it, so repeat until a pass changes nothing.
    std::vector<std::size_t> start;
    for (bool changed = true; changed;) {
        changed = false;
        start.assign(items.size() + 1, 0);
        for (std::size_t i = 0; i < items.size(); ++i) start[i + 1] = start[i] + size_of(graph, items[i]);
        for (std::size_t i = 0; i < items.size() && !changed; ++i) {
            if (items[i].is_trampoline || graph.blocks[items[i].block].is_return) continue;
            const std::size_t jump_at = start[i + 1] - 1;
            for (const bool true_edge : {true, false}) {
                const std::size_t target = true_edge ? items[i].true_item : items[i].false_item;
                if (start[target] - jump_at - 1 <= max_short_jump) continue;
                // Put a `ja target` right after this block and send the far edge to it.
                const std::size_t at = i + 1;
                for (Item& other : items) {
                    if (other.true_item >= at) ++other.true_item;
                    if (other.false_item >= at) ++other.false_item;
                }
                items.insert(items.begin() + static_cast<std::ptrdiff_t>(at),
                             Item{true, 0, target + 1, 0});
                (true_edge ? items[i].true_item : items[i].false_item) = at;
                changed = true;
                break;
            }
        }
    }

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
        const std::size_t here = program.size();
        Insn jump = block.test;
        jump.jt = static_cast<std::uint8_t>(start[item.true_item] - here - 1);
        jump.jf = static_cast<std::uint8_t>(start[item.false_item] - here - 1);
        program.push_back(jump);
    }
    return program;
}

}  // namespace rawdump::filter
