#include "filter/codegen.hpp"

#include <utility>
#include <variant>

#include "filter/lowering.hpp"

namespace rawdump::filter {

namespace lowering {

// The right operand is emitted first (its entry is where the left one continues), then the
// loop goes down the left operand: a left-deep chain costs no recursion.
cfg::BlockId emit(cfg::Graph& graph, const Pred& pred, cfg::BlockId on_true, cfg::BlockId on_false) {
    const Pred* node = &pred;
    while (true) {
        if (const auto* test = std::get_if<Test>(&node->value)) {
            cfg::Block block;
            block.statements = test->loads;
            block.test = test->jump;
            block.on_true = on_true;
            block.on_false = on_false;
            return graph.add(std::move(block));
        } else if (const auto* both = std::get_if<AllOf>(&node->value)) {
            on_true = emit(graph, *both->right, on_true, on_false);
            node = both->left.get();
        } else if (const auto* either = std::get_if<AnyOf>(&node->value)) {
            on_false = emit(graph, *either->right, on_true, on_false);
            node = either->left.get();
        } else if (const auto* negated = std::get_if<Negation>(&node->value)) {
            std::swap(on_true, on_false);
            node = negated->operand.get();
        } else if (const auto* always = std::get_if<Always>(&node->value)) {
            return always->value ? on_true : on_false;
        } else {
            return std::get<Emitted>(node->value).emit(graph, on_true, on_false);
        }
    }
}

}  // namespace lowering

cfg::Graph generate(const ir::Node& root, const LinkLayer& link, std::uint32_t accept_value,
                    std::optional<CodegenError>* error) {
    cfg::Graph graph;
    cfg::Block reject;
    reject.is_return = true;
    reject.return_value = 0;
    cfg::Block accept;
    accept.is_return = true;
    accept.return_value = accept_value;
    // Reject first so that, laid out in descending id order, `ret #snaplen` precedes
    // `ret #0` as in libpcap's listings.
    const cfg::BlockId reject_id = graph.add(reject);
    const cfg::BlockId accept_id = graph.add(accept);

    lowering::Lowering lowering(link);
    graph.entry = lowering::emit(graph, *lowering.lower(root), accept_id, reject_id);
    if (error && lowering.error()) *error = *lowering.error();
    return graph;
}

Expected<cfg::Graph, CodegenError> generate_checked(const ir::Node& root, const LinkLayer& link,
                                                    std::uint32_t accept_value) {
    std::optional<CodegenError> error;
    cfg::Graph graph = generate(root, link, accept_value, &error);
    if (error) return Unexpected{std::move(*error)};
    return graph;
}

}  // namespace rawdump::filter
