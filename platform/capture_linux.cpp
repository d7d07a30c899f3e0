// Capture on Linux: AF_PACKET socket, classic BPF attached before the socket is bound to any
// protocol, TPACKET_V3 ring, poll() on the socket plus an eventfd for interrupt().
// glibc's <net/if.h> must precede the <linux/...> headers (libc-compat guards).
#include <net/if.h>
#include <linux/filter.h>
#include <linux/if_arp.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <arpa/inet.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstddef>
#include <cstring>
#include <limits>
#include <optional>

#include "platform/capture.hpp"
#include "platform/capture_errors.hpp"
#include "platform/ring.hpp"
#include "platform/ring_packet.hpp"
#include "platform/unique_fd.hpp"

namespace rawdump::platform {

static_assert(sizeof(KernelInsn) == sizeof(sock_filter));
static_assert(offsetof(KernelInsn, code) == offsetof(sock_filter, code));
static_assert(offsetof(KernelInsn, jt) == offsetof(sock_filter, jt));
static_assert(offsetof(KernelInsn, jf) == offsetof(sock_filter, jf));
static_assert(offsetof(KernelInsn, k) == offsetof(sock_filter, k));

namespace {

// What open() learned about the interface before building the socket around it.
struct InterfaceFacts {
    int index = 0;
    bool loopback = false;
    LinkLayer link = LinkLayer::Unsupported;
};

std::optional<CaptureError> query_interface(int fd, const std::string& name, InterfaceFacts& facts) {
    if (name.empty() || name.size() >= IFNAMSIZ) return errors::no_such_device(name);
    ifreq request{};
    std::memcpy(request.ifr_name, name.data(), name.size());

    if (::ioctl(fd, SIOCGIFINDEX, &request) != 0) {
        const int err = errno;
        if (err == ENODEV) return errors::no_such_device(name);
        return errors::system_call(name, "SIOCGIFINDEX", err);
    }
    facts.index = request.ifr_ifindex;

    if (::ioctl(fd, SIOCGIFFLAGS, &request) != 0)
        return errors::system_call(name, "SIOCGIFFLAGS", errno);
    if ((request.ifr_flags & IFF_UP) == 0) return errors::not_up(name);
    facts.loopback = (request.ifr_flags & IFF_LOOPBACK) != 0;

    if (::ioctl(fd, SIOCGIFHWADDR, &request) != 0)
        return errors::system_call(name, "SIOCGIFHWADDR", errno);
    const auto arphrd = request.ifr_hwaddr.sa_family;
    // libpcap maps both to DLT_EN10MB: lo carries (all-zero) Ethernet headers.
    facts.link = (arphrd == ARPHRD_ETHER || arphrd == ARPHRD_LOOPBACK) ? LinkLayer::Ethernet
                                                                       : LinkLayer::Unsupported;
    if (arphrd == ARPHRD_LOOPBACK) facts.loopback = true;
    return std::nullopt;
}

std::optional<CaptureError> attach_filter(int fd, const CaptureConfig& config) {
    // No program: still attach "accept snaplen" so the kernel copies no more than that.
    const KernelInsn accept_all[] = {{BPF_RET | BPF_K, 0, 0, config.snaplen}};
    std::span<const KernelInsn> program = config.program;
    if (program.empty()) program = accept_all;
    if (program.size() > std::numeric_limits<unsigned short>::max())
        return errors::system_call(config.interface, "SO_ATTACH_FILTER", E2BIG);
    sock_fprog fprog{};
    fprog.len = static_cast<unsigned short>(program.size());
    // The kernel copies the program; it never writes through this pointer.
    fprog.filter = reinterpret_cast<sock_filter*>(const_cast<KernelInsn*>(program.data()));
    if (::setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, &fprog, sizeof fprog) != 0)
        return errors::system_call(config.interface, "SO_ATTACH_FILTER", errno);
    return std::nullopt;
}

template <typename T>
std::optional<CaptureError> set_packet_option(int fd, int option, const T& value,
                                              const std::string& interface, const char* what) {
    if (::setsockopt(fd, SOL_PACKET, option, &value, sizeof value) != 0)
        return errors::system_call(interface, what, errno);
    return std::nullopt;
}

class LinuxCapture final : public Capture {
public:
    LinuxCapture(UniqueFd socket, UniqueFd wake, RxRing ring, const CaptureConfig& config,
                 const InterfaceFacts& facts)
        : socket_(std::move(socket)),
          wake_(std::move(wake)),
          ring_(std::move(ring)),
          interface_(config.interface),
          link_(facts.link),
          loopback_(facts.loopback),
          snaplen_(config.snaplen) {}

