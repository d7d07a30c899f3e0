// The tcpdump-format printer: one call per packet appends its complete text (timestamp,
// decoded line(s), hex dump, trailing newline) to the caller's buffer.
#pragma once

#include <memory>

#include <fmt/format.h>

#include "src/core/link_type.hpp"
#include "src/core/frame.hpp"
#include "src/print/base/interface_names.hpp"
#include "src/print/base/name_lookup.hpp"
#include "src/print/base/output_options.hpp"
#include "src/print/base/time_zone.hpp"

namespace rawdump {

class PacketPrinter {
public:
    // `names` answers for addresses and ports without -n (the command line hands in the
    // names of src/names, built once per run; with -n it is never asked); `zone` gives local
    // time for the default timestamps and -tttt; `interfaces` names LINUX_SLL2's interface
    // indexes. All must outlive the printer: the printer keeps references and does no I/O of
    // its own. The defaults (numbers, UTC, "?") suit tests.
    PacketPrinter(const OutputOptions& options, LinkType link,
                  const print::NameLookup& names = print::no_names,
                  const print::TimeZone& zone = print::utc_time_zone,
                  const print::InterfaceNames& interfaces = print::no_interface_names);
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
