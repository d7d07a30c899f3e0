// -F FILE: the filter expression read from a file, as tcpdump reads it.
#pragma once

#include <optional>
#include <string>

namespace rawdump::cli {

// The expression in `path`: '#' starts a comment up to the end of the line, and a NUL byte ends
// the expression (tcpdump hands the text on as a C string). nullopt after printing why the
// file cannot be read: a directory or an unreadable file is an error, never an empty filter
// that would let every packet through.
std::optional<std::string> read_filter_file(const std::string& path);

}  // namespace rawdump::cli
