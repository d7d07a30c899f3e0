// Caret rendering of compile errors: the message, the expression indented by two spaces, and
// a marker line under the offending span (a single ^ for a point such as end of input).
//
// Only the line holding the error is echoed (a -F file may hold many), and of a long line
// only a window around the error, so that a huge bad filter file gives a short message.
#include "filter/diagnostic.hpp"

#include <algorithm>

namespace rawdump::filter {
namespace {

constexpr std::string_view ellipsis = "...";

// Tabs stay tabs (the caret lines up under them); other control characters would move the
// terminal's cursor, so they are shown as blanks.
char shown(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return c == '\t' || byte >= 0x20 ? c : ' ';
}

}  // namespace

std::string render(const Diagnostic& diagnostic, std::string_view expression) {
    constexpr std::string_view indent = "  ";
    const std::size_t offset = std::min(diagnostic.offset, expression.size());

    // The line holding the offset (a point at a line's end belongs to that line).
    const std::size_t line_start = [&] {
        const std::size_t newline = offset == 0 ? std::string_view::npos : expression.rfind('\n', offset - 1);
        return newline == std::string_view::npos ? 0 : newline + 1;
    }();
    std::size_t line_end = expression.find('\n', offset);
    if (line_end == std::string_view::npos) line_end = expression.size();
    const std::size_t line_number =
        1 + static_cast<std::size_t>(std::count(expression.begin(), expression.begin() + line_start, '\n'));
    // A file's final newline does not make it multi-line.
    const std::size_t text_end = expression.find_last_not_of(" \t\r\n");
    const bool multi_line = text_end != std::string_view::npos &&
                            expression.substr(0, text_end).find('\n') != std::string_view::npos;

    // The span, cut at the end of its line.
    const std::size_t length =
        std::max<std::size_t>(1, std::min(diagnostic.length, line_end - offset));

    // The window shown: up to window_reach bytes either side of the span (which itself shows
    // at most max_span_shown bytes), "..." where the line goes on.
    std::size_t first = offset > line_start + window_reach ? offset - window_reach : line_start;
    const std::size_t span_end = std::min(offset + std::min(length, max_span_shown), line_end);
    std::size_t last = line_end - span_end > window_reach ? span_end + window_reach : line_end;
    const bool cut_before = first > line_start, cut_after = last < line_end;

    std::string out = diagnostic.message;
    if (multi_line) out += " (line " + std::to_string(line_number) + ")";
    out += '\n';
    out += indent;
    if (cut_before) out += ellipsis;
    for (std::size_t i = first; i < last; ++i) out += shown(expression[i]);
    if (cut_after) out += ellipsis;
    out += '\n';
    out += indent;
    if (cut_before) out.append(ellipsis.size(), ' ');
    for (std::size_t i = first; i < offset; ++i) out += expression[i] == '\t' ? '\t' : ' ';
    out += '^';
    out.append(std::min(length, span_end > offset ? span_end - offset : 1) - 1, '~');
    return out;
}

}  // namespace rawdump::filter
