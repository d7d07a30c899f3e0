// The tcpdump-format printer: one call per packet appends its complete text (timestamp,
// decoded line(s), hex dump, trailing newline) to the caller's buffer.
#pragma once

#include <memory>

#include <fmt/format.h>

#include "src/core/link_type.hpp"
#include "src/core/frame.hpp"
#include "src/print/base/output_options.hpp"

namespace rawdump {

class PacketPrinter {
public:
    PacketPrinter(const OutputOptions& options, LinkType link);
    ~PacketPrinter();
    PacketPrinter(const PacketPrinter&) = delete;
    PacketPrinter& operator=(const PacketPrinter&) = delete;

    // Never throws, never reads past frame.bytes; keeps per-flow state (TCP relative
    // sequence numbers, -ttt deltas) between calls.
    void print(const Frame& frame, fmt::memory_buffer& out) noexcept;

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace rawdump
