// tcpdump's "Got N" progress counter: with -v and -w on a live capture (and no --print),
// tcpdump prints "Got N\r" on standard error once a second, whenever the number of packets
// captured has changed (and the first time), whatever standard error is.
//
// tcpdump prints from its SIGALRM handler; here the handler only raises a flag and wakes the
// capture, and the capture loop prints between batches, so no packet is ever half-handled
// when the line goes out.
#pragma once

#include <cstdint>

namespace rawdump::platform { class Capture; }

namespace rawdump::cli {

class GotCounter {
public:
    // Starts the one-second timer when `enabled`; otherwise the counter does nothing.
    GotCounter(bool enabled, platform::Capture& capture);
    ~GotCounter();
    GotCounter(const GotCounter&) = delete;
    GotCounter& operator=(const GotCounter&) = delete;

    // Call after each batch: prints "Got N\r" if a second has passed and N changed.
    void update(std::uint64_t packets_captured);

private:
    bool enabled_;
    bool first_ = true;
    std::uint64_t shown_ = 0;
};

}  // namespace rawdump::cli
