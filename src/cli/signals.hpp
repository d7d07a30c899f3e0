// SIGINT, SIGTERM and SIGHUP end a capture or a file read cleanly: the handler only sets a
// flag and wakes the capture; the loops notice, flush, and print statistics.
#pragma once

#include <atomic>
#include <csignal>

namespace rawdump::platform { class Capture; }

namespace rawdump::cli {

void install_stop_handlers(platform::Capture* capture);
bool stop_requested() noexcept;

}  // namespace rawdump::cli
