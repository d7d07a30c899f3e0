#include "src/cli/signals.hpp"

#include "platform/capture.hpp"

namespace rawdump::cli {
namespace {

volatile std::sig_atomic_t stop_flag = 0;
platform::Capture* capture_to_wake = nullptr;

extern "C" void on_stop_signal(int) {
    stop_flag = 1;
    if (capture_to_wake) capture_to_wake->interrupt();
}

}  // namespace

void install_stop_handlers(platform::Capture* capture) {
    capture_to_wake = capture;
    struct sigaction action {};
    action.sa_handler = on_stop_signal;
    sigemptyset(&action.sa_mask);
    for (int signal : {SIGINT, SIGTERM, SIGHUP}) sigaction(signal, &action, nullptr);
}

bool stop_requested() noexcept { return stop_flag != 0; }

}  // namespace rawdump::cli
