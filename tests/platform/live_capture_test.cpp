// Live captures on lo: nothing unfiltered leaks (even in the first milliseconds), lo's
// duplicates are dropped, statistics count like tcpdump's (drops included), dispatch() stops
// and resumes, interrupt() wakes a blocked dispatch(), immediate mode does not wait.
#include <doctest/doctest.h>

#include <pthread.h>
#include <signal.h>

#include <algorithm>
#include <array>
#include <atomic>
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

std::unique_ptr<Capture> open_lo(const std::vector<KernelInsn>& program, int timeout_ms) {
    CaptureConfig config;
    config.interface = "lo";
    config.block_timeout_ms = timeout_ms;
    config.program = program;
    auto capture = Capture::open(config);
    if (!capture) FAIL("open lo: " << capture.error().one_line());
    REQUIRE(capture->get()->link_layer() == LinkLayer::Ethernet);
    return std::move(*capture);
}

// dispatch() until `done()` or the deadline; returns false on a dispatch error.
template <typename Handle, typename Done>
bool pump(Capture& capture, Handle handle, Done done, std::chrono::milliseconds limit) {
    const auto deadline = Clock::now() + limit;
    // A watchdog so a dispatch() blocked on an idle socket still returns at the deadline.
    std::atomic<bool> finished{false};
    std::thread watchdog([&] {
        while (!finished && Clock::now() < deadline) std::this_thread::sleep_for(5ms);
        capture.interrupt();
    });
    bool ok = true;
    CaptureError error;
    while (!done() && Clock::now() < deadline) {
        if (!capture.dispatch(handle, error)) {
            ok = false;
            break;
        }
    }
    finished = true;
    watchdog.join();
    if (!ok) MESSAGE("dispatch error: " << error.one_line());
    return ok;
}

}  // namespace

TEST_CASE("a filtered capture on lo under a flood: nothing unfiltered, every match once") {
    constexpr std::uint16_t test_port = 40001;
    constexpr int matching_count = 300;
    // The flood is running before the socket exists: a packet let through between socket()
    // and the filter would show up as a frame that does not match.
    live::Flood flood(test_port, 50);
    std::this_thread::sleep_for(50ms);
    const auto unrelated_before = flood.unrelated_sent();

    const auto program = live::udp_dst_port_program(test_port);
    auto capture = open_lo(program, 10);

    std::uint64_t frames = 0, leaked = 0, duplicates = 0;
    std::set<std::string> seen;
    int mine = 0;
    live::UdpSender sender;
    std::thread sender_thread([&] {
        for (int i = 0; i < matching_count; ++i) {
            sender.send(test_port, live::tagged("M", i));
            if (i % 20 == 0) std::this_thread::sleep_for(1ms);
        }
    });
    const bool ok = pump(
        *capture,
        [&](const Frame& frame) {
            ++frames;
            const auto udp = live::parse_udp(frame.bytes);
            if (!udp || udp->dst_port != test_port) {
                ++leaked;
                return true;
            }
            if (!seen.insert(udp->payload).second) ++duplicates;
            if (udp->payload[0] == 'M') ++mine;
            CHECK(frame.wire_length == frame.bytes.size());
            return true;
        },
        [&] { return mine == matching_count; }, 10s);
    sender_thread.join();
    flood.stop();
    const auto stats = capture->stats();

    CHECK(ok);
    CHECK(leaked == 0);
    CHECK(duplicates == 0);
    CHECK(mine == matching_count);
    // Both lo copies of every delivered packet passed the kernel filter.
    CHECK(stats.received_by_filter >= 2 * frames);
    MESSAGE("flood: " << flood.unrelated_sent() - unrelated_before << " unrelated datagrams during the capture ("
                      << flood.unrelated_sent() << " in all), " << flood.matching_sent()
                      << " flood matches; delivered " << frames << ", leaked " << leaked
                      << ", duplicates " << duplicates << "; received_by_filter " << stats.received_by_filter
                      << ", dropped " << stats.dropped_by_kernel);
}

