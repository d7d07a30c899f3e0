// Caret rendering of compile errors: the message, the expression indented by two spaces, and
// a marker line under the offending span (a single ^ for a point such as end of input).
#include "filter/diagnostic.hpp"

#include <algorithm>

namespace rawdump::filter {

std::string render(const Diagnostic& diagnostic, std::string_view expression) {
    constexpr std::string_view indent = "  ";
    const std::size_t offset = std::min(diagnostic.offset, expression.size());
    const std::size_t length =
        std::max<std::size_t>(1, std::min(diagnostic.length, expression.size() - offset));

    std::string out = diagnostic.message;
    out += '\n';
    out += indent;
    out += expression;
    out += '\n';
    out += indent;
    // Keep tabs so the caret lines up under tab-containing input.
    for (std::size_t i = 0; i < offset; ++i) out += expression[i] == '\t' ? '\t' : ' ';
    out += '^';
    out.append(length - 1, '~');
    return out;
}

}  // namespace rawdump::filter
