// The program's modes, each returning the process exit status.
#pragma once

#include "src/cli/options.hpp"

namespace rawdump::cli {

int run(const Options& options);

}  // namespace rawdump::cli
