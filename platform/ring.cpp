#include "platform/ring.hpp"

#include <linux/if_packet.h>
#include <sys/mman.h>
#include <sys/socket.h>

#include <cerrno>
#include <utility>

namespace rawdump::platform {

RingGeometry ring_geometry(std::uint32_t buffer_size, std::uint32_t page_size,
                           std::uint32_t frame_size) noexcept {
    RingGeometry g;
    g.frame_size = frame_size;
    g.block_size = page_size;
    while (g.block_size < g.frame_size) g.block_size <<= 1;
    const std::uint32_t frames_per_block = g.block_size / g.frame_size;
    const std::uint32_t frames = (buffer_size + g.frame_size - 1) / g.frame_size;
    g.block_count = frames / frames_per_block;
    if (g.block_count == 0) g.block_count = 1;  // a tiny -B still needs one block
    g.frame_count = g.block_count * frames_per_block;
    return g;
}

std::uint32_t frame_ring_frame_size(std::uint32_t snaplen, std::uint32_t reserve) noexcept {
    // tpacket_rcv() puts the data at most this far into a frame: TPACKET_ALIGN(TPACKET2_HDRLEN
    // + 16) + reserve, for a link header of 16 bytes or less and for cooked (SOCK_DGRAM)
    // sockets; a longer link header starts no later.
    const std::uint32_t room = TPACKET_ALIGN(TPACKET2_HDRLEN + 16) + reserve;
    constexpr std::uint32_t largest_packet = 65535 + 18;
    const std::uint32_t data = snaplen < largest_packet ? snaplen : largest_packet;
    return TPACKET_ALIGN(room + data);
}

RingGeometry shrink_ring(RingGeometry g) noexcept {
    const std::uint32_t frames_per_block = g.block_size / g.frame_size;
    std::uint32_t frames = g.frame_count * 19 / 20;
    std::uint32_t blocks = frames / frames_per_block;
    if (blocks >= g.block_count) blocks = g.block_count - 1;
    g.block_count = blocks;
    g.frame_count = blocks * frames_per_block;
    return g;
}

Expected<RxRing, int> RxRing::create(int fd, RingVersion version, RingGeometry geometry,
                                     unsigned retire_timeout_ms, const char*& failed_call) noexcept {
    if (version == RingVersion::Frames) retire_timeout_ms = 0;
    for (;;) {
        // tpacket_req3 starts with tpacket_req; a V2 socket reads only that part.
        tpacket_req3 req{};
        req.tp_block_size = geometry.block_size;
        req.tp_block_nr = geometry.block_count;
        req.tp_frame_size = geometry.frame_size;
        req.tp_frame_nr = geometry.frame_count;
        req.tp_retire_blk_tov = retire_timeout_ms;
        req.tp_sizeof_priv = 0;
        req.tp_feature_req_word = 0;
        const socklen_t size = version == RingVersion::Frames ? sizeof(tpacket_req) : sizeof req;
        if (::setsockopt(fd, SOL_PACKET, PACKET_RX_RING, &req, size) == 0) break;
        const int err = errno;
        if (err == ENOMEM && geometry.block_count > 1) {
            geometry = shrink_ring(geometry);
            continue;
        }
        failed_call = "setsockopt(PACKET_RX_RING)";
        return Unexpected{err};
    }
    void* base = ::mmap(nullptr, geometry.bytes(), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (base == MAP_FAILED) {
        const int err = errno;
        // Give the kernel its ring back so a retry on this socket starts clean.
        tpacket_req3 none{};
        ::setsockopt(fd, SOL_PACKET, PACKET_RX_RING, &none, sizeof none);
        failed_call = "mmap";
        return Unexpected{err};
    }
    return RxRing(static_cast<std::byte*>(base), geometry, version, retire_timeout_ms);
}

RxRing::RxRing(RxRing&& other) noexcept
    : base_(std::exchange(other.base_, nullptr)),
      geometry_(other.geometry_),
      version_(other.version_),
      retire_timeout_ms_(other.retire_timeout_ms_) {}

RxRing& RxRing::operator=(RxRing&& other) noexcept {
    if (this != &other) {
        if (base_ != nullptr) ::munmap(base_, geometry_.bytes());
        base_ = std::exchange(other.base_, nullptr);
        geometry_ = other.geometry_;
        version_ = other.version_;
        retire_timeout_ms_ = other.retire_timeout_ms_;
    }
    return *this;
}

RxRing::~RxRing() {
    if (base_ != nullptr) ::munmap(base_, geometry_.bytes());
}

}  // namespace rawdump::platform
