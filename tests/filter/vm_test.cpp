// The interpreter on hand-written programs: libpcap bpf_filter() semantics.
#include <doctest/doctest.h>

#include <vector>

#include "filter/bpf.hpp"
#include "filter/vm.hpp"

using namespace rawdump;
using namespace rawdump::filter;

namespace {

constexpr Insn stmt(std::uint16_t code, std::uint32_t k) { return Insn{code, 0, 0, k}; }
constexpr Insn jump(std::uint16_t code, std::uint32_t k, std::uint8_t jt, std::uint8_t jf) {
    return Insn{code, jt, jf, k};
}
constexpr Insn ret_k(std::uint32_t k) { return stmt(op::ret | op::k, k); }
constexpr Insn ret_a() { return stmt(op::ret | op::a, 0); }

std::vector<std::byte> bytes(std::initializer_list<int> values) {
    std::vector<std::byte> out;
    for (int v : values) out.push_back(static_cast<std::byte>(v));
    return out;
}

}  // namespace

TEST_SUITE("filter.vm") {
    TEST_CASE("loads are big-endian and sized") {
        const auto packet = bytes({0x12, 0x34, 0x56, 0x78, 0x9a});
        CHECK(run(std::vector{stmt(op::ld | op::b | op::abs, 1), ret_a()}, packet, 5) == 0x34);
        CHECK(run(std::vector{stmt(op::ld | op::h | op::abs, 1), ret_a()}, packet, 5) == 0x3456);
        CHECK(run(std::vector{stmt(op::ld | op::w | op::abs, 1), ret_a()}, packet, 5) == 0x3456789a);
        CHECK(run(std::vector{stmt(op::ld | op::w | op::len, 0), ret_a()}, packet, 1500) == 1500);
    }

    TEST_CASE("a load past the captured bytes rejects the packet") {
        const auto packet = bytes({1, 2, 3, 4});
        CHECK(run(std::vector{stmt(op::ld | op::w | op::abs, 0), ret_k(7)}, packet, 4) == 7);
        CHECK(run(std::vector{stmt(op::ld | op::w | op::abs, 1), ret_k(7)}, packet, 4) == 0);
        CHECK(run(std::vector{stmt(op::ld | op::h | op::abs, 3), ret_k(7)}, packet, 4) == 0);
        CHECK(run(std::vector{stmt(op::ld | op::b | op::abs, 0xffffffff), ret_k(7)}, packet, 4) == 0);
        // Indirect: X + k beyond the end, including 32-bit wrap-around.
        CHECK(run(std::vector{stmt(op::ldx | op::imm, 2), stmt(op::ld | op::h | op::ind, 1), ret_k(7)},
                  packet, 4) == 0);
        CHECK(run(std::vector{stmt(op::ldx | op::imm, 0xffffffff), stmt(op::ld | op::b | op::ind, 1), ret_k(7)},
                  packet, 4) == 0);
        CHECK(run(std::vector{stmt(op::ldx | op::msh | op::b, 4), ret_k(7)}, packet, 4) == 0);
    }

    TEST_CASE("ldxb computes the IPv4 header length") {
        const auto packet = bytes({0x46, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xab});
        // X = 4 * 6 = 24, so [x + 0] is the byte after the 24-byte header.
        CHECK(run(std::vector{stmt(op::ldx | op::msh | op::b, 0), stmt(op::ld | op::b | op::ind, 0), ret_a()},
                  packet, 25) == 0xab);
        CHECK(run(std::vector{stmt(op::ldx | op::msh | op::b, 0), stmt(op::misc | op::txa, 0), ret_a()},
                  packet, 25) == 24);
    }

    TEST_CASE("division or modulo by zero rejects") {
        const std::vector<std::byte> none;
        CHECK(run(std::vector{stmt(op::ld | op::imm, 10), stmt(op::alu | op::div | op::k, 0), ret_k(1)}, none, 0) == 0);
        CHECK(run(std::vector{stmt(op::ld | op::imm, 10), stmt(op::ldx | op::imm, 0),
                              stmt(op::alu | op::mod | op::x, 0), ret_k(1)}, none, 0) == 0);
        CHECK(run(std::vector{stmt(op::ld | op::imm, 10), stmt(op::alu | op::div | op::k, 3), ret_a()}, none, 0) == 3);
        CHECK(run(std::vector{stmt(op::ld | op::imm, 10), stmt(op::alu | op::mod | op::k, 3), ret_a()}, none, 0) == 1);
    }

    TEST_CASE("alu arithmetic wraps at 32 bits") {
        const std::vector<std::byte> none;
        auto a_after = [&](std::uint32_t start, std::uint16_t operation, std::uint32_t k) {
            return run(std::vector{stmt(op::ld | op::imm, start), stmt(op::alu | operation | op::k, k), ret_a()},
                       none, 0);
        };
        CHECK(a_after(0xffffffff, op::add, 2) == 1);
        CHECK(a_after(1, op::sub, 2) == 0xffffffff);
        CHECK(a_after(0x10000, op::mul, 0x10000) == 0);
        CHECK(a_after(0xf0, op::and_, 0x3c) == 0x30);
        CHECK(a_after(0xf0, op::or_, 0x0f) == 0xff);
        CHECK(a_after(0xff, op::xor_, 0x0f) == 0xf0);
        CHECK(a_after(1, op::lsh, 31) == 0x80000000);
        CHECK(a_after(0x80000000, op::rsh, 31) == 1);
        CHECK(a_after(5, op::neg, 0) == 0xfffffffb);
    }

    TEST_CASE("conditional jumps count from the next instruction") {
        const std::vector<std::byte> none;
        const std::vector program{
            stmt(op::ld | op::imm, 5),
            jump(op::jmp | op::jgt | op::k, 4, 0, 1),  // 5 > 4: fall to next
            ret_k(1),
            ret_k(2),
        };
        CHECK(run(program, none, 0) == 1);
        const std::vector set_test{stmt(op::ld | op::imm, 6), jump(op::jmp | op::jset | op::k, 1, 0, 1),
                                   ret_k(1), ret_k(2)};
        CHECK(run(set_test, none, 0) == 2);
        const std::vector always{stmt(op::jmp | op::ja, 1), ret_k(1), ret_k(2)};
        CHECK(run(always, none, 0) == 2);
    }

    TEST_CASE("scratch memory starts zeroed and holds values") {
        const std::vector<std::byte> none;
        CHECK(run(std::vector{stmt(op::ld | op::mem, 3), ret_a()}, none, 0) == 0);
        CHECK(run(std::vector{stmt(op::ld | op::imm, 42), stmt(op::st, 3), stmt(op::ld | op::imm, 0),
                              stmt(op::ldx | op::mem, 3), stmt(op::misc | op::txa, 0), ret_a()},
                  none, 0) == 42);
    }

    TEST_CASE("running off the end rejects") {
        const std::vector<std::byte> none;
        CHECK(run(std::vector{stmt(op::ld | op::imm, 1)}, none, 0) == 0);
        CHECK(run(std::vector<Insn>{}, none, 0) == 0);
    }
}
