#include "platform/ring_capture.hpp"

// glibc's <net/if.h> must precede the <linux/...> headers (libc-compat guards).
#include <net/if.h>
#include <linux/filter.h>
#include <linux/if_packet.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>

#include "platform/capture_errors.hpp"

namespace rawdump::platform {

namespace {

// How long drain() waits beyond the block timeout for the kernel's retire timer and for our
// wake-up: timer slack, a jiffy on kernels whose timer is jiffy-based, a busy CPU.
constexpr int drain_margin_ms = 50;

}  // namespace

RingCapture::RingCapture(PacketSocket opened, UniqueFd wake, const CaptureConfig& config)
    : socket_(std::move(opened.socket)),
      wake_(std::move(wake)),
      ring_(std::move(opened.ring)),
      interface_(config.interface),
      index_(opened.facts.index),
      link_(opened.facts.link),
      rules_(opened.rules) {}

bool RingCapture::dispatch(const Handler& handle, CaptureError& error) {
    for (;;) {
        if (break_requested_.exchange(false, std::memory_order_acquire)) {
            drain_wake();
            return true;
        }
        const Batch batch = read_ready(handle);
        if (batch.stopped || batch.entries > 0) return true;
        if (wait(-1, true, error) == Wait::Failed) return false;
    }
}

// Stop-time drain. After the reject-all filter the kernel takes no new packet, so its
// counters stop: every packet it accepted is either counted as dropped (ring full) or sits in
// the ring. The ones in a V3 block it is still filling reach us only when the block's retire
// timer fires, so wait for that, bounded, until the entries we took add up to the count.
bool RingCapture::drain(const Handler& handle, CaptureError& error) {
    break_requested_.store(false, std::memory_order_relaxed);
    drain_wake();
    freeze();  // best effort: without it the count still bounds the wait
    draining_ = true;
    using Clock = std::chrono::steady_clock;
    const auto deadline = Clock::now() + std::chrono::milliseconds(ring_.retire_timeout_ms() + drain_margin_ms);
    for (;;) {
        const Batch batch = read_ready(handle);
        if (batch.stopped) return true;
        if (batch.entries > 0) continue;
        const CaptureStats counted = stats();
        if (entries_taken_ + counted.dropped_by_kernel >= counted.received_by_filter) return true;
        const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0) return true;
        if (wait(static_cast<int>(left), false, error) == Wait::Failed) return false;
    }
}

void RingCapture::interrupt() noexcept {
    break_requested_.store(true, std::memory_order_release);
    const std::uint64_t one = 1;
    // write() is async-signal-safe; a full counter (impossible in practice) still wakes.
    [[maybe_unused]] const auto ignored = ::write(wake_.get(), &one, sizeof one);
}

CaptureStats RingCapture::stats() {
    // A V2 socket fills only the tpacket_stats part; both start with the same two counters.
    tpacket_stats_v3 counters{};
    socklen_t length = sizeof counters;
    if (::getsockopt(socket_.get(), SOL_PACKET, PACKET_STATISTICS, &counters, &length) == 0) {
        totals_.received_by_filter += counters.tp_packets;
        totals_.dropped_by_kernel += counters.tp_drops;
    }
    return totals_;
}

void RingCapture::drain_wake() noexcept {
    std::uint64_t count = 0;
    [[maybe_unused]] const auto ignored = ::read(wake_.get(), &count, sizeof count);
}

bool RingCapture::freeze() noexcept {
    sock_filter reject_all{BPF_RET | BPF_K, 0, 0, 0};
    sock_fprog program{1, &reject_all};
    return ::setsockopt(socket_.get(), SOL_SOCKET, SO_ATTACH_FILTER, &program, sizeof program) == 0;
}

// Blocks until the socket (or, with `wake_too`, the wake eventfd) is readable or `timeout_ms`
// passes (-1: no limit). EINTR is not an error: the caller's signal handler has probably
// called interrupt(), which the loops check next.
RingCapture::Wait RingCapture::wait(int timeout_ms, bool wake_too, CaptureError& error) {
    pollfd fds[2] = {{socket_.get(), POLLIN, 0}, {wake_.get(), POLLIN, 0}};
    const int ready = ::poll(fds, wake_too ? 2 : 1, timeout_ms);
    if (ready < 0) {
        if (errno == EINTR) return Wait::Ready;
        error = errors::system_call(interface_, "poll", errno);
        return Wait::Failed;
    }
    if (ready == 0) return Wait::TimedOut;
    if (wake_too && (fds[1].revents & POLLIN) != 0) drain_wake();
    const short revents = fds[0].revents;
    if ((revents & POLLERR) != 0) {
        int socket_error = 0;
        socklen_t length = sizeof socket_error;
        if (::getsockopt(socket_.get(), SOL_SOCKET, SO_ERROR, &socket_error, &length) != 0)
            socket_error = errno;
        // ENETDOWN comes both when the interface is set down and when it is deleted.
        // Like libpcap, keep capturing through a down/up (reading SO_ERROR cleared it;
        // packets already in the ring still arrive), and stop only when it is gone. While
        // draining, the packets already accepted are still to be read either way.
        if (socket_error == ENETDOWN) {
            char name[IF_NAMESIZE];
            if (draining_ || ::if_indextoname(static_cast<unsigned>(index_), name) != nullptr)
                return Wait::Ready;
            error = errors::interface_disappeared();
            return Wait::Failed;
        }
        if (socket_error != 0) {
            error = errors::socket_error(socket_error);
            return Wait::Failed;
        }
    }
    if ((revents & POLLHUP) != 0) {
        error = {"Hangup on packet socket", {}};
        return Wait::Failed;
    }
    if ((revents & POLLNVAL) != 0) {
        error = {"Invalid polling request on packet socket", {}};
        return Wait::Failed;
    }
    return Wait::Ready;
}

}  // namespace rawdump::platform
