// open() failures worded as tcpdump words them, and VLAN re-insertion on a real socket.
// Cases that need another identity or network namespace run in a forked child.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <net/if.h>
#include <linux/if_packet.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "live_traffic.hpp"
#include "platform/capture.hpp"

using namespace rawdump::platform;
using namespace std::chrono_literals;

namespace {

// Runs `body` in a forked child; returns what it reported ("" = success).
std::string in_child(const std::function<std::string()>& body) {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::close(fds[0]);
        const std::string report = body();
        [[maybe_unused]] auto ignored = ::write(fds[1], report.data(), report.size());
        ::_exit(0);
    }
    ::close(fds[1]);
    std::string report;
    char buffer[512];
    ssize_t n;
    while ((n = ::read(fds[0], buffer, sizeof buffer)) > 0) report.append(buffer, static_cast<size_t>(n));
    ::close(fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return "child crashed: " + report;
    return report;
}

std::string open_error(const std::string& interface) {
    CaptureConfig config;
    config.interface = interface;
    auto capture = Capture::open(config);
    if (capture) return "opened";
    return capture.error().tcpdump_text();
}

bool set_up(const char* name) {
    const int fd = ::socket(AF_INET, SOCK_DGRAM, 0);
    ifreq request{};
    std::strncpy(request.ifr_name, name, IFNAMSIZ - 1);
    bool ok = ::ioctl(fd, SIOCGIFFLAGS, &request) == 0;
    request.ifr_flags = static_cast<short>(request.ifr_flags | IFF_UP);
    ok = ok && ::ioctl(fd, SIOCSIFFLAGS, &request) == 0;
    ::close(fd);
    return ok;
}

}  // namespace

TEST_CASE("missing interface: tcpdump's text") {
    CHECK(open_error("eth9") == "eth9: No such device exists\n(No such device exists)");
}

TEST_CASE("no CAP_NET_RAW: tcpdump's text") {
    const auto text = in_child([] {
        if (::setresgid(65534, 65534, 65534) != 0 || ::setresuid(65534, 65534, 65534) != 0)
            return std::string("setresuid failed");
        return open_error("lo");
    });
    CHECK(text ==
          "lo: You don't have permission to perform this capture on that device\n"
          "(socket: Operation not permitted)");
}

TEST_CASE("interface down: tcpdump's text (lo of a fresh network namespace is down)") {
    const auto text = in_child([] {
        if (::unshare(CLONE_NEWNET) != 0) return std::string("unshare failed");
        return open_error("lo");
    });
    CHECK(text == "lo: That device is not up");
}

TEST_CASE("a VLAN tag the kernel strips on receive is put back, byte for byte") {
    // In a private namespace (no one else's lo traffic): send a tagged Ethernet frame on lo
    // through a packet socket; on the way in the kernel moves the tag into the tpacket header.
    const auto report = in_child([]() -> std::string {
        if (::unshare(CLONE_NEWNET) != 0) return "unshare failed";
        if (!set_up("lo")) return "cannot bring lo up";
        // Matching "ether proto 0x800" proves the kernel saw the frame untagged (tag moved into
        // the tpacket header); getting 0x8100 back at offset 12 proves the re-insertion.
        const auto program = live::ether_src_ipv4_program();
        CaptureConfig config;
        config.interface = "lo";
        config.block_timeout_ms = 10;
        config.program = program;
        auto capture = Capture::open(config);
        if (!capture) return "open: " + capture.error().tcpdump_text();

        std::array<unsigned char, 64> sent{};
        const unsigned char head[] = {
            0x02, 0x52, 0x44, 0x00, 0x00, 0x02,  // destination
            0x02, 0x52, 0x44, 0x00, 0x00, 0x01,  // source: what the filter accepts
            0x81, 0x00, 0x20, 0x64,              // 802.1Q, priority 1, VLAN 100
            0x08, 0x00,                          // IPv4 (payload is just a pattern)
        };
        std::memcpy(sent.data(), head, sizeof head);
        for (std::size_t i = sizeof head; i < sent.size(); ++i) sent[i] = static_cast<unsigned char>(i);

        const int tx = ::socket(AF_PACKET, SOCK_RAW, 0);
        sockaddr_ll to{};
        to.sll_family = AF_PACKET;
        to.sll_ifindex = static_cast<int>(::if_nametoindex("lo"));
        to.sll_halen = 6;
        if (::sendto(tx, sent.data(), sent.size(), 0, reinterpret_cast<sockaddr*>(&to), sizeof to) < 0)
            return "sendto failed";
        ::close(tx);

        std::string result = "no frame";
        std::thread watchdog([&] {
            std::this_thread::sleep_for(3s);
            capture.value()->interrupt();
        });
        CaptureError error;
        capture.value()->dispatch(
            [&](const Frame& frame) {
                if (frame.bytes.size() != sent.size()) {
                    result = live::tagged("caplen ", frame.bytes.size());
                } else if (std::memcmp(frame.bytes.data(), sent.data(), sent.size()) != 0) {
                    result = "bytes differ";
                } else if (frame.wire_length != sent.size()) {
                    result = live::tagged("wire length ", frame.wire_length);
                } else {
                    result.clear();
                }
                return false;
            },
            error);
        capture.value()->interrupt();
        watchdog.join();
        return result;
    });
    CHECK(report == "");
}

