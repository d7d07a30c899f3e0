// IPv4 header options as printed under -v (print-ip.c ip_optprint).
#pragma once

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"
#include "src/print/base/outcome.hpp"

namespace rawdump::print {

// `area` starts at the first option and runs to the end of the captured datagram (tcpdump
// reads route and timestamp entries past a short option's end when they were captured);
// `length` is the declared options length (header length - 20).
// How the options ended, as an Outcome (the former OptionsEnd, state for state):
//   Complete  - all options printed, or an end-of-list option stopped the walk;
//   Truncated - an option's body was not captured: the caller adds " [truncated-option]";
//   Unwound   - an option's type or length byte was not captured: the line ends here.
// Never Malformed: tcpdump prints a bad option length and goes on.
Outcome print_ipv4_options(Context& ctx, ByteReader area, unsigned length);

}  // namespace rawdump::print
