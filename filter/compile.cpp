// The pipeline: parse -> sema -> codegen -> (optimise) -> assemble.
#include "filter/compile.hpp"

#include "filter/assemble.hpp"
#include "filter/codegen.hpp"
#include "filter/codegen_protochain.hpp"
#include "filter/link_layer.hpp"
#include "filter/optimize.hpp"
#include "filter/parse.hpp"
#include "filter/sema.hpp"
#include "filter/validate.hpp"

namespace rawdump::filter {
namespace {

bool is_blank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

bool rejects_everything(const cfg::Graph& graph) {
    const cfg::Block& entry = graph.blocks[graph.entry];
    return entry.is_return && entry.return_value == 0;
}

}  // namespace

Expected<Program, Diagnostic> compile(std::string_view expression, const CompileOptions& options) {
    auto link = link_layer_for(options.link);
    if (link) {
        link->live = options.live;
        link->savefile = options.savefile;
    }
    if (is_blank(expression)) return Program{Insn{op::ret | op::k, 0, 0, options.snaplen}};
    if (!link) return Unexpected{Diagnostic{0, 0, link.error()}};

    auto parsed = parse(expression);
    if (!parsed) return Unexpected{parsed.error()};
    auto meaning = analyse(*parsed, SemaOptions{options.resolve_port,
                                                link->mac_addresses_offset.has_value(),
                                                options.resolve_host, options.resolve_network,
                                                options.netmask});
    if (!meaning) return Unexpected{meaning.error()};

    link->fold_wrapping_offsets = options.optimize && !uses_protochain(**meaning);
    auto generated = generate_checked(**meaning, *link, options.snaplen);
    if (!generated) {
        const CodegenError& error = generated.error();
        // Context errors without a primitive's span cover the whole expression.
        return Unexpected{error.length ? Diagnostic{error.offset, error.length, error.message}
                                       : Diagnostic{0, expression.size(), error.message}};
    }
    cfg::Graph graph = std::move(*generated);
    if (options.optimize && !uses_protochain(**meaning)) {  // libpcap's no_optimize
        cfg::Graph unoptimised = graph;
        optimize(graph);
        // libpcap refuses a filter that its optimiser proves can never match. Ours proves
        // more (`tcp and ipx`): refuse only if libpcap's weaker reasoning gets there too;
        // otherwise the program is `ret #0`, with libpcap's verdicts.
        if (rejects_everything(graph)) {
            optimize(unoptimised, facts::Reasoning::Libpcap);
            if (rejects_everything(unoptimised))
                return Unexpected{Diagnostic{0, expression.size(), "expression rejects all packets"}};
        }
    }
    Program program = assemble(graph);
    // Never hand out a program the kernel's checker (or bpf_validate) would refuse for its
    // form; the length limit is the caller's business (-r and -d may go past 4096).
    if (auto problem = validate(program, ValidateOptions{0}))
        return Unexpected{Diagnostic{0, expression.size(),
                                     "internal error: compiled an invalid program (" + *problem + ")"}};
    return program;
}

}  // namespace rawdump::filter
