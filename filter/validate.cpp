#include "filter/validate.hpp"

#include <string>

namespace rawdump::filter {
namespace {

bool known_load(std::uint16_t code) {
    const auto size = op::size(code);
    if (size != op::w && size != op::h && size != op::b) return false;
    switch (op::mode(code)) {
        case op::imm:
        case op::mem:
        case op::len: return size == op::w;
        case op::abs:
        case op::ind: return true;
        default: return false;
    }
}

bool known_ldx(std::uint16_t code) {
    switch (op::mode(code)) {
        case op::imm:
        case op::mem:
        case op::len: return op::size(code) == op::w;
        case op::msh: return op::size(code) == op::b;
        default: return false;
    }
}

std::string at(std::size_t pc, const char* what) {
    return "instruction " + std::to_string(pc) + ": " + what;
}

}  // namespace

std::optional<std::string> validate(const Program& program, const ValidateOptions& options) {
    if (program.empty()) return "empty program";
    if (options.max_insns != 0 && program.size() > options.max_insns)
        return "program has " + std::to_string(program.size()) + " instructions (limit " +
               std::to_string(options.max_insns) + ")";
    const std::size_t n = program.size();
    for (std::size_t pc = 0; pc < n; ++pc) {
        const Insn& insn = program[pc];
        const std::uint16_t code = insn.code;
        if (code > 0xff) return at(pc, "unknown opcode");
        // Unused bits must be clear (the kernel looks opcodes up in a table).
        switch (op::cls(code)) {
            case op::ld:
                if (!known_load(code)) return at(pc, "unknown load");
                if (op::mode(code) == op::mem && insn.k >= scratch_slots)
                    return at(pc, "scratch slot out of range");
                break;
            case op::ldx:
                if (!known_ldx(code)) return at(pc, "unknown ldx");
                if (op::mode(code) == op::mem && insn.k >= scratch_slots)
                    return at(pc, "scratch slot out of range");
                break;
            case op::st:
            case op::stx:
                if (code != op::st && code != op::stx) return at(pc, "unknown store");
                if (insn.k >= scratch_slots) return at(pc, "scratch slot out of range");
                break;
            case op::alu: {
                if ((code & 0x08) == op::x && op::aluop(code) == op::neg)
                    return at(pc, "unknown alu operation");
                switch (op::aluop(code)) {
                    case op::add: case op::sub: case op::mul: case op::or_: case op::and_:
                    case op::lsh: case op::rsh: case op::xor_: case op::neg: break;
                    case op::div:
                    case op::mod:
                        if (op::src(code) == op::k && insn.k == 0)
                            return at(pc, "division by constant 0");
                        break;
                    default: return at(pc, "unknown alu operation");
                }
                if ((code & ~std::uint16_t{0xf8 | 0x07}) != 0) return at(pc, "unknown alu opcode");
                break;
            }
            case op::jmp: {
                if (op::aluop(code) == op::ja) {
                    if (code != (op::jmp | op::ja)) return at(pc, "unknown jump");
                    // The kernel keeps k unsigned: a "backward" ja wraps past the end.
                    if (insn.k >= n - pc - 1) return at(pc, "jump past the end of the program");
                    break;
                }
                switch (op::aluop(code)) {
                    case op::jeq: case op::jgt: case op::jge: case op::jset: break;
                    default: return at(pc, "unknown jump");
                }
                if ((code & ~std::uint16_t{0xf0 | 0x08 | 0x07}) != 0) return at(pc, "unknown jump");
                if (std::size_t{insn.jt} >= n - pc - 1 || std::size_t{insn.jf} >= n - pc - 1)
                    return at(pc, "jump past the end of the program");
                break;
            }
            case op::ret:
                if (op::rval(code) != op::k && op::rval(code) != op::a && op::rval(code) != op::x)
                    return at(pc, "unknown return");
                if ((code & ~std::uint16_t{0x18 | 0x07}) != 0) return at(pc, "unknown return");
                break;
            case op::misc:
                if (code != (op::misc | op::tax) && code != (op::misc | op::txa))
                    return at(pc, "unknown misc operation");
                break;
        }
    }
    if (op::cls(program.back().code) != op::ret) return "the last instruction is not a return";
    return std::nullopt;
}

std::optional<std::string> kernel_size_error(const Program& program) {
    if (program.size() <= kernel_max_insns) return std::nullopt;
    return "filter program has " + std::to_string(program.size()) +
           " instructions; the Linux kernel accepts at most " + std::to_string(kernel_max_insns);
}

}  // namespace rawdump::filter
