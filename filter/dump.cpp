// Listings in the exact text layout of libpcap's bpf_image()/bpf_dump(), so that rawdump -d
// output can be diffed against tcpdump -d.
#include "filter/dump.hpp"

#include <fmt/format.h>

#include <array>
#include <iterator>
#include <string_view>

namespace rawdump::filter {
namespace {

// Names libpcap 1.10 prints for Linux ancillary loads, `ld [vlanp]` etc. (offset from SKF_AD_OFF).
struct AncillaryName {
    std::uint32_t offset;
    std::string_view name;
};
constexpr std::array ancillary_names{
    AncillaryName{0, "proto"},     AncillaryName{4, "type"},      AncillaryName{8, "ifidx"},
    AncillaryName{12, "nla"},      AncillaryName{16, "nlan"},     AncillaryName{20, "mark"},
    AncillaryName{24, "queue"},    AncillaryName{28, "hatype"},   AncillaryName{32, "rxhash"},
    AncillaryName{36, "cpu"},      AncillaryName{44, "vlan_tci"}, AncillaryName{48, "vlanp"},
    AncillaryName{52, "poff"},     AncillaryName{56, "random"},
};

std::string absolute_operand(std::uint32_t k) {
    if (k >= ancillary_base) {
        for (const auto& entry : ancillary_names)
            if (entry.offset == k - ancillary_base) return fmt::format("[{}]", entry.name);
    }
    return fmt::format("[{}]", static_cast<std::int32_t>(k));
}

struct Image {
    std::string_view mnemonic;
    std::string operand;
};

// bpf_image's opcode table: mnemonic plus operand, with its decimal/hex choices per opcode.
Image image_of(const Insn& insn, std::size_t index) {
    using namespace op;
    const auto value = insn.k;
    const auto signed_k = static_cast<std::int32_t>(value);
    auto hex = [&] { return fmt::format("#0x{:x}", value); };
    auto dec = [&] { return fmt::format("#{}", signed_k); };
    auto indexed = [&] { return fmt::format("[x + {}]", signed_k); };
    auto mem_slot = [&] { return fmt::format("M[{}]", signed_k); };

    switch (insn.code) {
        case ret | k: return {"ret", fmt::format("#{}", value)};
        case ret | a: return {"ret", ""};
        case ld | w | abs: return {"ld", absolute_operand(value)};
        case ld | h | abs: return {"ldh", absolute_operand(value)};
        case ld | b | abs: return {"ldb", absolute_operand(value)};
        case ld | w | len: return {"ld", "#pktlen"};
        case ld | w | ind: return {"ld", indexed()};
        case ld | h | ind: return {"ldh", indexed()};
        case ld | b | ind: return {"ldb", indexed()};
        case ld | imm: return {"ld", hex()};
        case ldx | imm: return {"ldx", hex()};
        case ldx | msh | b: return {"ldxb", fmt::format("4*([{}]&0xf)", signed_k)};
        case ld | mem: return {"ld", mem_slot()};
        case ldx | mem: return {"ldx", mem_slot()};
        case st: return {"st", mem_slot()};
        case stx: return {"stx", mem_slot()};
        case jmp | ja:
            // bpf_image computes the target in int, so a backward jump (libpcap's
            // protochain) prints as a smaller index rather than a huge unsigned one.
            return {"ja", fmt::format("{}", static_cast<std::int32_t>(
                                                static_cast<std::uint32_t>(index + 1) + value))};
        case jmp | jgt | k: return {"jgt", hex()};
        case jmp | jge | k: return {"jge", hex()};
        case jmp | jeq | k: return {"jeq", hex()};
        case jmp | jset | k: return {"jset", hex()};
        case jmp | jgt | x: return {"jgt", "x"};
        case jmp | jge | x: return {"jge", "x"};
        case jmp | jeq | x: return {"jeq", "x"};
        case jmp | jset | x: return {"jset", "x"};
        case alu | add | x: return {"add", "x"};
        case alu | sub | x: return {"sub", "x"};
        case alu | mul | x: return {"mul", "x"};
        case alu | div | x: return {"div", "x"};
        case alu | mod | x: return {"mod", "x"};
        case alu | and_ | x: return {"and", "x"};
        case alu | or_ | x: return {"or", "x"};
        case alu | xor_ | x: return {"xor", "x"};
        case alu | lsh | x: return {"lsh", "x"};
        case alu | rsh | x: return {"rsh", "x"};
        case alu | add | k: return {"add", dec()};
        case alu | sub | k: return {"sub", dec()};
        case alu | mul | k: return {"mul", dec()};
        case alu | div | k: return {"div", dec()};
        case alu | mod | k: return {"mod", dec()};
        case alu | and_ | k: return {"and", hex()};
        case alu | or_ | k: return {"or", hex()};
        case alu | xor_ | k: return {"xor", hex()};
        case alu | lsh | k: return {"lsh", dec()};
        case alu | rsh | k: return {"rsh", dec()};
        case alu | neg: return {"neg", ""};
        case misc | tax: return {"tax", ""};
        case misc | txa: return {"txa", ""};
        default: return {"unimp", fmt::format("0x{:x}", insn.code)};
    }
}

void append_assembly(std::string& out, const Program& program) {
    for (std::size_t i = 0; i < program.size(); ++i) {
        const Insn& insn = program[i];
        const Image image = image_of(insn, i);
        const bool conditional = op::cls(insn.code) == op::jmp && op::aluop(insn.code) != op::ja;
        if (conditional)
            fmt::format_to(std::back_inserter(out), "({:03}) {:<8} {:<16} jt {}\tjf {}\n", i,
                           image.mnemonic, image.operand, i + 1 + insn.jt, i + 1 + insn.jf);
        else
            fmt::format_to(std::back_inserter(out), "({:03}) {:<8} {}\n", i, image.mnemonic,
                           image.operand);
    }
}

}  // namespace

std::string dump(const Program& program, DumpStyle style) {
    std::string out;
    switch (style) {
        case DumpStyle::Assembly: append_assembly(out, program); break;
        case DumpStyle::CArray:
            for (const Insn& insn : program)
                fmt::format_to(std::back_inserter(out), "{{ 0x{:x}, {}, {}, 0x{:08x} }},\n",
                               insn.code, insn.jt, insn.jf, insn.k);
            break;
        case DumpStyle::Decimal:
            fmt::format_to(std::back_inserter(out), "{}\n", program.size());
            for (const Insn& insn : program)
                fmt::format_to(std::back_inserter(out), "{} {} {} {}\n", insn.code, insn.jt,
                               insn.jf, insn.k);
            break;
    }
    return out;
}

}  // namespace rawdump::filter
