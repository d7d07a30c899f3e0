// The pipeline: parse -> sema -> codegen -> (optimise) -> assemble.
#include "filter/compile.hpp"

#include "filter/assemble.hpp"
#include "filter/codegen.hpp"
#include "filter/link_layer.hpp"
#include "filter/optimize.hpp"
#include "filter/parse.hpp"
#include "filter/sema.hpp"

namespace rawdump::filter {
namespace {

bool is_blank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

}  // namespace

Expected<Program, Diagnostic> compile(std::string_view expression, const CompileOptions& options) {
    const auto link = link_layer_for(options.link);
    if (is_blank(expression)) return Program{Insn{op::ret | op::k, 0, 0, options.snaplen}};
    if (!link) return Unexpected{Diagnostic{0, 0, link.error()}};

    auto parsed = parse(expression);
    if (!parsed) return Unexpected{parsed.error()};
    auto meaning = analyse(*parsed, SemaOptions{options.resolve_port,
                                                link->mac_addresses_offset.has_value()});
    if (!meaning) return Unexpected{meaning.error()};

    cfg::Graph graph = generate(**meaning, *link, options.snaplen);
    if (options.optimize) {
        optimize(graph);
        // libpcap refuses a filter that its optimiser proves can never match.
        const cfg::Block& entry = graph.blocks[graph.entry];
        if (entry.is_return && entry.return_value == 0)
            return Unexpected{Diagnostic{0, expression.size(), "expression rejects all packets"}};
    }
    return assemble(graph);
}

}  // namespace rawdump::filter
