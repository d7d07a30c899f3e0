// Domain names as tcpdump 4.99.3 walks them (ns_nskip, labellen, blabel_print, fqdn_print,
// ns_cprint), including its guards against hostile messages: a compression pointer must point
// strictly before the previous one (so a walk cannot loop), and a name stops being printed
// after 255 characters.
#include <algorithm>

#include "src/print/app/dns_message.hpp"

namespace rawdump::print::dns {
namespace {

// The top two bits of a label's first byte say what it is (RFC 1035 4.1.4, RFC 6891 6.1.2).
enum class LabelKind : std::uint8_t { Normal = 0x00, Extended = 0x40, Reserved = 0x80, Pointer = 0xc0 };
constexpr std::uint8_t label_kind_mask = 0xc0;
constexpr std::uint8_t extended_type_mask = 0x3f;
constexpr std::uint8_t extended_bit_string = 0x01;  // RFC 2673 bit-string label
constexpr std::uint16_t pointer_offset_mask = 0x3fff;
constexpr unsigned max_name_characters = 255;       // MAXCDNAME

LabelKind kind_of(std::uint8_t first) { return static_cast<LabelKind>(first & label_kind_mask); }

// A bit-string label's bit count byte: 0 means 256.
unsigned bit_count(const Message& m, std::size_t at) {
    unsigned bits = m.u8(at);
    return bits == 0 ? 256 : bits;
}

// tcpdump's labellen: how far the label's contents reach past its first byte (for a pointer,
// the first byte itself). Prints why, and returns nothing, for labels it cannot measure.
std::optional<unsigned> label_length(Message& m, std::size_t at) {
    if (!m.has(at, 1)) return std::nullopt;
    std::uint8_t first = m.u8(at);
    switch (kind_of(first)) {
    case LabelKind::Extended:
        if ((first & extended_type_mask) != extended_bit_string) {
            m.ctx.print("<ELT {}>", first & extended_type_mask);
            return std::nullopt;
        }
        if (!m.has(at + 1, 1)) return std::nullopt;
        return (bit_count(m, at + 1) + 7) / 8 + 1;
    case LabelKind::Reserved:
        m.ctx.put("<BAD LABEL TYPE>");
        return std::nullopt;
    case LabelKind::Normal:
    case LabelKind::Pointer:
        break;
    }
    return first;
}

// "\[x<hex>/<bits>]" for an RFC 2673 bit-string label whose bit count byte is at `at`.
// tcpdump reads the bits without checking the capture first, so running out unwinds.
Position print_bit_label(Message& m, std::size_t at) {
    if (!m.has(at, 1)) return std::nullopt;
    unsigned bits = bit_count(m, at);
    // tcpdump's limit counts nibbles, not bytes; the bit count ends the loop first anyway.
    std::size_t limit = at + 1 + (bits + 3) / 4;
    m.ctx.put("\\[x");
    std::size_t p = at + 1;
    unsigned left = bits;
    for (; p < limit && left > 7; left -= 8, ++p) {
        if (!m.has(p, 1)) return m.unwind();
        m.ctx.print("{:02x}", m.u8(p));
    }
    if (left > 0) {
        if (!m.has(p, 1)) return m.unwind();
        unsigned last = m.u8(p);
        if (left > 4)
            m.ctx.print("{:02x}", last & (0xffu << (8 - left)));
        else
            m.ctx.print("{:1x}", ((last >> 4) & 0x0fu) & (0x0fu << (4 - left)));
    }
    m.ctx.print("/{}]", bits);
    return limit;
}

}  // namespace

bool print_text(Message& m, std::size_t at, std::size_t n) {
    std::size_t available = at < m.end() ? std::min(n, m.end() - at) : 0;
    print_escaped(m.ctx, m.window(at, available));
    return available == n;
}

Position print_character_string(Message& m, std::size_t at) {
    if (!m.has(at, 1)) return std::nullopt;
    std::size_t length = m.u8(at);
    if (!print_text(m, at + 1, length)) return std::nullopt;
    return at + 1 + length;
}

Position skip_name(const Message& m, std::size_t at) {
    if (!m.has(at, 1)) return std::nullopt;
    std::uint8_t first = m.u8(at++);
    while (first != 0) {
        switch (kind_of(first)) {
        case LabelKind::Pointer:
            return at + 1;  // the pointer's second byte is not checked, as in tcpdump
        case LabelKind::Extended:
            if ((first & extended_type_mask) != extended_bit_string) return std::nullopt;
            if (!m.has(at, 1)) return std::nullopt;
            at += 1 + (bit_count(m, at) + 7) / 8;
            break;
        case LabelKind::Reserved:
            return std::nullopt;
        case LabelKind::Normal:
            at += first;
            break;
        }
        if (!m.has(at, 1)) return std::nullopt;
        first = m.u8(at++);
    }
    return at;
}

// Returns where the name ends in the record it belongs to (after its first pointer, if any).
Position print_name(Message& m, std::size_t at, std::size_t base) {
    auto length = label_length(m, at);
    if (!length) return std::nullopt;
    // Pointers must move strictly backwards: this is what bounds the walk (tcpdump's, and
    // BIND's, defence against pointer loops). Computed in 32 bits like tcpdump's u_int, so a
    // base after `at` (EDNS CHAIN) allows any first pointer.
    auto max_offset = static_cast<std::uint32_t>(at - base);
    std::uint8_t first = m.u8(at++);
    Position resume;  // tcpdump's rp
    bool compressed = false;
    if (kind_of(first) != LabelKind::Pointer) resume = at + *length;
    if (first == 0) {
        m.ctx.put('.');
        return resume;
    }
    unsigned name_characters = 0;
    while (first != 0 && at < m.end()) {
        switch (kind_of(first)) {
        case LabelKind::Pointer: {
            if (!compressed) {
                resume = at + 1;
                compressed = true;
            }
            if (!m.has(at, 1)) return std::nullopt;
            std::uint32_t offset = ((unsigned(first) << 8) | m.u8(at)) & pointer_offset_mask;
            if (offset >= max_offset) {
                m.ctx.put("<BAD PTR>");
                return std::nullopt;
            }
            max_offset = offset;
            at = base + offset;
            if (!m.has(at, 1)) return std::nullopt;
            first = m.u8(at);
            length = label_length(m, at);
            if (!length) return std::nullopt;
            ++at;
            continue;
        }
        case LabelKind::Extended:
            if ((first & extended_type_mask) != extended_bit_string) {
                m.ctx.print("<ELT {}>", first & extended_type_mask);
                return std::nullopt;
            }
            if (!print_bit_label(m, at)) return std::nullopt;
            break;
        case LabelKind::Reserved:
            m.ctx.put("<BAD LABEL TYPE>");
            return std::nullopt;
        case LabelKind::Normal:
            // Past 255 characters the rest of the name is walked but not shown.
            if (name_characters + *length <= max_name_characters) {
                if (!print_text(m, at, *length)) return std::nullopt;
            } else if (name_characters < max_name_characters) {
                if (!print_text(m, at, max_name_characters - name_characters)) return std::nullopt;
            }
            name_characters += *length;
            break;
        }
        at += *length;
        if (name_characters <= max_name_characters) m.ctx.put('.');
        ++name_characters;
        if (!m.has(at, 1)) return std::nullopt;
        first = m.u8(at);
        length = label_length(m, at);
        if (!length) return std::nullopt;
        ++at;
        if (!compressed) resume = *resume + *length + 1;
    }
    if (name_characters > max_name_characters) m.ctx.put("<DOMAIN NAME TOO LONG>");
    return resume;
}

}  // namespace rawdump::print::dns
