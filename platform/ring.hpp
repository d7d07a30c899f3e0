// The receive ring of a packet socket: sizing (libpcap's), the mmap that owns it, and access to
// its blocks (TPACKET_V3, the default) or frames (TPACKET_V2, for immediate mode).
#pragma once

#include <cstddef>
#include <cstdint>

#include "src/core/expected.hpp"
#include "src/core/snaplen.hpp"

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

inline constexpr std::uint32_t ring_frame_size = maximum_snaplen;

RingGeometry ring_geometry(std::uint32_t buffer_size, std::uint32_t page_size,
                           std::uint32_t frame_size = ring_frame_size) noexcept;

// TPACKET_V2 frames are fixed slots, so each must hold the largest packet: libpcap's rule for
// a device with receive offloads (every veth, lo and most NICs): snaplen, but no more than
// 65535 + 18 bytes (an aggregated packet plus Ethernet header and CRC), after the room the
// kernel keeps in front of the data (header, sockaddr_ll, 16-byte link header gap, reserve).
std::uint32_t frame_ring_frame_size(std::uint32_t snaplen, std::uint32_t reserve) noexcept;

// Same geometry with about 5% fewer frames (at least one fewer block), as libpcap retries
// after ENOMEM; block_count 0 means nothing is left to try.
RingGeometry shrink_ring(RingGeometry geometry) noexcept;

enum class RingVersion { Blocks /* TPACKET_V3 */, Frames /* TPACKET_V2 */ };

// The mapped ring. Created after PACKET_VERSION/PACKET_RESERVE and before bind(); unmapped
// when destroyed (the socket must outlive nothing here: munmap works after close too).
class RxRing {
public:
    // PACKET_RX_RING + mmap on `fd`, shrinking on ENOMEM. Errors are the failing call's errno
    // (`failed_call` names it for the message). The socket's PACKET_VERSION must match
    // `version`; `retire_timeout_ms` is the TPACKET_V3 block timeout (0: the kernel's).
    static Expected<RxRing, int> create(int fd, RingVersion version, RingGeometry geometry,
                                        unsigned retire_timeout_ms, const char*& failed_call) noexcept;
    // TPACKET_V3, as before the V2 ring existed.
    static Expected<RxRing, int> create(int fd, RingGeometry geometry, unsigned retire_timeout_ms,
                                        const char*& failed_call) noexcept {
        return create(fd, RingVersion::Blocks, geometry, retire_timeout_ms, failed_call);
    }

    RxRing(RxRing&& other) noexcept;
    RxRing& operator=(RxRing&& other) noexcept;
    RxRing(const RxRing&) = delete;
    RxRing& operator=(const RxRing&) = delete;
    ~RxRing();

    std::uint32_t block_count() const noexcept { return geometry_.block_count; }
    std::byte* block(std::uint32_t index) const noexcept {
        return base_ + std::size_t{index} * geometry_.block_size;
    }
    // TPACKET_V2: frame `index` (0 .. frame_count - 1); frames never straddle blocks.
    std::byte* frame(std::uint32_t index) const noexcept {
        const std::uint32_t per_block = geometry_.block_size / geometry_.frame_size;
        return block(index / per_block) + std::size_t{index % per_block} * geometry_.frame_size;
    }
    const RingGeometry& geometry() const noexcept { return geometry_; }
    RingVersion version() const noexcept { return version_; }
    // The V3 block timeout asked for (0 for V2): how long the kernel may sit on packets.
    unsigned retire_timeout_ms() const noexcept { return retire_timeout_ms_; }

private:
    RxRing(std::byte* base, RingGeometry geometry, RingVersion version, unsigned timeout) noexcept
        : base_(base), geometry_(geometry), version_(version), retire_timeout_ms_(timeout) {}

    std::byte* base_ = nullptr;
    RingGeometry geometry_;
    RingVersion version_ = RingVersion::Blocks;
    unsigned retire_timeout_ms_ = 0;
};

}  // namespace rawdump::platform
