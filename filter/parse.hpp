// Text -> parse tree, with every tagged node's span recoverable for diagnostics.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "filter/ast.hpp"
#include "filter/diagnostic.hpp"
#include "src/core/expected.hpp"

namespace rawdump::filter {

struct SourceSpan {
    std::size_t offset = 0;
    std::size_t length = 0;
};

// Byte offsets recorded by the parser for position_tagged nodes (index = the node's id).
class SourcePositions {
public:
    SourcePositions(std::string_view text, std::vector<std::size_t> offsets)
        : text_(text), offsets_(std::move(offsets)) {}
    // The node's text without surrounding blanks. A node the parser never annotated yields an
    // empty span at 0 rather than throwing.
    SourceSpan span_of(const ast::x3::position_tagged& node) const;

private:
    std::string_view text_;  // the parsed expression (the caller keeps it alive)
    std::vector<std::size_t> offsets_;
};

struct ParsedExpression {
    ast::Expr tree;
    SourcePositions positions;
};

// Syntax errors come back as "syntax error in filter expression: expected X" at the point
// where parsing stopped.
Expected<ParsedExpression, Diagnostic> parse(std::string_view expression);

}  // namespace rawdump::filter