TEST_CASE("promiscuous mode is on while the capture is open, unless switched off") {
    // In a private namespace, so no other sniffer's membership on lo gets in the way.
    const auto report = in_child([]() -> std::string {
        if (::unshare(CLONE_NEWNET) != 0) return "unshare failed";
        if (!set_up("lo")) return "cannot bring lo up";
        // SIOCGIFFLAGS shows only a user-set IFF_PROMISC; the membership count is netlink's
        // IFLA_PROMISCUITY, which `ip -d link` prints as "promiscuity N".
        auto promiscuous = [] {
            std::FILE* pipe = ::popen("ip -d link show lo", "r");
            std::string text;
            char buffer[512];
            while (pipe != nullptr && std::fgets(buffer, sizeof buffer, pipe) != nullptr) text += buffer;
            if (pipe != nullptr) ::pclose(pipe);
            return text.find("promiscuity 0") == std::string::npos;
        };
        if (promiscuous()) return "promiscuous before";
        for (const bool wanted : {true, false}) {
            CaptureConfig config;
            config.interface = "lo";
            config.promiscuous = wanted;
            {
                auto capture = Capture::open(config);
                if (!capture) return capture.error().tcpdump_text();
                if (promiscuous() != wanted) return wanted ? "not promiscuous with -p absent" : "promiscuous with -p";
            }
            if (promiscuous()) return "still promiscuous after close";
        }
        return "";
    });
    CHECK(report == "");
}

TEST_CASE("on a veth pair: Ethernet link layer, outgoing packets kept (only lo's are dropped)") {
    const auto report = in_child([]() -> std::string {
        if (::unshare(CLONE_NEWNET) != 0) return "unshare failed";
        if (std::system("ip link add vA type veth peer name vB && ip link set vA up && ip link set vB up") != 0)
            return "ip link failed";
        const auto program = live::ether_src_ipv4_program();
        std::unique_ptr<Capture> sides[2];
        const char* names[2] = {"vA", "vB"};
        for (int i = 0; i < 2; ++i) {
            CaptureConfig config;
            config.interface = names[i];
            config.block_timeout_ms = 10;
            config.program = program;
            auto capture = Capture::open(config);
            if (!capture) return "open: " + capture.error().tcpdump_text();
            if (capture.value()->link_layer() != LinkLayer::Ethernet) return "veth is not Ethernet";
            sides[i] = std::move(*capture);
        }
        unsigned char frame[60] = {0x02, 0x52, 0x44, 0x00, 0x00, 0x02, 0x02, 0x52, 0x44, 0x00, 0x00, 0x01, 0x08, 0x00};
        const int tx = ::socket(AF_PACKET, SOCK_RAW, 0);
        sockaddr_ll to{};
        to.sll_family = AF_PACKET;
        to.sll_ifindex = static_cast<int>(::if_nametoindex("vA"));
        to.sll_halen = 6;
        for (int i = 0; i < 5; ++i) {
            frame[20] = static_cast<unsigned char>(i);
            if (::sendto(tx, frame, sizeof frame, 0, reinterpret_cast<sockaddr*>(&to), sizeof to) < 0)
                return "sendto failed";
        }
        ::close(tx);
        for (int i = 0; i < 2; ++i) {
            int seen = 0;
            std::thread watchdog([&] {
                std::this_thread::sleep_for(500ms);
                sides[i]->interrupt();
            });
            CaptureError error;
            while (seen < 5 && sides[i]->dispatch([&](const Frame& f) {
                if (f.bytes.size() == sizeof frame && std::to_integer<int>(f.bytes[20]) == seen) ++seen;
                return true;
            }, error)) {
                if (seen < 5) std::this_thread::sleep_for(20ms);
                else break;
            }
            sides[i]->interrupt();
            watchdog.join();
            if (seen != 5) return std::string(names[i]) + " saw " + std::to_string(seen) + " of 5";
        }
        return "";
    });
    CHECK(report == "");
}
