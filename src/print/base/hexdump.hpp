// -x / -X style dumps, and the hex+ASCII dump tcpdump prints for payloads it cannot decode.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

#include <fmt/format.h>

namespace rawdump::print {

// Each line: "\n\t0x0010: " then 16 bytes as " 4500 0063 ..." (print-ascii.c hex_print).
void hex_dump(fmt::memory_buffer& out, std::span<const std::byte> bytes);
// The same with another line prefix (print_unknown_data's "\n\t    " for option bodies).
void hex_dump(fmt::memory_buffer& out, std::span<const std::byte> bytes, std::string_view prefix);
// Same, with the hex padded to 40 columns, two spaces and the ASCII column ('.' for bytes
// outside 0x21..0x7e) (print-ascii.c hex_and_ascii_print).
void hex_ascii_dump(fmt::memory_buffer& out, std::span<const std::byte> bytes);
// The same with another line prefix (RADIUS Location-Data's "\n\t    ").
void hex_ascii_dump(fmt::memory_buffer& out, std::span<const std::byte> bytes, std::string_view prefix);
// -A: a newline, then the bytes as text; tab, space and newline pass through, other
// unprintable bytes become '.', and a CR is dropped before LF and near the end
// (print-ascii.c ascii_print).
void ascii_dump(fmt::memory_buffer& out, std::span<const std::byte> bytes);

}  // namespace rawdump::print
