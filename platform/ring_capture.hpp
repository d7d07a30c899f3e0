// What both ring readers share: the socket, the eventfd that interrupt() writes, waiting with
// poll(), the kernel counters, and the stop-time drain. The readers themselves walk TPACKET_V3
// blocks (capture_linux.cpp) or TPACKET_V2 frames (capture_frames.cpp, --immediate-mode).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "platform/capture.hpp"
#include "platform/packet_socket.hpp"
#include "platform/unique_fd.hpp"

namespace rawdump::platform {

class RingCapture : public Capture {
public:
    using Handler = std::function<bool(const Frame&)>;

    RingCapture(PacketSocket opened, UniqueFd wake, const CaptureConfig& config);

    LinkLayer link_layer() const noexcept override { return link_; }
    bool dispatch(const Handler& handle, CaptureError& error) final;
    bool drain(const Handler& handle, CaptureError& error) final;
    void interrupt() noexcept final;
    CaptureStats stats() final;

protected:
    struct Batch {
        std::uint64_t entries = 0;  // ring entries taken, handed on or not (lo duplicates)
        bool stopped = false;       // `handle` returned false, or interrupt() came
    };
    // Hands over what the kernel has released to us, at most a ring's worth, without waiting.
    // Implementations call taken() for every ring entry and interrupted() between packets.
    virtual Batch read_ready(const Handler& handle) = 0;

    void taken() noexcept { ++entries_taken_; }
    bool interrupted() const noexcept {
        return !draining_ && break_requested_.load(std::memory_order_relaxed);
    }
    RxRing& ring() noexcept { return ring_; }
    const FrameRules& rules() const noexcept { return rules_; }

private:
    enum class Wait { Ready, TimedOut, Failed };
    Wait wait(int timeout_ms, bool wake_too, CaptureError& error);
    void drain_wake() noexcept;
    bool freeze() noexcept;

    UniqueFd socket_;
    UniqueFd wake_;
    RxRing ring_;
    std::string interface_;
    int index_;
    LinkLayer link_;
    FrameRules rules_;

    std::atomic<bool> break_requested_{false};
    bool draining_ = false;
    std::uint64_t entries_taken_ = 0;
    CaptureStats totals_;
};

// The two readers (capture_linux.cpp, capture_frames.cpp).
std::unique_ptr<Capture> make_block_capture(PacketSocket opened, UniqueFd wake, const CaptureConfig& config);
std::unique_ptr<Capture> make_frame_capture(PacketSocket opened, UniqueFd wake, const CaptureConfig& config);

}  // namespace rawdump::platform
