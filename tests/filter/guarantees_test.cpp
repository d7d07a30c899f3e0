// The compiler's guarantees beyond libpcap compatibility (issue #3, "Better than libpcap"):
// every program passes the kernel-style validator; the optimiser never changes a verdict
// that the unoptimised program reaches (checked on every truncation of every test packet,
// for the corpus and for random expressions); the two optimiser bugs of libpcap 1.10.3 are
// not reproduced; long `host` chains compile, and the live path refuses more than 4096.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "filter/compile.hpp"
#include "filter/validate.hpp"
#include "filter/vm.hpp"
#include "pcap_reader.hpp"

using namespace rawdump;
using namespace rawdump::filter;

namespace {

std::vector<testing::CapturedPacket> ethernet_packets() {
    std::vector<testing::CapturedPacket> packets;
    for (const char* name : {"filter-mix.pcap", "dns_udp.pcap", "802.1ad_QinQ.pcap",
                             "ipv6-routing-header.pcap", "igmpv3-queries.pcap",
                             "arp-too-long-tha.pcap", "icmpv6-rfc7112.pcap", "ip_ts_opts_asan.pcap",
                             "ipv6_no_next_header.pcap", "tcp_rst_data-trunc.pcap",
                             "v4993-ip6_frag_asan.pcap", "encap-ether.pcap"}) {
        const std::string path = testing::test_data_path(std::string("data/") + name);
        if (!std::filesystem::exists(path)) continue;
        auto more = testing::read_pcap(path);
        packets.insert(packets.end(), more.begin(), more.end());
    }
    return packets;
}

// `ret #0` becomes `ret #1`, so a run's result tells a decided reject (1) from a load past
// the end of the captured bytes (0) and from an accept (the snaplen).
Program marking_rejects(Program program) {
    for (Insn& insn : program)
        if (insn.code == (op::ret | op::k) && insn.k == 0) insn.k = 1;
    return program;
}

constexpr std::uint32_t out_of_bounds = 0;

// The property: on every packet and every truncation of it, whenever the unoptimised program
// reaches a verdict (no load past the end), the optimised one reaches the same verdict.
// The converse cannot hold for libpcap-compatible output: libpcap's optimiser drops tests
// whose outcome is known or irrelevant (`not (udp[8:2] = 1 and sctp)` never loads
// udp[8:2]), and pulls tests of one field together, so an optimised program may decide a
// packet, even a complete but short one, that the unoptimised one runs off.
void check_agreement(const std::string& expression, const Program& fast, const Program& slow,
                     const std::vector<testing::CapturedPacket>& packets, std::size_t& runs) {
    const Program f = marking_rejects(fast);
    const Program s = marking_rejects(slow);
    for (const auto& packet : packets) {
        const std::span<const std::byte> bytes(packet.bytes);
        for (std::size_t length = 0; length <= bytes.size(); ++length) {
            const auto part = bytes.first(length);
            const std::uint32_t a = run(f, part, packet.wire_length);
            const std::uint32_t b = run(s, part, packet.wire_length);
            ++runs;
            if (b != out_of_bounds && a != b) {
                FAIL_CHECK(expression << ": caplen " << length << " of " << bytes.size()
                                      << " optimised " << a << " unoptimised " << b);
                return;
            }
        }
    }
}

std::vector<std::string> corpus_expressions() {
    std::ifstream in(testing::test_data_path("expressions.txt"));
    REQUIRE(in);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
        if (!line.empty() && !line.starts_with("#")) lines.push_back(line);
    return lines;
}

// Random expressions over primitives the Ethernet compiler supports, with and/or/not and
// parentheses; a fixed seed keeps failures reproducible.
std::vector<std::string> random_expressions(std::size_t count) {
    static const char* const primitives[] = {
        "ip", "ip6", "arp", "tcp", "udp", "icmp", "icmp6", "sctp",
        "host 192.168.1.1", "src host 10.0.0.1", "dst net 10.0.0.0/8", "net 192.168",
        "port 53", "tcp port 80", "udp port 123", "src port 443", "dst port 22",
        "portrange 1-1024", "tcp dst portrange 8000-8080", "ip6 host ::1", "ip6 net fe80::/10",
        "ether broadcast", "ether multicast", "ip multicast", "ip6 multicast",
        "ether host 00:11:22:33:44:55", "less 100", "greater 500", "len > 60",
        "tcp[tcpflags] & tcp-syn != 0", "tcp[13] & 0x12 = 0x12", "ip[8] < 64",
        "ip[6:2] & 0x1fff = 0", "icmp[icmptype] = icmp-echo", "udp[8:2] = 0x1234",
        "ether[0] & 1 = 1", "ether[0:1] & 0xffffffff != 0", "ether[12:2] = 0x800",
        "ip proto 17", "ip6 proto 58", "proto 6", "ether proto 0x86dd",
        "arp host 10.1.1.1", "ip[2:2] - ((ip[0] & 0xf) << 2) > 40", "1 = 1", "0 != 0",
        "tcp[0:2] > 1023", "udp port 53 and 123", "port 22 or 80 or 443",
    };
    constexpr std::size_t primitive_count = std::size(primitives);
    std::mt19937 random(20260301);
    std::vector<std::string> out;
    auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(random); };
    auto build = [&](auto& self, int depth) -> std::string {
        if (depth == 0 || pick(3) == 0) {
            std::string p = primitives[pick(primitive_count)];
            return pick(5) == 0 ? "not " + p : p;
        }
        const char* joiner = pick(2) ? " and " : " or ";
        std::string left = self(self, depth - 1);
        std::string right = self(self, depth - 1);
        std::string e = left + joiner + right;
        if (pick(3) == 0) e = "not (" + e + ")";
        else if (pick(2) == 0) e = "(" + e + ")";
        return e;
    };
    while (out.size() < count) out.push_back(build(build, 3));
    return out;
}

