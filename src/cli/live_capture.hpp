// Capturing from an interface: open, banner, loop until -c / a signal / an error,
// then tcpdump's statistics.
#pragma once

#include <string>

#include "src/cli/options.hpp"

namespace rawdump::cli {

int capture_live(const Options& options, const std::string& expression);

}  // namespace rawdump::cli
