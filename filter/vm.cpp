// Classic-BPF interpreter following libpcap's bpf_filter(): every packet load is bounds-checked
// against the captured bytes and an out-of-range load rejects the packet, as does division by
// zero. Ancillary (SKF_AD_*) loads are kernel-only: without an `Ancillary` model they fall
// outside the packet too.
#include "filter/vm.hpp"

#include <array>

namespace rawdump::filter {
namespace {

// Reads `width` big-endian bytes at `offset`, or nothing if they are not all captured.
bool load_be(std::span<const std::byte> packet, std::uint64_t offset, unsigned width,
             std::uint32_t& out) noexcept {
    if (offset + width > packet.size()) return false;
    std::uint32_t value = 0;
    for (unsigned i = 0; i < width; ++i)
        value = (value << 8) | std::to_integer<std::uint32_t>(packet[offset + i]);
    out = value;
    return true;
}

unsigned width_of(std::uint16_t code) noexcept {
    switch (op::size(code)) {
        case op::b: return 1;
        case op::h: return 2;
        default: return 4;
    }
}

bool load_ancillary(const Ancillary& ancillary, std::uint32_t k, std::uint32_t& out) noexcept {
    switch (k - ancillary_base) {
        case 0: out = ancillary.protocol; return true;
        case 4: out = ancillary.pkttype; return true;
        case 8: out = ancillary.ifindex; return true;
        case 44: out = ancillary.vlan_tci; return true;
        case 48: out = ancillary.vlan_tag_present ? 1 : 0; return true;
        default: return false;
    }
}

std::uint32_t execute(std::span<const Insn> program, std::span<const std::byte> packet,
                      std::uint32_t wire_length, const Ancillary* ancillary) noexcept;

}  // namespace

std::uint32_t run(std::span<const Insn> program, std::span<const std::byte> packet,
                  std::uint32_t wire_length) noexcept {
    return execute(program, packet, wire_length, nullptr);
}

std::uint32_t run(std::span<const Insn> program, std::span<const std::byte> packet,
                  std::uint32_t wire_length, const Ancillary& ancillary) noexcept {
    return execute(program, packet, wire_length, &ancillary);
}

namespace {

std::uint32_t execute(std::span<const Insn> program, std::span<const std::byte> packet,
                      std::uint32_t wire_length, const Ancillary* ancillary) noexcept {
    std::uint32_t a = 0;
    std::uint32_t x = 0;
    std::array<std::uint32_t, scratch_slots> scratch{};
    std::size_t pc = 0;

    // A backward jump could loop; a program that runs this long is rejecting nothing useful.
    constexpr std::size_t step_limit = std::size_t{1} << 22;
    for (std::size_t steps = 0; pc < program.size() && steps < step_limit; ++steps) {
        const Insn& insn = program[pc++];
        const std::uint16_t code = insn.code;
        switch (op::cls(code)) {
            case op::ret:
                switch (op::rval(code)) {
                    case op::k: return insn.k;
                    case op::a: return a;
                    default: return x;
                }
            case op::ld:
            case op::ldx: {
                std::uint32_t value = 0;
                switch (op::mode(code)) {
                    case op::imm: value = insn.k; break;
                    case op::len: value = wire_length; break;
                    case op::mem: value = scratch[insn.k % scratch_slots]; break;
                    case op::abs:
                        if (ancillary && op::cls(code) == op::ld && insn.k >= ancillary_base) {
                            if (!load_ancillary(*ancillary, insn.k, value)) return 0;
                            break;
                        }
                        if (!load_be(packet, insn.k, width_of(code), value)) return 0;
                        break;
                    case op::ind:
                        if (!load_be(packet, std::uint64_t{x} + insn.k, width_of(code), value))
                            return 0;
                        break;
                    case op::msh:
                        if (!load_be(packet, insn.k, 1, value)) return 0;
                        value = (value & 0xf) * 4;
                        break;
                    default: return 0;
                }
                (op::cls(code) == op::ld ? a : x) = value;
                break;
            }
            case op::st: scratch[insn.k % scratch_slots] = a; break;
            case op::stx: scratch[insn.k % scratch_slots] = x; break;
            case op::alu: {
                const std::uint32_t operand = op::src(code) == op::x ? x : insn.k;
                switch (op::aluop(code)) {
                    case op::add: a += operand; break;
                    case op::sub: a -= operand; break;
                    case op::mul: a *= operand; break;
                    case op::div:
                        if (operand == 0) return 0;
                        a /= operand;
                        break;
                    case op::mod:
                        if (operand == 0) return 0;
                        a %= operand;
                        break;
                    case op::and_: a &= operand; break;
                    case op::or_: a |= operand; break;
                    case op::xor_: a ^= operand; break;
                    // Shifting a 32-bit value by 32 or more is undefined in C; the checker
                    // in tools/bpfvm.py (and the kernel's verifier for constants) yields 0.
                    case op::lsh: a = operand < 32 ? a << operand : 0; break;
                    case op::rsh: a = operand < 32 ? a >> operand : 0; break;
                    case op::neg: a = 0u - a; break;
                    default: return 0;
                }
                break;
            }
            case op::jmp: {
                if (op::aluop(code) == op::ja) {
                    // 32-bit wrap-around, so a backward jump (which our compiler never
                    // emits, but libpcap's protochain does) goes backwards.
                    pc = static_cast<std::uint32_t>(pc + insn.k);
                    break;
                }
                const std::uint32_t operand = op::src(code) == op::x ? x : insn.k;
                bool taken = false;
                switch (op::aluop(code)) {
                    case op::jeq: taken = a == operand; break;
                    case op::jgt: taken = a > operand; break;
                    case op::jge: taken = a >= operand; break;
                    case op::jset: taken = (a & operand) != 0; break;
                    default: return 0;
                }
                pc += taken ? insn.jt : insn.jf;
                break;
            }
            case op::misc:
                if (op::miscop(code) == op::tax) x = a;
                else a = x;
                break;
            default: return 0;
        }
    }
    return 0;  // fell off the end (libpcap's validator forbids it) or looped: reject
}

}  // namespace

}  // namespace rawdump::filter
