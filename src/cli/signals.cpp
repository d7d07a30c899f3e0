#include "src/cli/signals.hpp"

#include <atomic>

#include "platform/capture.hpp"

namespace rawdump::cli {
namespace {

// Lock-free atomics are async-signal-safe; exchange() cannot lose a signal that arrives
// between reading and clearing a flag.
static_assert(std::atomic<bool>::is_always_lock_free);
std::atomic<bool> stop_flag{false};
std::atomic<bool> statistics_flag{false};
std::atomic<bool> flush_flag{false};
platform::Capture* capture_to_wake = nullptr;

void wake() {
    if (capture_to_wake) capture_to_wake->interrupt();
}

extern "C" void on_stop_signal(int) {
    stop_flag = true;
    wake();
}

extern "C" void on_statistics_signal(int) {
    statistics_flag = true;
    wake();
}

extern "C" void on_flush_signal(int) {
    flush_flag = true;
    wake();
}

void install(int signal, void (*handler)(int), int flags) {
    struct sigaction action {};
    action.sa_handler = handler;
    action.sa_flags = flags;
    sigemptyset(&action.sa_mask);
    sigaction(signal, &action, nullptr);
}

}  // namespace

void install_stop_handlers(platform::Capture* capture) {
    capture_to_wake = capture;
    for (int signal : {SIGINT, SIGTERM, SIGHUP}) install(signal, on_stop_signal, 0);
    // SA_RESTART, as tcpdump: a request must not make a blocked read or write fail with EINTR.
    if (capture) install(SIGUSR1, on_statistics_signal, SA_RESTART);
    install(SIGUSR2, on_flush_signal, SA_RESTART);
}

bool stop_requested() noexcept { return stop_flag.load(); }

bool take_statistics_request() noexcept { return statistics_flag.exchange(false); }

bool take_flush_request() noexcept { return flush_flag.exchange(false); }

}  // namespace rawdump::cli
