// Classic BPF: the instruction encoding shared by the compiler, the interpreter, the listings
// and (after a layout-checked copy into sock_filter) the Linux kernel. No Linux headers here.
#pragma once

#include <cstdint>
#include <vector>

namespace rawdump::filter {

struct Insn {
    std::uint16_t code;
    std::uint8_t jt;
    std::uint8_t jf;
    std::uint32_t k;
    friend bool operator==(const Insn&, const Insn&) = default;
};

using Program = std::vector<Insn>;

// Opcode fields, as defined by the BPF ABI (bpf(4), linux/filter.h).
namespace op {
// class
inline constexpr std::uint16_t ld = 0x00, ldx = 0x01, st = 0x02, stx = 0x03, alu = 0x04,
                               jmp = 0x05, ret = 0x06, misc = 0x07;
// size
inline constexpr std::uint16_t w = 0x00, h = 0x08, b = 0x10;
// mode
inline constexpr std::uint16_t imm = 0x00, abs = 0x20, ind = 0x40, mem = 0x60, len = 0x80,
                               msh = 0xa0;
// alu / jmp operation
inline constexpr std::uint16_t add = 0x00, sub = 0x10, mul = 0x20, div = 0x30, or_ = 0x40,
                               and_ = 0x50, lsh = 0x60, rsh = 0x70, neg = 0x80, mod = 0x90,
                               xor_ = 0xa0;
inline constexpr std::uint16_t ja = 0x00, jeq = 0x10, jgt = 0x20, jge = 0x30, jset = 0x40;
// source
inline constexpr std::uint16_t k = 0x00, x = 0x08, a = 0x10;
// misc
inline constexpr std::uint16_t tax = 0x00, txa = 0x80;

constexpr std::uint16_t cls(std::uint16_t code) { return code & 0x07; }
constexpr std::uint16_t size(std::uint16_t code) { return code & 0x18; }
constexpr std::uint16_t mode(std::uint16_t code) { return code & 0xe0; }
constexpr std::uint16_t aluop(std::uint16_t code) { return code & 0xf0; }
constexpr std::uint16_t src(std::uint16_t code) { return code & 0x08; }
constexpr std::uint16_t rval(std::uint16_t code) { return code & 0x18; }
constexpr std::uint16_t miscop(std::uint16_t code) { return code & 0xf8; }
}  // namespace op

inline constexpr unsigned scratch_slots = 16;   // BPF_MEMWORDS
inline constexpr unsigned kernel_max_insns = 4096;  // BPF_MAXINSNS

// Linux ancillary data loads (SKF_AD_OFF + n); used by live programs only.
inline constexpr std::uint32_t ancillary_base = 0xfffff000;  // SKF_AD_OFF (-0x1000)

}  // namespace rawdump::filter