std::string host_chain(std::size_t n) {
    std::string text;
    for (std::size_t i = 0; i < n; ++i) {
        if (i) text += " or ";
        text += "host 10." + std::to_string(i >> 16 & 255) + "." + std::to_string(i >> 8 & 255) +
                "." + std::to_string(i & 255);
    }
    return text;
}

bool accepts(const Program& program, std::vector<std::byte> frame) {
    const auto length = static_cast<std::uint32_t>(frame.size());
    return run(program, frame, length) != 0;
}

}  // namespace

TEST_SUITE("filter.guarantees") {
    TEST_CASE("a test of the value A already holds is pulled into a chain entered from either edge") {
        // libpcap's and_pullup: `sport = 53` failing leads into `dport = 53 and sport = 123`;
        // `sport = 123` goes first (26 instructions, as libpcap; 28 without the pull-up).
        auto program = compile("udp port 53 and 123", {});
        REQUIRE(program);
        CHECK(program->size() == 26);
    }

    TEST_CASE("optimised programs keep every verdict the unoptimised program reaches, on all truncations") {
        const auto packets = ethernet_packets();
        REQUIRE(packets.size() > 20);
        std::size_t runs = 0;
        std::size_t compared = 0;
        auto compare = [&](const std::string& expression, bool must_compile) {
            CompileOptions plain;
            plain.optimize = false;
            auto fast = compile(expression, {});
            auto slow = compile(expression, plain);
            if (!must_compile && (!fast || !slow)) return;  // e.g. "rejects all packets"
            REQUIRE_MESSAGE(fast, expression);
            REQUIRE_MESSAGE(slow, expression);
            CHECK_MESSAGE(!validate(*fast).has_value(), expression);
            CHECK_MESSAGE(!validate(*slow, ValidateOptions{0}).has_value(), expression);
            check_agreement(expression, *fast, *slow, packets, runs);
            ++compared;
        };
        for (const auto& expression : corpus_expressions()) compare(expression, true);
        for (const auto& expression : random_expressions(300)) compare(expression, false);
        CHECK(compared >= 400);
        MESSAGE("compared " << compared << " expressions in " << runs << " runs");
    }

    TEST_CASE("validate refuses what the kernel refuses") {
        const Insn ret_k{op::ret | op::k, 0, 0, 1};
        CHECK(!validate(Program{ret_k}));
        CHECK(validate(Program{}));
        // Last instruction not a return.
        CHECK(validate(Program{Insn{op::ld | op::w | op::abs, 0, 0, 0}}));
        // Jump past the end, and a `ja` that would wrap (backward).
        CHECK(validate(Program{Insn{op::jmp | op::jeq | op::k, 1, 0, 0}, ret_k}));
        CHECK(validate(Program{Insn{op::jmp | op::ja, 0, 0, 0xffffffff}, ret_k}));
        CHECK(!validate(Program{Insn{op::jmp | op::jeq | op::k, 0, 1, 0}, ret_k, ret_k}));
        // Scratch slots, division by constant zero, unknown opcodes.
        CHECK(validate(Program{Insn{op::st, 0, 0, 16}, ret_k}));
        CHECK(validate(Program{Insn{op::ld | op::mem, 0, 0, 16}, ret_k}));
        CHECK(!validate(Program{Insn{op::st, 0, 0, 15}, ret_k}));
        CHECK(validate(Program{Insn{op::alu | op::div | op::k, 0, 0, 0}, ret_k}));
        CHECK(validate(Program{Insn{op::alu | op::mod | op::k, 0, 0, 0}, ret_k}));
        CHECK(!validate(Program{Insn{op::alu | op::div | op::x, 0, 0, 0}, ret_k}));
        CHECK(validate(Program{Insn{0xff, 0, 0, 0}, ret_k}));
        CHECK(validate(Program{Insn{op::ld | op::msh | op::b, 0, 0, 0}, ret_k}));
        CHECK(!validate(Program{Insn{op::ldx | op::msh | op::b, 0, 0, 14}, ret_k}));
        // Length: the kernel limit by default, none on request.
        const Program long_program(kernel_max_insns + 1, ret_k);
        CHECK(validate(long_program));
        CHECK(!validate(long_program, ValidateOptions{0}));
        CHECK(!kernel_size_error(Program(kernel_max_insns, ret_k)));
        CHECK(kernel_size_error(long_program) ==
              std::string("filter program has 4097 instructions; the Linux kernel accepts at most 4096"));
    }

    TEST_CASE("libpcap 1.10.3 bug: jset #0xffffffff on a one-byte load is not accept-all") {
        for (const auto& [expression, link] :
             {std::pair{"ether[0:1] & 0xffffffff != 0", LinkType::En10mb},
              std::pair{"link[0:1] & 0xffffffff != 0", LinkType::Raw}}) {
            for (const bool optimise : {true, false}) {
                CompileOptions options;
                options.link = link;
                options.optimize = optimise;
                auto program = compile(expression, options);
                REQUIRE_MESSAGE(program, expression);
                std::vector<std::byte> frame(20, std::byte{0});
                CHECK_MESSAGE(!accepts(*program, frame), expression);  // first byte 0
                frame[0] = std::byte{0x80};
                CHECK_MESSAGE(accepts(*program, frame), expression);
                CHECK(run(*program, {}, 60) == 0);  // nothing captured: the load rejects
            }
        }
        // The same masks in general: a one-byte load never has bits above 0xff.
        CompileOptions options;
        auto high = compile("ether[0:1] & 0xffffff00 != 0", options);
        REQUIRE(high);  // never true, but libpcap compiles it too (no "rejects all packets")
        CHECK(!accepts(*high, std::vector<std::byte>(20, std::byte{0xff})));
        auto program = compile("ether[0:2] & 0xffffffff = 0x0102", options);
        REQUIRE(program);
        CHECK(accepts(*program, {std::byte{1}, std::byte{2}, std::byte{0}}));
        CHECK(!accepts(*program, {std::byte{1}, std::byte{3}, std::byte{0}}));
    }

    TEST_CASE("libpcap 1.10.3 bug: constant relations fold with unsigned 32-bit arithmetic") {
        // ((1 = 0) or (2147483648 / 4294967295 = 0)) and (0 & 4294967295 = 0): the division
        // is 0, so the whole is true; libpcap 1.10.3 compiles it to `ret #0`.
        const char* expression = "(1 = 0) || (2147483648 / 4294967295 = 0) and (0 & 4294967295 = 0)";
        for (const bool optimise : {true, false}) {
            CompileOptions options;
            options.optimize = optimise;
            auto program = compile(expression, options);
            REQUIRE_MESSAGE(program, (program ? "" : program.error().message));
            CHECK(accepts(*program, std::vector<std::byte>(14, std::byte{0})));
            CHECK(accepts(*program, {}));
        }
    }

    TEST_CASE("range facts from jgt/jge decide later comparisons of the same value") {
        // ether[0] > 10 already implies ether[0] > 5: 4 instructions (libpcap 1.10.3: 5).
        auto program = compile("ether[0] > 10 and ether[0] > 5", {});
        REQUIRE(program);
        CHECK(program->size() == 4);
        CHECK(accepts(*program, {std::byte{11}}));
        CHECK(!accepts(*program, {std::byte{10}}));
        CHECK(!accepts(*program, {std::byte{6}}));
    }

    TEST_CASE("long host chains: shared trampolines keep 1000 hosts under the kernel's limit") {
        // Far jumps to one target share their `ja`: 1000 hosts take 3036 instructions
        // (5759 with one `ja` per jump, as libpcap lays them out), so the kernel loads them.
        auto program = compile(host_chain(1000), {});
        REQUIRE(program);
        CHECK(program->size() == 3036);
        CHECK(!validate(*program));
        CHECK(!kernel_size_error(*program));
        // Past the limit: the message live capture prints (-r and -d still take it).
        auto too_long = compile(host_chain(2000), {});
        REQUIRE(too_long);
        CHECK(!validate(*too_long, ValidateOptions{0}));
        CHECK(kernel_size_error(*too_long) ==
              std::string("filter program has 6059 instructions; the Linux kernel accepts at most 4096"));
        // libpcap 1.10.3: 361 and 960 instructions.
        auto small = compile(host_chain(100), {});
        REQUIRE(small);
        CHECK(small->size() == 312);
        auto medium = compile(host_chain(200), {});
        REQUIRE(medium);
        CHECK(medium->size() == 617);
        // The last host of each still matches through the shared trampolines; others do not.
        for (const auto& [chain, hosts] : {std::pair{&*small, 100u}, std::pair{&*program, 1000u}}) {
            std::vector<std::byte> frame(34, std::byte{0});
            frame[12] = std::byte{0x08};
            const std::uint32_t last = 10u << 24 | (hosts - 1);
            for (int i = 0; i < 4; ++i) frame[26 + i] = static_cast<std::byte>(last >> (24 - 8 * i));
            CHECK(accepts(*chain, frame));
            frame[29] = std::byte{0xfe};
            frame[28] = std::byte{0x7f};
            CHECK(!accepts(*chain, frame));
        }
    }
}
