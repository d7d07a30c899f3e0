// Capture on Linux: Capture::open() and the TPACKET_V3 reader, which walks the ring's blocks
// as the kernel retires them (full, or after the block timeout). The socket side (poll, the
// counters, the stop-time drain) is ring_capture.cpp; the V2 reader for --immediate-mode is
// capture_frames.cpp.
#include <linux/if_packet.h>
#include <sys/eventfd.h>

#include <atomic>
#include <cerrno>
#include <cstddef>

#include "platform/capture.hpp"
#include "platform/capture_errors.hpp"
#include "platform/packet_socket.hpp"
#include "platform/ring.hpp"
#include "platform/ring_capture.hpp"
#include "platform/ring_packet.hpp"
#include "platform/unique_fd.hpp"

namespace rawdump::platform {

namespace {

class BlockCapture final : public RingCapture {
public:
    using RingCapture::RingCapture;

private:
    // At most one ring's worth per call, so under a steady stream the caller still gets
    // control back regularly (to flush output, check its flags).
    Batch read_ready(const Handler& handle) override {
        Batch batch;
        std::uint32_t handled_blocks = 0;
        for (;;) {
            if (packets_left_ == 0) {
                auto* block = reinterpret_cast<tpacket_block_desc*>(ring().block(block_index_));
                if ((block_status(*block).load(std::memory_order_acquire) & TP_STATUS_USER) == 0) return batch;
                packets_left_ = block->hdr.bh1.num_pkts;
                next_packet_ = reinterpret_cast<std::byte*>(block) + block->hdr.bh1.offset_to_first_pkt;
                if (packets_left_ == 0) {  // the kernel never retires empty blocks; be safe
                    release_block();
                    if (++handled_blocks == ring().block_count()) return batch;
                    continue;
                }
            }
            while (packets_left_ > 0) {
                if (interrupted()) {
                    batch.stopped = true;
                    return batch;
                }
                auto* packet = reinterpret_cast<tpacket3_hdr*>(next_packet_);
                next_packet_ += packet->tp_next_offset;
                --packets_left_;
                taken();
                ++batch.entries;
                const auto frame = ring_packet_to_frame(packet, rules());
                if (frame && !handle(*frame)) {
                    if (packets_left_ == 0) release_block();
                    batch.stopped = true;
                    return batch;
                }
            }
            release_block();
            if (++handled_blocks == ring().block_count()) return batch;
        }
    }

    static std::atomic_ref<std::uint32_t> block_status(tpacket_block_desc& block) noexcept {
        return std::atomic_ref<std::uint32_t>(block.hdr.bh1.block_status);
    }

    void release_block() noexcept {
        auto* block = reinterpret_cast<tpacket_block_desc*>(ring().block(block_index_));
        // Release: our reads (and VLAN rewrites) of the block happen before the kernel reuses it.
        block_status(*block).store(TP_STATUS_KERNEL, std::memory_order_release);
        block_index_ = (block_index_ + 1) % ring().block_count();
        packets_left_ = 0;
        next_packet_ = nullptr;
    }

    // Where the reader is: the block it owns (or waits for) and the next packet in it.
    std::uint32_t block_index_ = 0;
    std::uint32_t packets_left_ = 0;
    std::byte* next_packet_ = nullptr;
};

}  // namespace

std::unique_ptr<Capture> make_block_capture(PacketSocket opened, UniqueFd wake, const CaptureConfig& config) {
    return std::make_unique<BlockCapture>(std::move(opened), std::move(wake), config);
}

Expected<std::unique_ptr<Capture>, CaptureError> Capture::open(const CaptureConfig& config) {
    auto opened = open_packet_socket(config);
    if (!opened) return Unexpected{opened.error()};
    UniqueFd wake(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK));
    if (!wake.valid()) return Unexpected{errors::system_call(config.interface, "eventfd", errno)};
    const bool frames = opened->ring.version() == RingVersion::Frames;
    return frames ? make_frame_capture(std::move(*opened), std::move(wake), config)
                  : make_block_capture(std::move(*opened), std::move(wake), config);
}

}  // namespace rawdump::platform
