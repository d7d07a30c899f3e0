// Live capture on Linux: an AF_PACKET socket with a TPACKET_V3 receive ring and a classic BPF
// program attached before the socket can see any packet.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>

#include "filter/expected.hpp"
#include "platform/frame.hpp"

namespace rawdump::platform {

// Same layout as struct sock_filter (static_assert'ed in capture.cpp).
struct KernelInsn {
    std::uint16_t code;
    std::uint8_t jt;
    std::uint8_t jf;
    std::uint32_t k;
};

struct CaptureConfig {
    std::string interface;                  // e.g. "lo", "eth0"
    std::uint32_t snaplen = 262144;         // bytes kept per packet
    bool promiscuous = true;                // -p turns it off
    int block_timeout_ms = 1000;            // TPACKET_V3 block retire timeout
    bool immediate = false;                 // deliver each packet as soon as it arrives (-l, tty)
    std::span<const KernelInsn> program;    // the filter; its accept value is the snaplen
};

struct CaptureStats {
    std::uint64_t received_by_filter = 0;  // tp_packets, accumulated (counts drops too)
    std::uint64_t dropped_by_kernel = 0;   // tp_drops, accumulated
};

struct CaptureError {
    // One line, as tcpdump words it, without the program name:
    //   "eth9: No such device exists"
    //   "lo: You don't have permission to capture on that device (socket: Operation not permitted)"
    std::string message;
};

enum class LinkLayer { Ethernet, Unsupported };

class Capture {
public:
    static Expected<std::unique_ptr<Capture>, CaptureError> open(const CaptureConfig& config);
    virtual ~Capture() = default;

    virtual LinkLayer link_layer() const noexcept = 0;

    // Waits for packets and calls `handle` for each (loopback's outgoing duplicates already
    // dropped, like tcpdump). Returns after at least one block was handled, after
    // interrupt(), or on error (then returns false and sets `error`).
    // `handle` returns false to stop early (e.g. -c reached); remaining packets of the
    // current block are left unread.
    virtual bool dispatch(const std::function<bool(const Frame&)>& handle, CaptureError& error) = 0;

    // Async-signal-safe: makes a blocked or future dispatch() return promptly.
    virtual void interrupt() noexcept = 0;

    virtual CaptureStats stats() = 0;
};

}  // namespace rawdump::platform
