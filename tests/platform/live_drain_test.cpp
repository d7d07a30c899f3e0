// The stop-time drain on lo: drain() hands over the packets of the V3 block the kernel is still
// filling (which dispatch() never sees before the block timeout) and of a V2 ring, counts them
// all, and the kernel's counters stop growing once it has begun.
#include <doctest/doctest.h>

#include <chrono>
#include <memory>
#include <set>
#include <string>
#include <thread>

#include "live_traffic.hpp"
#include "platform/capture.hpp"

using namespace rawdump;
using namespace rawdump::platform;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace {

std::unique_ptr<Capture> open_lo(const std::vector<KernelInsn>& program, int timeout_ms, bool immediate) {
    CaptureConfig config;
    config.interface = "lo";
    config.block_timeout_ms = timeout_ms;
    config.immediate = immediate;
    config.program = program;
    auto capture = Capture::open(config);
    if (!capture) FAIL("open lo: " << capture.error().one_line());
    return std::move(*capture);
}

// Sends `count` datagrams numbered 0..count-1, then drains; checks every one came, once.
void send_then_drain(Capture& capture, std::uint16_t port, int count, std::chrono::milliseconds limit) {
    live::UdpSender sender;
    for (int i = 0; i < count; ++i) sender.send(port, std::to_string(i));
    std::set<int> seen;
    int frames = 0;
    CaptureError error;
    const auto start = Clock::now();
    CHECK(capture.drain(
        [&](const Frame& frame) {
            ++frames;
            if (auto udp = live::parse_udp(frame.bytes)) seen.insert(std::stoi(udp->payload));
            return true;
        },
        error));
    const auto took = Clock::now() - start;
    MESSAGE("drain: " << frames << " frames in "
                      << std::chrono::duration_cast<std::chrono::milliseconds>(took).count() << " ms");
    CHECK(frames == count);  // lo's outgoing copies are skipped
    CHECK(seen.size() == static_cast<std::size_t>(count));
    CHECK(took < limit);
    const auto stats = capture.stats();
    CHECK(stats.received_by_filter == 2u * count);  // both of lo's copies pass the filter
    CHECK(stats.dropped_by_kernel == 0);

    // Frozen: what is sent now is neither received nor counted.
    sender.send(port, "late");
    std::this_thread::sleep_for(20ms);
    CHECK(capture.stats().received_by_filter == 2u * count);
}

}  // namespace

TEST_CASE("drain() hands over the block the kernel is still filling, before its timeout") {
    constexpr std::uint16_t test_port = 40031;
    // A 2 s block timeout: without the drain these packets would reach no one before then.
    auto capture = open_lo(live::udp_dst_port_program(test_port), 2000, false);
    // The drain waits for the retire timer: at most the 2 s plus its margin.
    send_then_drain(*capture, test_port, 200, 2200ms);
}

TEST_CASE("drain() with the default block timeout takes a few milliseconds") {
    constexpr std::uint16_t test_port = 40032;
    auto capture = open_lo(live::udp_dst_port_program(test_port), CaptureConfig{}.block_timeout_ms, false);
    send_then_drain(*capture, test_port, 200, 500ms);
}

TEST_CASE("drain() of an immediate-mode (TPACKET_V2) ring") {
    constexpr std::uint16_t test_port = 40033;
    auto capture = open_lo(live::udp_dst_port_program(test_port), 5000, true);
    // 10 (20 frames with lo's copies): a 2 MiB V2 ring holds 32 frames of 64 KiB (libpcap: 31).
    send_then_drain(*capture, test_port, 10, 500ms);
}
