// Lookups in the constexpr name tables (arrays of {value, name} pairs) every printer keeps:
// tcpdump's tok2str, without its static buffers.
#pragma once

#include <string_view>

namespace rawdump::print {

// The name of `key`, or an empty view when the table has none.
template <typename Table, typename Key>
constexpr std::string_view name_of(const Table& table, Key key) {
    for (const auto& [k, name] : table)
        if (k == key) return name;
    return {};
}

// tok2str: the name of `key`, or `unknown` when the table has none.
template <typename Table, typename Key>
constexpr std::string_view name_or(const Table& table, Key key, std::string_view unknown) {
    const std::string_view name = name_of(table, key);
    return name.empty() ? unknown : name;
}

}  // namespace rawdump::print
