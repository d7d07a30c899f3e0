// Lowering: the dispatch over IR nodes and the connectives (and/or/not), which lower left
// before right because encapsulations move the offsets of what follows them.
#include "filter/lowering.hpp"

#include <algorithm>
#include <type_traits>
#include <utility>

namespace rawdump::filter::lowering {

namespace {

Implications negated(Implications a) {
    return {a.vlan_if_false, a.vlan_if_true, a.geneve_if_false, a.geneve_if_true};
}

// `left and right`: true needs both; false is the left's false, or its true then the
// right's false.
Implications conjunction(const Implications& l, const Implications& r) {
    return {l.vlan_if_true || r.vlan_if_true,
            l.vlan_if_false && (l.vlan_if_true || r.vlan_if_false),
            l.geneve_if_true || r.geneve_if_true,
            l.geneve_if_false && (l.geneve_if_true || r.geneve_if_false)};
}

Implications disjunction(const Implications& l, const Implications& r) {
    return negated(conjunction(negated(l), negated(r)));
}

Implications implications_of(const ir::Node& node);

// The left spine of a chain `((a op b) op c) op d`: its nodes from the top down, and the
// first operand that is not an and/or.
const ir::Node& left_spine(const ir::Node& top, std::vector<const ir::Node*>& spine) {
    const ir::Node* node = &top;
    while (true) {
        if (const auto* a = std::get_if<ir::And>(&node->value)) {
            spine.push_back(node);
            node = a->left.get();
        } else if (const auto* o = std::get_if<ir::Or>(&node->value)) {
            spine.push_back(node);
            node = o->left.get();
        } else {
            return *node;
        }
    }
}

const ir::Node& right_of(const ir::Node& node) {
    if (const auto* a = std::get_if<ir::And>(&node.value)) return *a->right;
    return *std::get<ir::Or>(node.value).right;
}

// Recursion only into right operands and `not` (as deep as the nesting, which
// depth_limit.hpp bounds), never down a chain.
Implications implications_of(const ir::Node& node) {
    if (const auto* n = std::get_if<ir::Not>(&node.value)) return negated(implications_of(*n->operand));
    std::vector<const ir::Node*> spine;
    const ir::Node& first = left_spine(node, spine);
    Implications result;
    if (spine.empty()) {
        const bool vlan = std::holds_alternative<ir::Vlan>(first.value);
        const bool geneve = std::holds_alternative<ir::Geneve>(first.value);
        return {vlan, vlan, geneve, false};
    }
    result = implications_of(first);
    for (auto it = spine.rbegin(); it != spine.rend(); ++it) {
        const Implications right = implications_of(right_of(**it));
        result = std::holds_alternative<ir::And>((*it)->value) ? conjunction(result, right)
                                                                : disjunction(result, right);
    }
    return result;
}

}  // namespace

PredPtr Lowering::lower(const ir::Node& node) {
    if (geneve_ && reads_packet(node)) return after_geneve(node);
    if (live_vlan_ && reads_packet(node)) return after_live_vlan(node);
    return std::visit([this](const auto& value) { return lower(value); }, node.value);
}

template <typename Connective>
PredPtr Lowering::lower_chain(const Connective& top) {
    std::vector<const ir::Node*> spine;
    const ir::Node& first = left_spine(*top.left, spine);
    std::reverse(spine.begin(), spine.end());  // bottom up: the order of evaluation
    PredPtr result = lower(first);              // first: it may move the offsets
    Implications so_far = implications_of(first);
    auto step = [&](bool is_and, const ir::Node& right) {
        PredPtr lowered = lower_after(so_far, is_and, right);
        result = is_and ? all_of(result, lowered) : any_of(result, lowered);
        const Implications of_right = implications_of(right);
        so_far = is_and ? conjunction(so_far, of_right) : disjunction(so_far, of_right);
    };
    for (const ir::Node* node : spine)
        step(std::holds_alternative<ir::And>(node->value), right_of(*node));
    step(std::is_same_v<Connective, ir::And>, *top.right);
    return result;
}

PredPtr Lowering::lower(const ir::And& node) { return lower_chain(node); }
PredPtr Lowering::lower(const ir::Or& node) { return lower_chain(node); }

// `right`, reached when what came before it came out `outcome`.
PredPtr Lowering::lower_after(const Implications& before, bool outcome, const ir::Node& right) {
    const bool saved_vlan = vlan_evaluated_, saved_geneve = geneve_matched_;
    vlan_evaluated_ = saved_vlan || (outcome ? before.vlan_if_true : before.vlan_if_false);
    geneve_matched_ = saved_geneve || (outcome ? before.geneve_if_true : before.geneve_if_false);
    PredPtr result = lower(right);
    vlan_evaluated_ = saved_vlan;
    geneve_matched_ = saved_geneve;
    return result;
}

void Lowering::refuse(ir::Where where, std::string message) const {
    if (!first_error_) first_error_ = CodegenError{where.offset, where.length, std::move(message)};
}

}  // namespace rawdump::filter::lowering
