// The control-flow graph between codegen and the assembler: blocks of straight-line
// statements ending either in a conditional jump (two successors) or a return.
//
// Invariant kept by every pass: edges only go from a higher block id to a lower one, so the
// graph is acyclic and "descending id" is a topological order (codegen creates successors
// before the blocks that jump to them).
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "filter/bpf.hpp"

namespace rawdump::filter::cfg {

using BlockId = std::uint32_t;

struct Block {
    std::vector<Insn> statements;  // loads, stores and ALU: never jumps or returns
    bool is_return = false;
    std::uint32_t return_value = 0;  // when is_return
    Insn test{};                     // when !is_return: jeq/jgt/jge/jset with jt/jf unused
    BlockId on_true = 0;
    BlockId on_false = 0;
    // Its registers and scratch words are read by what follows (geneve's run-time offsets):
    // unlike codegen's other blocks it is not self-contained, so even with both edges equal
    // the optimiser must keep it.
    bool feeds_successors = false;

    friend bool operator==(const Block&, const Block&) = default;
};

struct Graph {
    std::vector<Block> blocks;
    BlockId entry = 0;

    BlockId add(Block block) {
        blocks.push_back(std::move(block));
        return static_cast<BlockId>(blocks.size() - 1);
    }
};

// A block that runs `statements` and continues at `next` whatever they compute: its A, X or
// scratch words feed `next` (laid out right before it, the assembler emits no jump).
inline BlockId add_straight(Graph& graph, std::vector<Insn> statements, BlockId next) {
    Block block;
    block.statements = std::move(statements);
    block.test = Insn{op::jmp | op::jeq | op::k, 0, 0, 0};  // either way: `next`
    block.on_true = block.on_false = next;
    block.feeds_successors = true;
    return graph.add(std::move(block));
}

}  // namespace rawdump::filter::cfg
