// A Context over a string buffer, for tests that call one protocol printer directly: no name
// lookups, a fresh TCP sequence table, UTC.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"
#include "src/print/base/tcp_sequence.hpp"

namespace rawdump::test {

struct PrinterHarness {
    explicit PrinterHarness(const OutputOptions& o) : options(o) {}
    PrinterHarness(const PrinterHarness&) = delete;
    PrinterHarness& operator=(const PrinterHarness&) = delete;

    static OutputOptions options_for(int verbosity, bool numeric) {
        OutputOptions o;
        o.verbosity = verbosity;
        o.numeric = numeric;
        return o;
    }

    // Prints `bytes` with `printer` as a message declaring all of them, of which only the
    // first `captured` were captured.
    template <typename Printer>
    void print_captured(Printer printer, std::vector<std::byte> bytes, std::size_t captured) {
        const auto length = static_cast<std::uint32_t>(bytes.size());
        if (captured < bytes.size()) bytes.resize(captured);
        printer(ctx, print::ByteReader{bytes}, length);
    }

    std::string text() const { return fmt::to_string(out); }

    OutputOptions options;
    print::NoNames names;
    print::TcpSequenceTable sequences;
    fmt::memory_buffer out;
    print::Context ctx{options, names, sequences, out};
};

}  // namespace rawdump::test
