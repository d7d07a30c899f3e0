#include "src/print/base/address.hpp"

#include <iterator>

namespace rawdump::print {
namespace {

constexpr char hex_digits[] = "0123456789abcdef";

void append_decimal(fmt::memory_buffer& out, unsigned v) {
    char buf[3];
    int n = 0;
    do {
        buf[n++] = char('0' + v % 10);
        v /= 10;
    } while (v != 0);
    while (n > 0) out.push_back(buf[--n]);
}

void append_dotted(fmt::memory_buffer& out, const std::uint8_t* b) {
    for (int i = 0; i < 4; ++i) {
        if (i) out.push_back('.');
        append_decimal(out, b[i]);
    }
}

}  // namespace

void append_numeric(fmt::memory_buffer& out, const Ipv4Address& a) { append_dotted(out, a.bytes.data()); }

void append_numeric(fmt::memory_buffer& out, const Ipv6Address& a) {
    std::array<unsigned, 8> words{};
    for (int i = 0; i < 8; ++i) words[i] = unsigned(a.bytes[2 * i]) << 8 | a.bytes[2 * i + 1];
    // The longest run (first one on ties) of at least two zero words becomes "::".
    int best = -1, best_len = 0;
    for (int i = 0; i < 8;) {
        if (words[i] != 0) {
            ++i;
            continue;
        }
        int j = i;
        while (j < 8 && words[j] == 0) ++j;
        if (j - i > best_len) best = i, best_len = j - i;
        i = j;
    }
    if (best_len < 2) best = -1;
    for (int i = 0; i < 8; ++i) {
        if (best >= 0 && i >= best && i < best + best_len) {
            if (i == best) out.push_back(':');
            continue;
        }
        if (i != 0) out.push_back(':');
        // IPv4-compatible (::a.b.c.d) and IPv4-mapped (::ffff:a.b.c.d) end in dotted quad.
        if (i == 6 && best == 0 && (best_len == 6 || (best_len == 5 && words[5] == 0xffff))) {
            append_dotted(out, a.bytes.data() + 12);
            return;
        }
        fmt::format_to(std::back_inserter(out), "{:x}", words[i]);
    }
    if (best >= 0 && best + best_len == 8) out.push_back(':');
}

void append_numeric(fmt::memory_buffer& out, const MacAddress& a) {
    for (std::size_t i = 0; i < a.bytes.size(); ++i) {
        if (i) out.push_back(':');
        out.push_back(hex_digits[a.bytes[i] >> 4]);
        out.push_back(hex_digits[a.bytes[i] & 0xf]);
    }
}

}  // namespace rawdump::print
