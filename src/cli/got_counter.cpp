#include "src/cli/got_counter.hpp"

#include <csignal>
#include <sys/time.h>

#include <fmt/format.h>

#include "platform/capture.hpp"

namespace rawdump::cli {
namespace {

volatile std::sig_atomic_t second_passed = 0;
platform::Capture* capture_to_wake = nullptr;

extern "C" void on_alarm(int) {
    second_passed = 1;
    if (capture_to_wake) capture_to_wake->interrupt();
}

void set_timer(long seconds) {
    itimerval timer{};
    timer.it_interval.tv_sec = seconds;
    timer.it_value.tv_sec = seconds;
    setitimer(ITIMER_REAL, &timer, nullptr);
}

}  // namespace

GotCounter::GotCounter(bool enabled, platform::Capture& capture) : enabled_(enabled) {
    if (!enabled_) return;
    capture_to_wake = &capture;
    struct sigaction action {};
    action.sa_handler = on_alarm;
    // Restarted: a write(2) of the -w file or the output is never cut short by the timer.
    action.sa_flags = SA_RESTART;
    sigemptyset(&action.sa_mask);
    sigaction(SIGALRM, &action, nullptr);
    set_timer(1);
}

GotCounter::~GotCounter() {
    if (!enabled_) return;
    set_timer(0);
    capture_to_wake = nullptr;
}

void GotCounter::update(std::uint64_t packets_captured) {
    if (!enabled_ || second_passed == 0) return;
    second_passed = 0;
    if (!first_ && packets_captured == shown_) return;
    first_ = false;
    shown_ = packets_captured;
    // tcpdump's counter is a u_int.
    fmt::print(stderr, "Got {}\r", static_cast<std::uint32_t>(packets_captured));
    std::fflush(stderr);
}

}  // namespace rawdump::cli
