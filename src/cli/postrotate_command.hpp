// -z: "COMMAND FILE" on each -w file rotation closed, as tcpdump 4.99.3 runs it: forked, at
// the lowest priority (nice 19) so it does not disturb the capture, executed directly through
// PATH (execlp, no shell), and not waited for. It runs as whoever rawdump is by then, i.e. the
// -Z user once privileges are dropped.
#pragma once

#include <string>

namespace rawdump::cli {

// Lets finished commands be reaped by the kernel (SIGCHLD ignored), so no zombies pile up and
// no signal interrupts the capture. Call once before the first start_postrotate_command.
void reap_postrotate_commands();

// Starts the command and returns at once. A failure to fork or to execute is reported on
// standard error in one line; the capture goes on, as in tcpdump.
void start_postrotate_command(const std::string& command, const std::string& file);

}  // namespace rawdump::cli
