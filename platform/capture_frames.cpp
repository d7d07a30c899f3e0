// The --immediate-mode reader: a TPACKET_V2 ring, whose frames the kernel hands over one by
// one (tpacket2_hdr.tp_status), each with a wake-up. A V3 block waits for its retire timer
// however short, so libpcap switches to V2 for immediate mode too; so does rawdump.
#include <linux/if_packet.h>

#include <atomic>
#include <cstddef>

#include "platform/ring_capture.hpp"
#include "platform/ring_packet.hpp"

namespace rawdump::platform {

namespace {

class FrameCapture final : public RingCapture {
public:
    using RingCapture::RingCapture;

private:
    // At most one ring's worth per call, as the block reader does.
    Batch read_ready(const Handler& handle) override {
        Batch batch;
        const std::uint32_t count = ring().geometry().frame_count;
        for (std::uint32_t n = 0; n < count; ++n) {
            if (interrupted()) {
                batch.stopped = true;
                return batch;
            }
            auto* header = reinterpret_cast<tpacket2_hdr*>(ring().frame(frame_index_));
            if ((status(*header).load(std::memory_order_acquire) & TP_STATUS_USER) == 0) return batch;
            taken();
            ++batch.entries;
            const auto frame = ring_packet_to_frame(header, rules());
            const bool go_on = !frame || handle(*frame);
            // Release: our reads (and VLAN rewrite) of the frame happen before the kernel reuses it.
            status(*header).store(TP_STATUS_KERNEL, std::memory_order_release);
            frame_index_ = (frame_index_ + 1) % count;
            if (!go_on) {
                batch.stopped = true;
                return batch;
            }
        }
        return batch;
    }

    static std::atomic_ref<std::uint32_t> status(tpacket2_hdr& header) noexcept {
        return std::atomic_ref<std::uint32_t>(header.tp_status);
    }

    std::uint32_t frame_index_ = 0;  // the next frame the kernel fills, in order
};

}  // namespace

std::unique_ptr<Capture> make_frame_capture(PacketSocket opened, UniqueFd wake, const CaptureConfig& config) {
    return std::make_unique<FrameCapture>(std::move(opened), std::move(wake), config);
}

}  // namespace rawdump::platform
