// Runs the X3 grammar and turns its failures into Diagnostics.
#include "filter/parse.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "filter/depth_limit.hpp"
#include "filter/grammar.hpp"

namespace rawdump::filter {

SourceSpan SourcePositions::span_of(const ast::x3::position_tagged& node) const {
    if (node.id_first < 0 || node.id_last < 0) return {};
    const auto first = static_cast<std::size_t>(node.id_first);
    const auto last = static_cast<std::size_t>(node.id_last);
    if (first >= offsets_.size() || last >= offsets_.size()) return {};
    std::size_t begin = std::min(offsets_[first], text_.size());
    std::size_t end = std::min(offsets_[last], text_.size());
    auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (begin < end && blank(text_[begin])) ++begin;
    while (end > begin && blank(text_[end - 1])) --end;
    return {begin, end - begin};
}

namespace {

// What the user should have written where an id was missing, by the qualifier before it.
std::string_view expected_id_for(const grammar::ParseState& state) {
    if (!state.last_kind_known) return "a host address or name";
    switch (state.last_kind) {
        case ast::Kind::Host: return "a host address or name";
        case ast::Kind::Net: return "a network address";
        case ast::Kind::Port: return "a port number or name";
        case ast::Kind::Portrange: return "a port range";
        case ast::Kind::Gateway: return "a host name";
        case ast::Kind::Proto:
        case ast::Kind::Protochain: return "a protocol number or name";
    }
    return "an id";
}

std::size_t skip_blanks(std::string_view text, std::size_t offset) {
    while (offset < text.size() && (text[offset] == ' ' || text[offset] == '\t' ||
                                    text[offset] == '\n' || text[offset] == '\r'))
        ++offset;
    return offset;
}

Diagnostic syntax_error(std::string_view text, std::size_t offset, std::string_view expected) {
    offset = skip_blanks(text, offset);
    std::size_t length = 0;
    while (offset + length < text.size() && text[offset + length] != ' ') ++length;
    return {offset, length, fmt::format("syntax error in filter expression: expected {}", expected)};
}

}  // namespace

Expected<ParsedExpression, Diagnostic> parse(std::string_view expression) {
    namespace x3 = boost::spirit::x3;
    // The grammar's character classes (x3::alnum, x3::alpha) are defined for ASCII only: a
    // byte above 0x7f is undefined behaviour in them (an assertion in debug builds). No
    // pcap-filter token has one, so it is a syntax error right there (found by fuzzing).
    const auto non_ascii = std::find_if(expression.begin(), expression.end(),
                                        [](char c) { return static_cast<unsigned char>(c) > 0x7f; });
    if (non_ascii != expression.end()) {
        const auto offset = static_cast<std::size_t>(non_ascii - expression.begin());
        return Unexpected{Diagnostic{offset, 1, "syntax error in filter expression: unexpected "
                                                "non-ASCII character"}};
    }
    // Before the recursive descent, which would overflow the stack on deep nesting.
    if (auto too_deep = check_depth(expression)) return Unexpected{std::move(*too_deep)};
    const char* const begin = expression.data();
    const char* const end = begin + expression.size();
    const char* cursor = begin;

    grammar::PositionCache cache{begin, end};
    grammar::ParseState state;
    ast::Expr tree;
    const auto parser = x3::with<grammar::position_cache_tag>(std::ref(cache))
        [x3::with<grammar::parse_state_tag>(std::ref(state))[grammar::expression_parser()]];

    try {
        const bool ok = x3::phrase_parse(cursor, end, parser, x3::ascii::space, tree);
        if (!ok)
            return Unexpected{syntax_error(expression, 0, "a primitive such as 'tcp' or 'host 10.0.0.1'")};
    } catch (const x3::expectation_failure<const char*>& failure) {
        const auto offset = static_cast<std::size_t>(failure.where() - begin);
        const std::string& which = failure.which();
        if (which == "an id") return Unexpected{syntax_error(expression, offset, expected_id_for(state))};
        if (which == "a primitive or an id")
            return Unexpected{syntax_error(expression, offset, "a primitive or an id after 'and'/'or'")};
        if (which == "')'" || which == "')'" ) return Unexpected{syntax_error(expression, offset, "')'")};
        return Unexpected{syntax_error(expression, offset, which)};
    }
    const auto rest = skip_blanks(expression, static_cast<std::size_t>(cursor - begin));
    if (rest != expression.size())
        return Unexpected{syntax_error(expression, rest, "'and', 'or' or the end of the expression")};

    std::vector<std::size_t> offsets;
    offsets.reserve(cache.get_positions().size());
    for (const char* position : cache.get_positions())
        offsets.push_back(static_cast<std::size_t>(position - begin));
    return ParsedExpression{std::move(tree), SourcePositions{expression, std::move(offsets)}};
}

}  // namespace rawdump::filter
