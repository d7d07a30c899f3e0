// Capturing from an interface: open, banner, loop until -c / a signal / an error,
// then tcpdump's statistics.
#pragma once

#include <string>

#include "src/cli/options.hpp"
#include "src/core/link_type.hpp"

namespace rawdump::cli {

int capture_live(const Options& options, const std::string& expression);

// -d with -i: the program for the device's link type (after -y), as tcpdump lists it.
int dump_live_program(const Options& options);

// -d -y TYPE without -i for the types only a Linux device has (DOCSIS takes no filter, as in
// libpcap; the compiler refuses the types it has no layout for, by name).
int dump_program_for(const Options& options, LinkType link_type);

}  // namespace rawdump::cli
