// A compile error: what went wrong and where in the expression.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace rawdump::filter {

struct Diagnostic {
    std::size_t offset = 0;  // byte offset of the offending text in the expression
    std::size_t length = 0;  // 0 marks a point (e.g. unexpected end of input)
    std::string message;     // complete first line, e.g. "syntax error in filter expression: expected ..."
};

// How much of a long line render() echoes: the span (at most max_span_shown bytes of it)
// and up to window_reach bytes either side, with "..." where the line is cut.
inline constexpr std::size_t window_reach = 100;
inline constexpr std::size_t max_span_shown = 200;

// Renders the diagnostic as the command line prints it (without the "rawdump: " prefix):
//   syntax error in filter expression: expected a port number or name
//     tcp port
//             ^
// Only the offending line of a multi-line expression is echoed, with " (line N)" after the
// message.
std::string render(const Diagnostic& diagnostic, std::string_view expression);

}  // namespace rawdump::filter
