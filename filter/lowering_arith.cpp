// Lowering: packet length and arithmetic relations.
#include "filter/lowering.hpp"

namespace rawdump::filter::lowering {

// greater: len >= N; less: len <= N, written as not (len > N).
PredPtr Lowering::lower(const ir::PacketLength& node) {
    const Insn length = statement(op::ld | op::w | op::len, 0);
    if (node.at_least) return test({length}, op::jge, node.length);
    return negation(test({length}, op::jgt, node.length));
}

PredPtr Lowering::lower(const ir::ArithRelation& node) {
    RelationCode code = relation_code(node, link_);
    PredPtr result = std::make_shared<Pred>(Pred{Test{std::move(code.statements), code.jump}});
    return code.negated ? negation(result) : result;
}

}  // namespace rawdump::filter::lowering
