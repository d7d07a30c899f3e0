// The optimiser: same verdicts as the unoptimised program on every complete packet, programs of
// libpcap's size for the common filters, and long programs still assemble (ja trampolines).
#include <doctest/doctest.h>

#include <fstream>
#include <string>
#include <vector>

#include "filter/compile.hpp"
#include "filter/vm.hpp"
#include "pcap_reader.hpp"

using namespace rawdump;
using namespace rawdump::filter;

namespace {

std::vector<testing::CapturedPacket> all_test_packets() {
    std::vector<testing::CapturedPacket> packets;
    for (const char* name : {"filter-mix.pcap", "dns_udp.pcap", "802.1ad_QinQ.pcap",
                             "ipv6-routing-header.pcap", "igmpv3-queries.pcap"}) {
        auto more = testing::read_pcap(testing::test_data_path(std::string("data/") + name));
        packets.insert(packets.end(), more.begin(), more.end());
    }
    return packets;
}

std::size_t size_of(const std::string& expression, bool optimise = true) {
    CompileOptions options;
    options.optimize = optimise;
    auto program = compile(expression, options);
    REQUIRE_MESSAGE(program.has_value(), expression);
    return program->size();
}

// Every conditional jump lands inside the program, strictly forward.
void check_well_formed(const Program& program) {
    for (std::size_t i = 0; i < program.size(); ++i) {
        const Insn& insn = program[i];
        if (op::cls(insn.code) != op::jmp) continue;
        if (op::aluop(insn.code) == op::ja) {
            CHECK(i + 1 + insn.k < program.size());
        } else {
            CHECK(i + 1 + insn.jt < program.size());
            CHECK(i + 1 + insn.jf < program.size());
        }
    }
    REQUIRE(!program.empty());
    CHECK(op::cls(program.back().code) == op::ret);
}

}  // namespace

TEST_SUITE("filter.optimize") {
    TEST_CASE("optimised and unoptimised programs agree on every packet") {
        const auto packets = all_test_packets();
        std::ifstream in(testing::test_data_path("expressions.txt"));
        REQUIRE(in);
        std::string expression;
        std::size_t compared = 0;
        while (std::getline(in, expression)) {
            if (expression.empty() || expression.starts_with("#")) continue;
            CompileOptions plain;
            plain.optimize = false;
            auto fast = compile(expression, {});
            auto slow = compile(expression, plain);
            REQUIRE(fast);
            REQUIRE(slow);
            check_well_formed(*fast);
            check_well_formed(*slow);
            CHECK_MESSAGE(fast->size() <= slow->size(), expression);
            for (const auto& packet : packets) {
                // On a truncated packet the order of loads decides the verdict (a load past
                // the end rejects), and reordering is the optimiser's job: libpcap's own
                // optimised and -O programs differ there too. Complete packets must agree.
                if (packet.bytes.size() < packet.wire_length) continue;
                const bool a = run(*fast, packet.bytes, packet.wire_length) != 0;
                const bool b = run(*slow, packet.bytes, packet.wire_length) != 0;
                CHECK_MESSAGE(a == b, expression);
            }
            ++compared;
        }
        CHECK(compared >= 60);
    }

    TEST_CASE("common filters are as short as libpcap's (tcpdump -d counts)") {
        CHECK(size_of("tcp") == 12);
        CHECK(size_of("tcp port 12345") == 20);
        CHECK(size_of("host 10.0.0.1") == 14);
        CHECK(size_of("port 53") == 24);
        CHECK(size_of("ip6 and tcp port 80") == 10);
        CHECK(size_of("src host 10.0.0.1 and dst port 443") == 15);
        // Unoptimised keeps every test (libpcap -O gives 22 for this one).
        CHECK(size_of("tcp port 12345", false) == 22);
    }

    TEST_CASE("programs longer than a short jump get ja trampolines") {
        std::string expression = "host 10.0.0.1";
        for (int i = 2; i < 90; ++i) expression += " or host 10.0.1." + std::to_string(i);
        CompileOptions plain;
        plain.optimize = false;
        for (const bool optimise : {true, false}) {
            plain.optimize = optimise;
            auto program = compile(expression, plain);
            REQUIRE(program);
            CHECK(program->size() > 256);
            check_well_formed(*program);
            bool has_ja = false;
            for (const Insn& insn : *program)
                has_ja |= insn.code == (op::jmp | op::ja);
            CHECK(has_ja);
            // The last host still matches through the trampolines.
            std::vector<std::byte> frame(34, std::byte{0});
            frame[12] = std::byte{0x08};
            const std::uint32_t last = 10u << 24 | 0u << 16 | 1u << 8 | 89u;
            for (int i = 0; i < 4; ++i) frame[30 + i] = static_cast<std::byte>(last >> (24 - 8 * i));
            CHECK(run(*program, frame, 34) != 0);
            frame[33] = std::byte{90};
            CHECK(run(*program, frame, 34) == 0);
        }
    }
}