TEST_CASE("statistics on lo count both copies, like tcpdump (10 sent: 10 captured, 20 received)") {
    constexpr std::uint16_t test_port = 40011;
    constexpr int sent_count = 25;
    const auto program = live::udp_dst_port_program(test_port);
    auto capture = open_lo(program, 10);
    live::UdpSender sender;
    for (int i = 0; i < sent_count; ++i) sender.send(test_port, live::tagged("S", i));
    int delivered = 0;
    CHECK(pump(*capture, [&](const Frame&) { return ++delivered, true; }, [&] { return delivered == sent_count; }, 5s));
    CHECK(delivered == sent_count);
    auto stats = capture->stats();
    CHECK(stats.received_by_filter == 2 * sent_count);
    CHECK(stats.dropped_by_kernel == 0);
    // PACKET_STATISTICS resets on read: a second read must not lose or double anything.
    stats = capture->stats();
    CHECK(stats.received_by_filter == 2 * sent_count);
}

TEST_CASE("handle returning false stops mid-block; the next dispatch continues there") {
    constexpr std::uint16_t test_port = 40012;
    const auto program = live::udp_dst_port_program(test_port);
    auto capture = open_lo(program, 200);  // long enough that all 10 land in one block
    live::UdpSender sender;
    for (int i = 0; i < 10; ++i) sender.send(test_port, std::to_string(i));
    std::vector<std::string> order;
    CaptureError error;
    int calls = 0;
    while (order.size() < 10 && calls < 20) {
        ++calls;
        int this_call = 0;
        REQUIRE(capture->dispatch(
            [&](const Frame& frame) {
                order.push_back(live::parse_udp(frame.bytes)->payload);
                return ++this_call < 3;  // stop after 3 packets per call
            },
            error));
        CHECK(this_call <= 3);
    }
    REQUIRE(order.size() == 10);
    for (int i = 0; i < 10; ++i) CHECK(order[i] == std::to_string(i));
    CHECK(calls >= 4);
}

TEST_CASE("interrupt() wakes a dispatch() blocked on an idle socket") {
    const auto program = live::udp_dst_port_program(40013);  // nobody sends there
    auto capture = open_lo(program, 10000);
    const auto start = Clock::now();
    std::thread interrupter([&] {
        std::this_thread::sleep_for(200ms);
        capture->interrupt();
    });
    CaptureError error;
    int frames = 0;
    CHECK(capture->dispatch([&](const Frame&) { return ++frames, true; }, error));
    interrupter.join();
    const auto elapsed = Clock::now() - start;
    CHECK(frames == 0);
    CHECK(elapsed >= 150ms);
    CHECK(elapsed < 2s);
    // One-shot, like pcap_breakloop(): the next dispatch waits again (until interrupted).
    std::thread again([&] {
        std::this_thread::sleep_for(100ms);
        capture->interrupt();
    });
    const auto second = Clock::now();
    CHECK(capture->dispatch([&](const Frame&) { return true; }, error));
    again.join();
    CHECK(Clock::now() - second >= 50ms);
}

TEST_CASE("immediate mode delivers each packet within milliseconds, not at the block timeout") {
    constexpr std::uint16_t test_port = 40014;
    const auto program = live::udp_dst_port_program(test_port);
    CaptureConfig config;
    config.interface = "lo";
    config.block_timeout_ms = 1000;  // what immediate mode must not wait for
    config.immediate = true;
    config.program = program;
    auto opened = Capture::open(config);
    REQUIRE(opened);
    auto& capture = **opened;

    constexpr int packet_count = 10;
    std::array<std::atomic<std::int64_t>, packet_count> sent_at{};
    std::thread sender_thread([&] {
        live::UdpSender sender;
        for (int i = 0; i < packet_count; ++i) {
            std::this_thread::sleep_for(30ms);
            sent_at[static_cast<std::size_t>(i)] = Clock::now().time_since_epoch().count();
            sender.send(test_port, std::to_string(i));
        }
    });
    std::vector<double> latency_ms;
    CHECK(pump(
        capture,
        [&](const Frame& frame) {
            const auto index = static_cast<std::size_t>(std::stoi(live::parse_udp(frame.bytes)->payload));
            const auto now = Clock::now().time_since_epoch().count();
            latency_ms.push_back(static_cast<double>(now - sent_at[index].load()) / 1e6);
            return true;
        },
        [&] { return latency_ms.size() == packet_count; }, 5s));
    sender_thread.join();
    REQUIRE(latency_ms.size() == packet_count);
    std::sort(latency_ms.begin(), latency_ms.end());
    MESSAGE("immediate mode latency: min " << latency_ms.front() << " ms, median " << latency_ms[packet_count / 2]
                                           << " ms, max " << latency_ms.back() << " ms");
    // Measured on the TPACKET_V2 ring: median 0.09 ms, max 1.0 ms (bench/live-bench has the
    // strict numbers); 50 ms still proves that no block timeout (here 1 s) was waited for.
    CHECK(latency_ms.back() < 50.0);
}

