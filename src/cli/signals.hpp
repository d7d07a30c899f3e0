// Signals, as tcpdump 4.99.3 takes them:
//   SIGINT, SIGTERM, SIGHUP  end a capture or a file read cleanly;
//   SIGUSR1                  live only: print the statistics line, go on (reading a file,
//                            tcpdump leaves SIGUSR1 alone and it ends the process: so here);
//   SIGUSR2                  write the -w output's buffered packets out now, go on (live and
//                            -r; without -w it does nothing).
// The handlers only set a flag and wake the capture (async-signal-safe); the loops notice,
// act, and carry on or stop.
#pragma once

#include <csignal>

namespace rawdump::platform { class Capture; }

namespace rawdump::cli {

// `capture`: the live capture to wake, nullptr when reading a file (then no SIGUSR1 handler).
void install_stop_handlers(platform::Capture* capture);
bool stop_requested() noexcept;

// Each returns true once per request (one or more signals since the last call).
bool take_statistics_request() noexcept;  // SIGUSR1
bool take_flush_request() noexcept;       // SIGUSR2

}  // namespace rawdump::cli