    LinkLayer link_layer() const noexcept override { return link_; }

    bool dispatch(const std::function<bool(const Frame&)>& handle, CaptureError& error) override {
        bool handled_block = false;
        for (;;) {
            if (break_requested_.exchange(false, std::memory_order_acquire)) {
                drain_wake();
                return true;
            }
            if (packets_left_ == 0) {
                auto* block = reinterpret_cast<tpacket_block_desc*>(ring_.block(block_index_));
                if ((block_status(*block).load(std::memory_order_acquire) & TP_STATUS_USER) == 0) {
                    if (handled_block) return true;
                    if (!wait(error)) return false;
                    continue;
                }
                packets_left_ = block->hdr.bh1.num_pkts;
                next_packet_ = reinterpret_cast<std::byte*>(block) + block->hdr.bh1.offset_to_first_pkt;
                if (packets_left_ == 0) {  // the kernel never retires empty blocks; be safe
                    release_block();
                    handled_block = true;
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
                handled_block = true;
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
            error = errors::from_poll_revents(interface_, socket_error);
            return false;
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
    const std::string& name = config.interface;
    if (name == "any")
        return Unexpected{CaptureError{"any: capturing on the \"any\" pseudo-device is not supported", {}}};

    // Protocol 0: the socket is on no receive list, so nothing reaches it (and nothing escapes
    // the filter) until bind() names ETH_P_ALL, which happens last.
    UniqueFd socket(::socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC, 0));
    if (!socket.valid()) {
        const int err = errno;
        if (err == EPERM || err == EACCES) return Unexpected{errors::permission_denied(name, "socket", err)};
        return Unexpected{CaptureError{std::string("socket: ") + std::strerror(err), {}}};
    }

    InterfaceFacts facts;
    if (auto failure = query_interface(socket.get(), name, facts)) return Unexpected{*failure};
    if (auto failure = attach_filter(socket.get(), config)) return Unexpected{*failure};

    if (config.promiscuous) {
        packet_mreq membership{};
        membership.mr_ifindex = facts.index;
        membership.mr_type = PACKET_MR_PROMISC;
        if (auto failure = set_packet_option(socket.get(), PACKET_ADD_MEMBERSHIP, membership, name,
                                             "setsockopt (PACKET_ADD_MEMBERSHIP)"))
            return Unexpected{*failure};
    }
    const int version = TPACKET_V3;
    if (auto failure = set_packet_option(socket.get(), PACKET_VERSION, version, name,
                                         "setsockopt (PACKET_VERSION)"))
        return Unexpected{*failure};
    const unsigned reserve = kVlanHeadroom;
    if (auto failure = set_packet_option(socket.get(), PACKET_RESERVE, reserve, name,
                                         "setsockopt (PACKET_RESERVE)"))
        return Unexpected{*failure};

    // Immediate mode: libpcap switches to TPACKET_V2; a 1 ms retire timer gets close enough
    // (the kernel rounds it up to a jiffy) without a second ring format. <= 0: kernel default.
    const unsigned timeout = config.immediate ? 1u
                             : config.block_timeout_ms > 0 ? static_cast<unsigned>(config.block_timeout_ms)
                                                           : 0u;
    const auto page = static_cast<std::uint32_t>(::sysconf(_SC_PAGESIZE));
    const char* failed_call = "";
    auto ring = RxRing::create(socket.get(), ring_geometry(config.buffer_size, page), timeout, failed_call);
    if (!ring) return Unexpected{errors::system_call(name, failed_call, ring.error())};

    sockaddr_ll address{};
    address.sll_family = AF_PACKET;
    address.sll_protocol = htons(ETH_P_ALL);
    address.sll_ifindex = facts.index;
    if (::bind(socket.get(), reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
        const int err = errno;
        if (err == ENETDOWN) return Unexpected{errors::not_up(name)};
        if (err == ENODEV) return Unexpected{errors::no_such_device(name)};
        return Unexpected{errors::system_call(name, "bind", err)};
    }

    UniqueFd wake(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK));
    if (!wake.valid()) return Unexpected{errors::system_call(name, "eventfd", errno)};

    std::unique_ptr<Capture> capture =
        std::make_unique<LinuxCapture>(std::move(socket), std::move(wake), std::move(*ring), config, facts);
    return capture;
}

}  // namespace rawdump::platform
