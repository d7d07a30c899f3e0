// Helpers for printer tests whose expected text came from tcpdump: the output options of a
// few flag sets, one frame printed whole, and the same frame cut short at each listed length.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

#include "tests/print/packets.hpp"

namespace rawdump::test {

inline OutputOptions with_verbosity(int level) {
    auto o = numeric_utc();
    o.verbosity = level;
    return o;
}

inline OutputOptions with_link_header() {  // -e
    auto o = numeric_utc();
    o.link_header = true;
    return o;
}

inline OutputOptions with_quiet() {  // -q
    auto o = numeric_utc();
    o.quiet = true;
    return o;
}

inline OutputOptions with_hex() {  // -x
    auto o = numeric_utc();
    o.hex = HexDump::Network;
    return o;
}

inline std::string print_frame(const OutputOptions& o, const std::vector<std::byte>& frame) {
    return print_one(o, frame, static_cast<std::uint32_t>(frame.size()));
}

// Captures of `first`..`last` bytes (inclusive) of a frame whose wire length is its size all
// print `text`.
struct CutExpectation {
    std::size_t first, last;
    std::string_view text;
};

inline void check_cuts(const OutputOptions& o, const std::vector<std::byte>& frame,
                       std::initializer_list<CutExpectation> expectations) {
    for (const auto& e : expectations) {
        for (std::size_t cut = e.first; cut <= e.last && cut <= frame.size(); ++cut) {
            CAPTURE(cut);
            CHECK(print_one(o, std::span<const std::byte>{frame}.first(cut),
                            static_cast<std::uint32_t>(frame.size())) == e.text);
        }
    }
}

}  // namespace rawdump::test