TEST_CASE("a full ring drops, and the drops are counted (received by filter includes them)") {
    constexpr std::uint16_t test_port = 40015;
    constexpr int sent_count = 3000;
    const auto program = live::udp_dst_port_program(test_port);
    CaptureConfig config;
    config.interface = "lo";
    config.block_timeout_ms = 10;
    config.buffer_size = 262144;  // one 256 KiB block: ~120 of these 1 KB packets (x2 on lo)
    config.program = program;
    auto opened = Capture::open(config);
    REQUIRE(opened);
    auto& capture = **opened;
    live::UdpSender sender;
    const std::string payload(1000, 'd');
    for (int i = 0; i < sent_count; ++i) sender.send(test_port, payload);  // nobody reads meanwhile
    int delivered = 0;
    pump(capture, [&](const Frame&) { return ++delivered, true; }, [] { return false; }, 300ms);
    const auto stats = capture.stats();
    MESSAGE("sent " << sent_count << ", delivered " << delivered << ", received_by_filter " << stats.received_by_filter
                    << ", dropped " << stats.dropped_by_kernel);
    CHECK(delivered > 0);
    CHECK(delivered < sent_count);
    CHECK(stats.dropped_by_kernel > 0);
    CHECK(stats.received_by_filter == 2u * sent_count);
}

namespace {

Capture* signalled_capture = nullptr;
extern "C" void interrupt_from_signal(int) { signalled_capture->interrupt(); }
extern "C" void ignore_signal(int) {}

// Installs `handler` for SIGUSR1 without SA_RESTART, so poll() fails with EINTR.
void on_sigusr1(void (*handler)(int)) {
    struct sigaction action {};
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    ::sigaction(SIGUSR1, &action, nullptr);
}

}  // namespace

TEST_CASE("signals: EINTR is no error, and interrupt() from a signal handler stops dispatch") {
    const auto program = live::udp_dst_port_program(40016);  // idle
    auto capture = open_lo(program, 10000);
    const pthread_t self = ::pthread_self();
    CaptureError error;

    // A signal whose handler does nothing: dispatch keeps waiting, then interrupt() ends it.
    on_sigusr1(ignore_signal);
    std::thread poker([&] {
        std::this_thread::sleep_for(100ms);
        ::pthread_kill(self, SIGUSR1);
        std::this_thread::sleep_for(200ms);
        capture->interrupt();
    });
    auto start = Clock::now();
    CHECK(capture->dispatch([](const Frame&) { return true; }, error));
    poker.join();
    CHECK(Clock::now() - start >= 250ms);

    // The handler calls interrupt(), as rawdump's SIGINT handler does.
    signalled_capture = capture.get();
    on_sigusr1(interrupt_from_signal);
    std::thread signaller([&] {
        std::this_thread::sleep_for(100ms);
        ::pthread_kill(self, SIGUSR1);
    });
    start = Clock::now();
    CHECK(capture->dispatch([](const Frame&) { return true; }, error));
    signaller.join();
    CHECK(Clock::now() - start < 2s);
    on_sigusr1(SIG_DFL);
    signalled_capture = nullptr;
}
