// The TPACKET_V3 receive ring: sizing (libpcap's), the mmap that owns it, and block access.
#pragma once

#include <cstddef>
#include <cstdint>

#include "filter/expected.hpp"

namespace rawdump::platform {

// What PACKET_RX_RING is asked for. libpcap's create_ring() sizing: a "frame" of
// MAXIMUM_SNAPLEN (262144) so one block always holds a full-size packet, a block of the page
// size doubled until it holds a frame, and as many blocks as the buffer needs (rounded up).
struct RingGeometry {
    std::uint32_t block_size = 0;
    std::uint32_t block_count = 0;
    std::uint32_t frame_size = 0;
    std::uint32_t frame_count = 0;

    std::size_t bytes() const noexcept { return std::size_t{block_size} * block_count; }
};

inline constexpr std::uint32_t kRingFrameSize = 262144;  // libpcap's MAXIMUM_SNAPLEN

RingGeometry ring_geometry(std::uint32_t buffer_size, std::uint32_t page_size) noexcept;

// Same geometry with about 5% fewer frames (at least one fewer block), as libpcap retries
// after ENOMEM; block_count 0 means nothing is left to try.
RingGeometry shrink_ring(RingGeometry geometry) noexcept;

// The mapped ring. Created after PACKET_VERSION/PACKET_RESERVE and before bind(); unmapped
// when destroyed (the socket must outlive nothing here: munmap works after close too).
class RxRing {
public:
    // PACKET_RX_RING + mmap on `fd`, shrinking on ENOMEM. Errors are the failing call's errno
    // (`failed_call` names it for the message).
    static Expected<RxRing, int> create(int fd, RingGeometry geometry, unsigned retire_timeout_ms,
                                        const char*& failed_call) noexcept;

    RxRing(RxRing&& other) noexcept;
    RxRing& operator=(RxRing&& other) noexcept;
    RxRing(const RxRing&) = delete;
    RxRing& operator=(const RxRing&) = delete;
    ~RxRing();

    std::uint32_t block_count() const noexcept { return geometry_.block_count; }
    std::byte* block(std::uint32_t index) const noexcept {
        return base_ + std::size_t{index} * geometry_.block_size;
    }
    const RingGeometry& geometry() const noexcept { return geometry_; }

private:
    RxRing(std::byte* base, RingGeometry geometry) noexcept : base_(base), geometry_(geometry) {}

    std::byte* base_ = nullptr;
    RingGeometry geometry_;
};

}  // namespace rawdump::platform
