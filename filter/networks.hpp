// `host`/`net` ids with libpcap's readings: partial dotted addresses ("10.1" is 10.1.0.0/16),
// bare numbers, "/len" and "mask M" suffixes, and its refusals (non-network bits, mask
// syntax on a v4 host). Pure functions, so the rules are testable apart from the grammar.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "src/core/expected.hpp"

namespace rawdump::filter {

struct Ipv4Network {
    std::uint32_t address = 0;
    std::uint32_t mask = 0xffffffff;  // all ones: a single host
};

struct Ipv6Network {
    std::array<std::uint8_t, 16> address{};
    std::array<std::uint8_t, 16> mask{};
};

enum class AddressKind { Host, Net };  // `host` or no kind qualifier counts as Host

// `text` is the literal as written: dotted (1-4 parts) or, with `is_number`, a plain number.
// `suffix` is "", "/len" or "mask A.B[.C.D]" as written.
Expected<Ipv4Network, std::string> ipv4_network(std::string_view text, bool is_number,
                                                std::string_view suffix, AddressKind kind);

Expected<Ipv6Network, std::string> ipv6_network(std::string_view text, std::string_view suffix,
                                                AddressKind kind);

}  // namespace rawdump::filter
