// Capture on Linux: reading the TPACKET_V3 ring of a packet socket (packet_socket.cpp),
// poll() on the socket plus an eventfd for interrupt().
#include <net/if.h>
#include <linux/if_packet.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstddef>

#include "platform/capture.hpp"
#include "platform/capture_errors.hpp"
#include "platform/packet_socket.hpp"
#include "platform/ring.hpp"
#include "platform/ring_packet.hpp"
#include "platform/unique_fd.hpp"

namespace rawdump::platform {

namespace {

class LinuxCapture final : public Capture {
public:
    LinuxCapture(PacketSocket opened, UniqueFd wake, const CaptureConfig& config)
        : socket_(std::move(opened.socket)),
          wake_(std::move(wake)),
          ring_(std::move(opened.ring)),
          interface_(config.interface),
          index_(opened.facts.index),
          link_(opened.facts.link),
          loopback_(opened.facts.loopback),
          snaplen_(config.snaplen) {}

    LinkLayer link_layer() const noexcept override { return link_; }

    bool dispatch(const std::function<bool(const Frame&)>& handle, CaptureError& error) override {
        // At most one ring's worth per call, so under a steady stream the caller still gets
        // control back regularly (to flush output, check its flags).
        std::uint32_t handled_blocks = 0;
        for (;;) {
            if (break_requested_.exchange(false, std::memory_order_acquire)) {
                drain_wake();
                return true;
            }
            if (packets_left_ == 0) {
                auto* block = reinterpret_cast<tpacket_block_desc*>(ring_.block(block_index_));
                if ((block_status(*block).load(std::memory_order_acquire) & TP_STATUS_USER) == 0) {
                    if (handled_blocks > 0) return true;
                    if (!wait(error)) return false;
                    continue;
                }
                packets_left_ = block->hdr.bh1.num_pkts;
                next_packet_ = reinterpret_cast<std::byte*>(block) + block->hdr.bh1.offset_to_first_pkt;
                if (packets_left_ == 0) {  // the kernel never retires empty blocks; be safe
                    release_block();
                    if (++handled_blocks == ring_.block_count()) return true;
                    continue;
                }
            }
            while (packets_left_ > 0) {
                if (break_requested_.load(std::memory_order_relaxed)) break;
                auto* packet = reinterpret_cast<tpacket3_hdr*>(next_packet_);
                next_packet_ += packet->tp_next_offset;
                --packets_left_;
                const auto frame = ring_packet_to_frame(packet, loopback_, snaplen_);
                if (frame && !handle(*frame)) {
                    if (packets_left_ == 0) release_block();
                    return true;
                }
            }
            if (packets_left_ == 0) {
                release_block();
                if (++handled_blocks == ring_.block_count()) return true;
            }
        }
    }

    void interrupt() noexcept override {
        break_requested_.store(true, std::memory_order_release);
        const std::uint64_t one = 1;
        // write() is async-signal-safe; a full counter (impossible in practice) still wakes.
        [[maybe_unused]] const auto ignored = ::write(wake_.get(), &one, sizeof one);
    }

    CaptureStats stats() override {
        tpacket_stats_v3 counters{};
        socklen_t length = sizeof counters;
        if (::getsockopt(socket_.get(), SOL_PACKET, PACKET_STATISTICS, &counters, &length) == 0) {
            totals_.received_by_filter += counters.tp_packets;
            totals_.dropped_by_kernel += counters.tp_drops;
        }
        return totals_;
    }

private:
    static std::atomic_ref<std::uint32_t> block_status(tpacket_block_desc& block) noexcept {
        return std::atomic_ref<std::uint32_t>(block.hdr.bh1.block_status);
    }

    void release_block() noexcept {
        auto* block = reinterpret_cast<tpacket_block_desc*>(ring_.block(block_index_));
        // Release: our reads (and VLAN rewrites) of the block happen before the kernel reuses it.
        block_status(*block).store(TP_STATUS_KERNEL, std::memory_order_release);
        block_index_ = (block_index_ + 1) % ring_.block_count();
        packets_left_ = 0;
        next_packet_ = nullptr;
    }

    void drain_wake() noexcept {
        std::uint64_t count = 0;
        [[maybe_unused]] const auto ignored = ::read(wake_.get(), &count, sizeof count);
    }

    // Blocks until the socket or the wake eventfd is readable. EINTR is not an error: the
    // caller's signal handler has probably called interrupt(), which the loop checks next.
    bool wait(CaptureError& error) {
        pollfd fds[2] = {{socket_.get(), POLLIN, 0}, {wake_.get(), POLLIN, 0}};
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR) return true;
            error = errors::system_call(interface_, "poll", errno);
            return false;
        }
        if ((fds[1].revents & POLLIN) != 0) drain_wake();
        const short revents = fds[0].revents;
        if ((revents & POLLERR) != 0) {
            int socket_error = 0;
            socklen_t length = sizeof socket_error;
            if (::getsockopt(socket_.get(), SOL_SOCKET, SO_ERROR, &socket_error, &length) != 0)
                socket_error = errno;
            // ENETDOWN comes both when the interface is set down and when it is deleted.
            // Like libpcap, keep capturing through a down/up (reading SO_ERROR cleared it;
            // packets already in the ring still arrive), and stop only when it is gone.
            if (socket_error == ENETDOWN) {
                char name[IF_NAMESIZE];
                if (::if_indextoname(static_cast<unsigned>(index_), name) != nullptr) return true;
                error = errors::interface_disappeared();
                return false;
            }
            if (socket_error != 0) {
                error = errors::socket_error(socket_error);
                return false;
            }
        }
        if ((revents & POLLHUP) != 0) {
            error = {"Hangup on packet socket", {}};
            return false;
        }
        if ((revents & POLLNVAL) != 0) {
            error = {"Invalid polling request on packet socket", {}};
            return false;
        }
        return true;
    }

    UniqueFd socket_;
    UniqueFd wake_;
    RxRing ring_;
    std::string interface_;
    int index_;
    LinkLayer link_;
    bool loopback_;
    std::uint32_t snaplen_;

    // Where the reader is: the block it owns (or waits for) and the next packet in it.
    std::uint32_t block_index_ = 0;
    std::uint32_t packets_left_ = 0;
    std::byte* next_packet_ = nullptr;

    std::atomic<bool> break_requested_{false};
    CaptureStats totals_;
};

}  // namespace

Expected<std::unique_ptr<Capture>, CaptureError> Capture::open(const CaptureConfig& config) {
    auto opened = open_packet_socket(config);
    if (!opened) return Unexpected{opened.error()};
    UniqueFd wake(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK));
    if (!wake.valid()) return Unexpected{errors::system_call(config.interface, "eventfd", errno)};
    std::unique_ptr<Capture> capture =
        std::make_unique<LinuxCapture>(std::move(*opened), std::move(wake), config);
    return capture;
}

}  // namespace rawdump::platform
