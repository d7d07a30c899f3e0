// Live captures in private network namespaces: VLAN re-insertion, promiscuous mode, veth
// (Ethernet) directions. Each runs in a forked child (live_child.hpp).
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <net/if.h>
#include <linux/if_packet.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <thread>

#include "live_child.hpp"
#include "live_traffic.hpp"
#include "platform/capture.hpp"

using namespace rawdump;
using namespace rawdump::platform;
using namespace std::chrono_literals;

using live::in_child;
using live::set_up;

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
        if (!capture) return "open: " + capture.error().one_line();

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
                if (!capture) return capture.error().one_line();
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
            if (!capture) return "open: " + capture.error().one_line();
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
            std::atomic<bool> done{false};
            std::thread ticker([&] {  // wakes dispatch() so the deadline below is checked
                while (!done) {
                    std::this_thread::sleep_for(50ms);
                    sides[i]->interrupt();
                }
            });
            const auto deadline = std::chrono::steady_clock::now() + 2s;
            CaptureError error;
            while (seen < 5 && std::chrono::steady_clock::now() < deadline &&
                   sides[i]->dispatch(
                       [&](const Frame& f) {
                           if (f.bytes.size() == sizeof frame && std::to_integer<int>(f.bytes[20]) == seen) ++seen;
                           return true;
                       },
                       error)) {
            }
            done = true;
            ticker.join();
            if (seen != 5) return std::string(names[i]) + " saw " + std::to_string(seen) + " of 5";
        }
        return "";
    });
    CHECK(report == "");
}

TEST_CASE("interface set down keeps the capture going (as tcpdump); deleted ends it") {
    const auto report = in_child([]() -> std::string {
        if (::unshare(CLONE_NEWNET) != 0) return "unshare failed";
        if (std::system("ip link add vA type veth peer name vB && ip link set vA up && ip link set vB up") != 0)
            return "ip link failed";
        const auto program = live::ether_src_ipv4_program();
        CaptureConfig config;
        config.interface = "vB";
        config.block_timeout_ms = 10;
        config.program = program;
        auto opened = Capture::open(config);
        if (!opened) return "open: " + opened.error().one_line();
        auto& capture = **opened;

        const int tx = ::socket(AF_PACKET, SOCK_RAW, 0);
        auto send_frame = [&](unsigned char tag) {
            unsigned char frame[60] = {0x02, 0x52, 0x44, 0x00, 0x00, 0x02, 0x02, 0x52,
                                       0x44, 0x00, 0x00, 0x01, 0x08, 0x00};
            frame[20] = tag;
            sockaddr_ll to{};
            to.sll_family = AF_PACKET;
            to.sll_ifindex = static_cast<int>(::if_nametoindex("vA"));
            to.sll_halen = 6;
            ::sendto(tx, frame, sizeof frame, 0, reinterpret_cast<sockaddr*>(&to), sizeof to);
        };
        // dispatch() for up to `limit`, woken every 50 ms; returns false on a dispatch error.
        std::string tags;
        CaptureError error;
        auto pump = [&](std::chrono::milliseconds limit) {
            std::atomic<bool> done{false};
            std::thread ticker([&] {
                while (!done) {
                    std::this_thread::sleep_for(50ms);
                    capture.interrupt();
                }
            });
            bool ok = true;
            const auto deadline = std::chrono::steady_clock::now() + limit;
            while (ok && std::chrono::steady_clock::now() < deadline) {
                ok = capture.dispatch(
                    [&](const Frame& f) {
                        tags += static_cast<char>('0' + std::to_integer<int>(f.bytes[20]));
                        return true;
                    },
                    error);
            }
            done = true;
            ticker.join();
            return ok;
        };

        send_frame(1);
        if (!pump(300ms)) return "error before down: " + error.message;
        if (std::system("ip link set vB down") != 0) return "ip link set down failed";
        if (!pump(300ms)) return "down ended the capture: " + error.message;
        if (std::system("ip link set vB up") != 0) return "ip link set up failed";
        std::this_thread::sleep_for(100ms);
        send_frame(2);
        if (!pump(300ms)) return "error after up: " + error.message;
        if (tags != "12") return "frames seen: " + tags;
        if (std::system("ip link del vB") != 0) return "ip link del failed";
        if (pump(2s)) return "deleting the interface did not end the capture";
        if (error.message != "The interface disappeared") return "message: " + error.message;
        ::close(tx);
        return "";
    });
    CHECK(report == "");
}
