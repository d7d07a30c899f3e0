#include "src/print/base/hexdump.hpp"

#include <array>
#include <iterator>

namespace rawdump::print {
namespace {

constexpr char digits[] = "0123456789abcdef";

void put_hex_byte(fmt::memory_buffer& out, unsigned b) {
    out.push_back(digits[b >> 4]);
    out.push_back(digits[b & 0xf]);
}

void put_offset(fmt::memory_buffer& out, std::size_t offset, std::string_view prefix = "\n\t") {
    out.append(prefix.data(), prefix.data() + prefix.size());
    // At least four digits, and as many more as the offset needs (past 64 KiB: 0x10000).
    fmt::format_to(std::back_inserter(out), "0x{:04x}:", offset);
}

unsigned at(std::span<const std::byte> bytes, std::size_t i) { return std::to_integer<unsigned>(bytes[i]); }

}  // namespace

void hex_dump(fmt::memory_buffer& out, std::span<const std::byte> bytes) { hex_dump(out, bytes, "\n\t"); }

void hex_dump(fmt::memory_buffer& out, std::span<const std::byte> bytes, std::string_view prefix) {
    for (std::size_t i = 0; i < bytes.size(); i += 2) {
        if (i % 16 == 0) {
            put_offset(out, i, prefix);
            out.push_back(' ');
        }
        out.push_back(' ');
        put_hex_byte(out, at(bytes, i));
        if (i + 1 < bytes.size()) put_hex_byte(out, at(bytes, i + 1));
    }
}

void hex_ascii_dump(fmt::memory_buffer& out, std::span<const std::byte> bytes) { hex_ascii_dump(out, bytes, "\n\t"); }

void hex_ascii_dump(fmt::memory_buffer& out, std::span<const std::byte> bytes, std::string_view prefix) {
    constexpr std::size_t hex_columns = 40;  // 8 groups of " xxxx"
    for (std::size_t line = 0; line < bytes.size(); line += 16) {
        std::size_t end = line + 16 < bytes.size() ? line + 16 : bytes.size();
        put_offset(out, line, prefix);
        out.push_back(' ');
        std::size_t written = 0;
        for (std::size_t i = line; i < end; i += 2) {
            out.push_back(' ');
            put_hex_byte(out, at(bytes, i));
            written += 3;
            if (i + 1 < end) {
                put_hex_byte(out, at(bytes, i + 1));
                written += 2;
            }
        }
        for (; written < hex_columns; ++written) out.push_back(' ');
        out.push_back(' ');
        out.push_back(' ');
        for (std::size_t i = line; i < end; ++i) {
            unsigned c = at(bytes, i);
            out.push_back(c > 0x20 && c < 0x7f ? char(c) : '.');
        }
    }
}

void ascii_dump(fmt::memory_buffer& out, std::span<const std::byte> bytes) {
    out.push_back('\n');
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        unsigned c = at(bytes, i);
        std::size_t left = bytes.size() - i - 1;
        if (c == '\r') {
            if (left > 1 && at(bytes, i + 1) != '\n') out.push_back('.');
        } else if ((c > 0x20 && c < 0x7f) || c == '\t' || c == ' ' || c == '\n') {
            out.push_back(char(c));
        } else {
            out.push_back('.');
        }
    }
}

}  // namespace rawdump::print
