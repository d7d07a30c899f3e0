// Straight-line code for one arithmetic relation: the statements that leave the left side in
// A (and the right side in X when it is not a constant), plus the final conditional jump.
// Operands of binary operators are spilled to scratch memory as libpcap does, so the code
// only reads M[] slots it wrote itself and the block stays self-contained.
#pragma once

#include <vector>

#include "filter/bpf.hpp"
#include "filter/ir.hpp"
#include "filter/link_layer.hpp"

namespace rawdump::filter {

struct RelationCode {
    std::vector<Insn> statements;
    Insn jump;           // jeq/jgt/jge with #k or x
    bool negated;        // the relation holds when the jump is NOT taken (<, <=, !=)
};

RelationCode relation_code(const ir::ArithRelation& relation, const LinkLayer& link);

// Scratch slots an expression needs (sema refuses relations needing more than BPF has).
unsigned scratch_slots_needed(const ir::ArithRelation& relation);

}  // namespace rawdump::filter
