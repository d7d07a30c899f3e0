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
#include <cstring>
#include <functional>
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
