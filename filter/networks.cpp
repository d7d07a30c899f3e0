#include "filter/networks.hpp"

#include <fmt/format.h>

#include <optional>

#include "filter/addresses.hpp"

namespace rawdump::filter {
namespace {

// A dotted address of 1-4 decimal parts, left-aligned as libpcap's __pcap_atoin() does:
// "10.1" is 10.1.0.0, with the number of bits written (16).
struct Dotted {
    std::uint32_t value = 0;
    unsigned bits = 0;
};

std::optional<Dotted> parse_dotted(std::string_view text) {
    Dotted dotted;
    while (true) {
        const auto dot = text.find('.');
        const auto part = text.substr(0, dot);
        if (part.empty() || part.size() > 3 || dotted.bits == 32) return std::nullopt;
        unsigned value = 0;
        for (char c : part) {
            if (c < '0' || c > '9') return std::nullopt;
            value = value * 10 + static_cast<unsigned>(c - '0');
        }
        if (value > 255) return std::nullopt;
        dotted.value = (dotted.value << 8) | value;
        dotted.bits += 8;
        if (dot == std::string_view::npos) break;
        text = text.substr(dot + 1);
    }
    if (dotted.bits < 32) dotted.value <<= 32 - dotted.bits;
    return dotted;
}

constexpr std::uint32_t prefix_mask(unsigned length) {
    return length == 0 ? 0 : 0xffffffffu << (32 - length);
}

// "/len" -> len (libpcap reads it as a number: decimal, 0x hex or 0 octal, and says why a
// number it cannot read is wrong: "number 018 contains non-octal digit").
Expected<std::uint32_t, std::string> prefix_length(std::string_view suffix) {
    const auto text = suffix.substr(1);
    if (const auto length = parse_number(text)) return *length;
    return Unexpected{number_error(text)};
}

}  // namespace

Expected<Ipv4Network, std::string> ipv4_network(std::string_view text, bool is_number,
                                                std::string_view suffix, AddressKind kind) {
    Ipv4Network network;
    if (is_number) {
        const auto number = parse_number(text);
        if (!number) return Unexpected{number_error(text)};
        network.address = *number;
        // libpcap "promotes a short net number": `net 10` is 10.0.0.0/8.
        if (kind == AddressKind::Net)
            while (network.address != 0 && (network.address & 0xff000000) == 0) {
                network.address <<= 8;
                network.mask <<= 8;
            }
    } else {
        const auto dotted = parse_dotted(text);
        if (!dotted) return Unexpected{fmt::format("invalid IPv4 address '{}'", text)};
        network.address = dotted->value;
        network.mask = prefix_mask(dotted->bits);
    }
    if (suffix.empty()) return network;

    if (kind != AddressKind::Net) return Unexpected{std::string("Mask syntax for networks only")};
    if (suffix.starts_with('/')) {
        const auto length = prefix_length(suffix);
        if (!length) return Unexpected{length.error()};
        if (*length > 32) return Unexpected{std::string("mask length must be <= 32")};
        network.mask = prefix_mask(*length);
        if ((network.address & ~network.mask) != 0)
            return Unexpected{fmt::format("non-network bits set in \"{}/{}\"", text, *length)};
        return network;
    }
    // "mask A.B.C.D" (partial masks are left-aligned too: "mask 255.255").
    const auto mask_text = suffix.substr(suffix.find_first_not_of(" \t", 4));
    const auto mask = parse_dotted(mask_text);
    if (!mask) return Unexpected{fmt::format("invalid IPv4 address '{}'", mask_text)};
    network.mask = mask->value;
    if ((network.address & ~network.mask) != 0)
        return Unexpected{fmt::format("non-network bits set in \"{} mask {}\"", text, mask_text)};
    return network;
}

Expected<Ipv6Network, std::string> ipv6_network(std::string_view text, std::string_view suffix,
                                                AddressKind kind) {
    const auto address = parse_ipv6(text);
    if (!address) return Unexpected{fmt::format("invalid IPv6 address '{}'", text)};
    std::uint32_t length = 128;
    if (!suffix.empty()) {
        const auto parsed = prefix_length(suffix);
        if (!parsed) return Unexpected{parsed.error()};
        length = *parsed;
        if (length > 128) return Unexpected{std::string("mask length must be <= 128")};
        if (kind != AddressKind::Net && length != 128)
            return Unexpected{std::string("Mask syntax for networks only")};
    }
    Ipv6Network network;
    network.address = *address;
    for (std::size_t i = 0; i < 16; ++i) {
        const std::uint32_t bits = length > 8 * i ? std::min<std::uint32_t>(8, length - 8 * i) : 0;
        network.mask[i] = static_cast<std::uint8_t>(0xff00 >> bits);
        if ((network.address[i] & ~network.mask[i]) != 0)
            return Unexpected{fmt::format("non-network bits set in \"{}/{}\"", text, length)};
    }
    return network;
}

}  // namespace rawdump::filter
