#include "platform/packet_socket.hpp"

// glibc's <net/if.h> must precede the <linux/...> headers (libc-compat guards).
#include <net/if.h>
#include <linux/filter.h>
#include <linux/if_arp.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <arpa/inet.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstring>
#include <limits>
#include <optional>

#include "platform/capture_errors.hpp"
#include "platform/ring_packet.hpp"
#include "platform/time_stamp_types.hpp"

namespace rawdump::platform {

static_assert(sizeof(KernelInsn) == sizeof(sock_filter));
static_assert(offsetof(KernelInsn, code) == offsetof(sock_filter, code));
static_assert(offsetof(KernelInsn, jt) == offsetof(sock_filter, jt));
static_assert(offsetof(KernelInsn, jf) == offsetof(sock_filter, jf));
static_assert(offsetof(KernelInsn, k) == offsetof(sock_filter, k));

namespace {

std::optional<CaptureError> query_interface(int fd, const std::string& name, InterfaceFacts& facts,
                                           int& arphrd) {
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
    arphrd = request.ifr_hwaddr.sa_family;
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

}  // namespace

namespace {

bool is_wifi(const std::string& name) {
    struct stat info {};
    return ::stat(("/sys/class/net/" + name + "/wireless").c_str(), &info) == 0;
}

// The ifindex of "lo", whose outgoing copies libpcap drops (0 when there is none).
int loopback_index() { return static_cast<int>(::if_nametoindex("lo")); }

}  // namespace

Expected<DeviceLinkTypes, CaptureError> describe_device(const std::string& name, bool monitor_mode) {
    // libpcap refuses monitor mode before it looks at the device's type or state.
    if (name == "any") {
        if (monitor_mode) return Unexpected{errors::no_monitor_mode(name)};
        return link_types_for_any();
    }
    UniqueFd socket(::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    if (!socket.valid()) return Unexpected{errors::system_call(name, "socket", errno)};
    if (name.empty() || name.size() >= IFNAMSIZ) return Unexpected{errors::no_such_device(name)};
    ifreq request{};
    std::memcpy(request.ifr_name, name.data(), name.size());
    if (::ioctl(socket.get(), SIOCGIFINDEX, &request) != 0) {
        const int err = errno;
        if (err == ENODEV) return Unexpected{errors::no_such_device(name)};
        return Unexpected{errors::system_call(name, "SIOCGIFINDEX", err)};
    }
    if (monitor_mode) return Unexpected{errors::no_monitor_mode(name)};
    if (::ioctl(socket.get(), SIOCGIFFLAGS, &request) != 0)
        return Unexpected{errors::system_call(name, "SIOCGIFFLAGS", errno)};
    if ((request.ifr_flags & IFF_UP) == 0) return Unexpected{errors::not_up(name)};
    if (::ioctl(socket.get(), SIOCGIFHWADDR, &request) != 0)
        return Unexpected{errors::system_call(name, "SIOCGIFHWADDR", errno)};
    return link_types_for_device(request.ifr_hwaddr.sa_family, name, is_wifi(name));
}

Expected<PacketSocket, CaptureError> open_packet_socket(const CaptureConfig& config) {
    const std::string& name = config.interface;
    const bool any = name == "any";
    const bool cooked = any || config.cooked;

    // Protocol 0: the socket is on no receive list, so nothing reaches it (and nothing escapes
    // the filter) until bind() names ETH_P_ALL, which happens last. Cooked captures get the
    // packet without its link-layer header (SOCK_DGRAM), as libpcap's.
    UniqueFd socket(::socket(AF_PACKET, (cooked ? SOCK_DGRAM : SOCK_RAW) | SOCK_CLOEXEC, 0));
    if (!socket.valid()) {
        const int err = errno;
        if (err == EPERM || err == EACCES) return Unexpected{errors::permission_denied(name, "socket", err)};
        return Unexpected{CaptureError{std::string("socket: ") + std::strerror(err), {}}};
    }

    // Ask for skb software timestamps. This turns on the kernel's timestamping at netif_rx /
    // the transmit tap, so every packet socket reads the same skb->tstamp; otherwise each
    // socket reads the clock itself and tcpdump next to rawdump (or next to another tcpdump)
    // differs by 1-17 us (measured). Best effort: without it, tp_sec/tp_nsec still work.
    const int on = 1;
    ::setsockopt(socket.get(), SOL_SOCKET, SO_TIMESTAMPNS, &on, sizeof on);

    InterfaceFacts facts;
    if (!any) {
        int arphrd = 0;
        if (auto failure = query_interface(socket.get(), name, facts, arphrd)) return Unexpected{*failure};
    }
    if (auto failure = attach_filter(socket.get(), config)) return Unexpected{*failure};

    // libpcap never asks for promiscuous mode on "any" (it would need every device's).
    if (config.promiscuous && !any) {
        packet_mreq membership{};
        membership.mr_ifindex = facts.index;
        membership.mr_type = PACKET_MR_PROMISC;
        if (auto failure = set_packet_option(socket.get(), PACKET_ADD_MEMBERSHIP, membership, name,
                                             "setsockopt (PACKET_ADD_MEMBERSHIP)"))
            return Unexpected{*failure};
    }
    if (auto failure = enable_hardware_stamps(socket.get(), name, config.hardware_stamps))
        return Unexpected{*failure};

    FrameRules rules;
    rules.snaplen = config.snaplen;
    rules.loopback_ifindex = loopback_index();
    rules.cooked = !cooked ? CookedHeader::None
                 : is_linux_sll2(config.link_type) ? CookedHeader::Sll2
                                                   : CookedHeader::Sll;
    rules.vlan_offset = vlan_offset_for(config.link_type);
    rules.directions = config.directions;

    // Immediate mode: a TPACKET_V2 ring, as libpcap (a V3 block waits for its timer).
    const int version = config.immediate ? TPACKET_V2 : TPACKET_V3;
    if (auto failure = set_packet_option(socket.get(), PACKET_VERSION, version, name,
                                         "setsockopt (PACKET_VERSION)"))
        return Unexpected{*failure};
    const unsigned reserve = headroom_for(rules.cooked);
    if (auto failure = set_packet_option(socket.get(), PACKET_RESERVE, reserve, name,
                                         "setsockopt (PACKET_RESERVE)"))
        return Unexpected{*failure};

    // <= 0: the kernel's default block timeout.
    const unsigned timeout = config.block_timeout_ms > 0 ? static_cast<unsigned>(config.block_timeout_ms) : 0u;
    const auto page = static_cast<std::uint32_t>(::sysconf(_SC_PAGESIZE));
    const char* failed_call = "";
    auto ring = config.immediate
                    ? RxRing::create(socket.get(), RingVersion::Frames,
                                     ring_geometry(config.buffer_size, page,
                                                   frame_ring_frame_size(config.snaplen, reserve)),
                                     0, failed_call)
                    : RxRing::create(socket.get(), ring_geometry(config.buffer_size, page), timeout, failed_call);
    if (!ring) return Unexpected{errors::system_call(name, failed_call, ring.error())};

    // ifindex 0 binds to every device ("any").
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

    return PacketSocket{std::move(socket), std::move(*ring), facts, rules};
}

}  // namespace rawdump::platform
