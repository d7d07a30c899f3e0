#include "filter/addresses.hpp"

#include <vector>

namespace rawdump::filter {
namespace {

int digit_value(char c, unsigned base) {
    int value = -1;
    if (c >= '0' && c <= '9') value = c - '0';
    else if (c >= 'a' && c <= 'f') value = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') value = c - 'A' + 10;
    return value >= 0 && static_cast<unsigned>(value) < base ? value : -1;
}

std::optional<std::uint32_t> parse_in_base(std::string_view digits, unsigned base) {
    if (digits.empty()) return std::nullopt;
    std::uint64_t value = 0;
    for (char c : digits) {
        const int d = digit_value(c, base);
        if (d < 0) return std::nullopt;
        value = value * base + static_cast<unsigned>(d);
        if (value > 0xffffffffu) return std::nullopt;
    }
    return static_cast<std::uint32_t>(value);
}

}  // namespace

std::optional<std::uint32_t> parse_number(std::string_view text) {
    if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
        return parse_in_base(text.substr(2), 16);
    if (text.size() > 1 && text[0] == '0') return parse_in_base(text.substr(1), 8);
    return parse_in_base(text, 10);
}

std::string number_error(std::string_view text) {
    const bool octal = text.size() > 1 && text[0] == '0' && text[1] != 'x' && text[1] != 'X';
    std::uint64_t value = 0;
    for (std::size_t i = 1; octal && i < text.size() && value <= 0xffffffffu; ++i) {
        if (text[i] == '8' || text[i] == '9')
            return "number " + std::string(text) + " contains non-octal digit";
        value = value * 8 + static_cast<unsigned>(text[i] - '0');
    }
    return "number " + std::string(text) + " overflows 32 bits";
}

std::optional<std::array<std::uint8_t, 6>> parse_mac(std::string_view text) {
    std::array<std::uint8_t, 6> mac{};
    if (text.size() == 14 && text[4] == '.' && text[9] == '.') {  // aabb.ccdd.eeff
        for (std::size_t group = 0; group < 3; ++group) {
            const auto value = parse_in_base(text.substr(group * 5, 4), 16);
            if (!value) return std::nullopt;
            mac[group * 2] = static_cast<std::uint8_t>(*value >> 8);
            mac[group * 2 + 1] = static_cast<std::uint8_t>(*value & 0xff);
        }
        return mac;
    }
    if (text.size() == 12 && text.find_first_not_of("0123456789abcdefABCDEF") == std::string_view::npos) {
        for (std::size_t byte = 0; byte < 6; ++byte)  // abcdef000003
            mac[byte] = static_cast<std::uint8_t>(*parse_in_base(text.substr(byte * 2, 2), 16));
        return mac;
    }
    const char separator = text.find('-') != std::string_view::npos   ? '-'
                           : text.find('.') != std::string_view::npos ? '.'
                                                                      : ':';
    for (std::size_t byte = 0; byte < 6; ++byte) {
        const auto end = text.find(separator);
        if ((end == std::string_view::npos) != (byte == 5)) return std::nullopt;
        const auto part = text.substr(0, end);
        if (part.empty() || part.size() > 2) return std::nullopt;
        const auto value = parse_in_base(part, 16);
        if (!value) return std::nullopt;
        mac[byte] = static_cast<std::uint8_t>(*value);
        if (end != std::string_view::npos) text = text.substr(end + 1);
    }
    return mac;
}

std::optional<std::uint32_t> parse_ipv4(std::string_view text) {
    std::uint32_t address = 0;
    int parts = 0;
    while (true) {
        const auto dot = text.find('.');
        const auto part = text.substr(0, dot);
        if (part.empty() || part.size() > 3) return std::nullopt;
        const auto value = parse_in_base(part, 10);
        if (!value || *value > 255) return std::nullopt;
        address = (address << 8) | *value;
        ++parts;
        if (dot == std::string_view::npos) break;
        text = text.substr(dot + 1);
    }
    if (parts != 4) return std::nullopt;
    return address;
}

std::optional<std::array<std::uint8_t, 16>> parse_ipv6(std::string_view text) {
    // Split around "::" (at most one); each side is a list of 16-bit groups, and the last
    // group of the whole address may be a dotted IPv4 address worth two groups.
    std::vector<std::uint16_t> head, tail;
    bool compressed = false;
    const auto gap = text.find("::");
    std::string_view left = text, right;
    if (gap != std::string_view::npos) {
        compressed = true;
        left = text.substr(0, gap);
        right = text.substr(gap + 2);
        if (right.find("::") != std::string_view::npos) return std::nullopt;
    }
    auto parse_groups = [](std::string_view side, std::vector<std::uint16_t>& out,
                           bool may_end_in_ipv4) -> bool {
        if (side.empty()) return true;
        while (true) {
            const auto colon = side.find(':');
            const auto group = side.substr(0, colon);
            if (colon == std::string_view::npos && may_end_in_ipv4 &&
                group.find('.') != std::string_view::npos) {
                const auto v4 = parse_ipv4(group);
                if (!v4) return false;
                out.push_back(static_cast<std::uint16_t>(*v4 >> 16));
                out.push_back(static_cast<std::uint16_t>(*v4 & 0xffff));
                return true;
            }
            if (group.empty() || group.size() > 4) return false;
            const auto value = parse_in_base(group, 16);
            if (!value) return false;
            out.push_back(static_cast<std::uint16_t>(*value));
            if (colon == std::string_view::npos) return true;
            side = side.substr(colon + 1);
        }
    };
    if (!parse_groups(left, head, !compressed) || !parse_groups(right, tail, true))
        return std::nullopt;
    const std::size_t groups = head.size() + tail.size();
    if (compressed ? groups > 7 : groups != 8) return std::nullopt;

    std::array<std::uint8_t, 16> address{};
    std::size_t index = 0;
    auto put = [&](std::uint16_t group) {
        address[index++] = static_cast<std::uint8_t>(group >> 8);
        address[index++] = static_cast<std::uint8_t>(group & 0xff);
    };
    for (auto group : head) put(group);
    index = 16 - 2 * tail.size();
    for (auto group : tail) put(group);
    return address;
}

}  // namespace rawdump::filter
