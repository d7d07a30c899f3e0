// Helpers for printer tests whose expected text came from tcpdump: the output options of a
// few flag sets, one frame printed whole, and the same frame cut short at each listed length.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
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

// Output options, and the text a whole frame prints under them.
struct PrintExpectation {
    OutputOptions options;
    std::string_view text;
};

// `frame` printed whole under each listed options gives that text.
inline void check_prints(const std::vector<std::byte>& frame,
                         std::initializer_list<PrintExpectation> expectations) {
    std::size_t index = 0;
    for (const auto& e : expectations) {
        CAPTURE(index);
        CHECK(print_frame(e.options, frame) == e.text);
        ++index;
    }
}

// Captures of `first`..`last` bytes (inclusive) of a frame whose wire length is its size all
// print `text`.
struct CutExpectation {
    std::size_t first, last;
    std::string_view text;
};

// The same, where every listed text follows `prefix` (the lines all those captures share).
inline void check_cuts_after(std::string_view prefix, const OutputOptions& o,
                             const std::vector<std::byte>& frame,
                             std::initializer_list<CutExpectation> expectations) {
    for (const auto& e : expectations) {
        const std::string expected = std::string(prefix) + std::string(e.text);
        for (std::size_t cut = e.first; cut <= e.last && cut <= frame.size(); ++cut) {
            CAPTURE(cut);
            CHECK(print_one(o, std::span<const std::byte>{frame}.first(cut),
                            static_cast<std::uint32_t>(frame.size())) == expected);
        }
    }
}

inline void check_cuts(const OutputOptions& o, const std::vector<std::byte>& frame,
                       std::initializer_list<CutExpectation> expectations) {
    check_cuts_after("", o, frame, expectations);
}

// The first `lines` lines of `text` (each ending in "\n"); the whole text, marked, if it has
// fewer, so that a comparison against it fails.
inline std::string first_lines(std::string_view text, std::size_t lines) {
    std::size_t end = 0;
    for (std::size_t i = 0; i < lines; ++i) {
        const auto nl = text.find('\n', end);
        if (nl == std::string_view::npos) return std::string(text) + "<fewer lines than asked>";
        end = nl + 1;
    }
    return std::string(text.substr(0, end));
}

// Captures of `first`..`last` bytes print the first `lines` lines of the whole frame's text,
// then `tail` (the line that was cut, and its truncation mark).
struct LineCutExpectation {
    std::size_t first, last, lines;
    std::string_view tail;
};

// `frame` printed whole gives `whole`, and each cut gives what its expectation says.
inline void check_whole_and_cuts(const OutputOptions& o, const std::vector<std::byte>& frame,
                                 std::string_view whole,
                                 std::initializer_list<LineCutExpectation> expectations) {
    CHECK(print_frame(o, frame) == whole);
    for (const auto& e : expectations) {
        const std::string expected = first_lines(whole, e.lines) + std::string(e.tail);
        for (std::size_t cut = e.first; cut <= e.last && cut <= frame.size(); ++cut) {
            CAPTURE(cut);
            CHECK(print_one(o, std::span<const std::byte>{frame}.first(cut),
                            static_cast<std::uint32_t>(frame.size())) == expected);
        }
    }
}

// Captures cut inside the Ethernet header or a 20-byte IPv4 header (bytes 1..33), which print
// the same at any verbosity.
inline void check_ipv4_header_cuts(const OutputOptions& o,
                                           const std::vector<std::byte>& frame) {
    check_cuts(o, frame, {
        {1, 13, " [|ether]\n"},
        {14, 14, " [|ip]\n"},
        {15, 33, "IP  [|ip]\n"},
    });
}

}  // namespace rawdump::test
