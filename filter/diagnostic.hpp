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

// Renders the diagnostic as the command line prints it (without the "rawdump: " prefix):
//   syntax error in filter expression: expected a port number or name
//     tcp port
//             ^
std::string render(const Diagnostic& diagnostic, std::string_view expression);

}  // namespace rawdump::filter
