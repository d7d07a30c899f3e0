// Traffic helpers for the live tests: UDP senders, a background flood, frame parsing, and
// the cBPF program the tests attach.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <thread>
#include <vector>

#include "platform/capture.hpp"

namespace live {

// `tcpdump -dd 'udp dst port PORT'` (EN10MB), with PORT's two constants patched in.
std::vector<rawdump::platform::KernelInsn> udp_dst_port_program(std::uint16_t port);
// `tcpdump -dd 'ether src 02:52:44:00:00:01 and ether proto 0x800'`: the kernel runs it on
// the frame with its VLAN tag already stripped, so a tagged IPv4 frame matches.
std::vector<rawdump::platform::KernelInsn> ether_src_ipv4_program();

// Sends one UDP datagram 127.0.0.1 -> 127.0.0.1:port with `payload`.
class UdpSender {
public:
    UdpSender();
    ~UdpSender();
    UdpSender(const UdpSender&) = delete;
    UdpSender& operator=(const UdpSender&) = delete;
    void send(std::uint16_t port, const std::string& payload);

private:
    int fd_;
};

// Floods lo with UDP to ports other than `match_port` (and every `match_every`-th datagram
// to `match_port`, payload "F<n>") until stopped.
class Flood {
public:
    Flood(std::uint16_t match_port, unsigned match_every);
    ~Flood();
    void stop();
    std::uint64_t unrelated_sent() const { return unrelated_.load(); }
    std::uint64_t matching_sent() const { return matching_.load(); }

private:
    std::atomic<bool> running_{true};
    std::atomic<std::uint64_t> unrelated_{0};
    std::atomic<std::uint64_t> matching_{0};
    std::thread thread_;
};

// prefix + decimal number; (GCC 12 warns falsely (-Wrestrict) on `"x" + std::to_string(n)`.)
inline std::string tagged(const char* prefix, unsigned long long number) {
    std::string text = prefix;
    text += std::to_string(number);
    return text;
}

// The IPv4/UDP view of an Ethernet frame; nothing when it is not IPv4 UDP.
struct UdpView {
    std::uint16_t dst_port = 0;
    std::string payload;
};
std::optional<UdpView> parse_udp(std::span<const std::byte> frame);

}  // namespace live
