#include "filter/arith_codegen.hpp"

#include <algorithm>

namespace rawdump::filter {
namespace {

constexpr Insn statement(std::uint16_t code, std::uint32_t k) { return Insn{code, 0, 0, k}; }

std::uint16_t size_code(std::uint8_t bytes) {
    switch (bytes) {
        case 1: return op::b;
        case 2: return op::h;
        default: return op::w;
    }
}

std::uint16_t alu_code(ir::ArithOp op) {
    switch (op) {
        case ir::ArithOp::Or: return op::or_;
        case ir::ArithOp::Xor: return op::xor_;
        case ir::ArithOp::And: return op::and_;
        case ir::ArithOp::Lsh: return op::lsh;
        case ir::ArithOp::Rsh: return op::rsh;
        case ir::ArithOp::Add: return op::add;
        case ir::ArithOp::Sub: return op::sub;
        case ir::ArithOp::Mul: return op::mul;
        case ir::ArithOp::Div: return op::div;
        case ir::ArithOp::Mod: return op::mod;
    }
    return op::add;
}

const std::uint32_t* constant_of(const ir::Arith& value) {
    const auto* constant = std::get_if<ir::ArithConstant>(&value.value);
    return constant ? &constant->value : nullptr;
}

class Emitter {
public:
    explicit Emitter(const LinkLayer& link) : link_(link) {}

    std::vector<Insn> code;

    // Leaves the value in A; may use X and the scratch slots from `slot` up.
    void value(const ir::Arith& node, std::uint32_t slot) {
        std::visit([&](const auto& v) { emit(v, slot); }, node.value);
    }

private:
    const LinkLayer& link_;

    void push(std::uint16_t code_word, std::uint32_t k = 0) { code.push_back(statement(code_word, k)); }

    void emit(const ir::ArithConstant& c, std::uint32_t) { push(op::ld | op::imm, c.value); }
    void emit(const ir::ArithLength&, std::uint32_t) { push(op::ld | op::w | op::len); }
    void emit(const ir::ArithNegate& n, std::uint32_t slot) {
        value(*n.operand, slot);
        push(op::alu | op::neg);
    }

    void emit(const ir::ArithBinary& b, std::uint32_t slot) {
        value(*b.left, slot);
        if (const std::uint32_t* k = constant_of(*b.right)) {
            push(op::alu | alu_code(b.op) | op::k, *k);
            return;
        }
        // A = left op right: spill the left side, compute the right into X, reload.
        push(op::st, slot);
        value(*b.right, slot + 1);
        push(op::misc | op::tax);
        push(op::ld | op::mem, slot);
        push(op::alu | alu_code(b.op) | op::x);
    }

    void emit(const ir::ArithLoad& load, std::uint32_t slot) {
        const std::uint16_t width = size_code(load.size);
        const std::uint32_t net = link_.network_offset;
        std::uint32_t base = 0;
        switch (load.base) {
            case ir::AccessBase::Link: base = link_.link_header_offset; break;
            case ir::AccessBase::Network: base = net; break;
            case ir::AccessBase::Ipv4Payload: base = net; break;  // + IHL, through X
            case ir::AccessBase::Ipv6Payload: base = net + 40; break;
        }
        const bool after_ipv4_header = load.base == ir::AccessBase::Ipv4Payload;
        const Insn header_length = statement(op::ldx | op::msh | op::b, net);
        if (const std::uint32_t* k = constant_of(*load.index)) {
            if (after_ipv4_header) {
                code.push_back(header_length);
                push(op::ld | width | op::ind, base + *k);
            } else if (!link_.fold_wrapping_offsets && *k > 0xffffffffu - base) {
                // `ip[-2]` without the optimiser: libpcap loads through X, and bpf_filter()
                // rejects x + base past 2^32 where the folded `ld [base + k]` would wrap.
                push(op::ldx | op::imm, *k);
                push(op::ld | width | op::ind, base);
            } else {
                push(op::ld | width | op::abs, base + *k);
            }
            return;
        }
        value(*load.index, slot);
        if (after_ipv4_header) {
            // X = index + IPv4 header length.
            push(op::st, slot);
            code.push_back(header_length);
            push(op::ld | op::mem, slot);
            push(op::alu | op::add | op::x);
        }
        push(op::misc | op::tax);
        push(op::ld | width | op::ind, base);
    }
};

unsigned slots(const ir::Arith& node) {
    return std::visit(
        [](const auto& v) -> unsigned {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, ir::ArithBinary>) {
                if (constant_of(*v.right)) return slots(*v.left);
                return std::max(slots(*v.left), 1 + slots(*v.right));
            } else if constexpr (std::is_same_v<T, ir::ArithNegate>) {
                return slots(*v.operand);
            } else if constexpr (std::is_same_v<T, ir::ArithLoad>) {
                const unsigned index = slots(*v.index);
                return constant_of(*v.index) ? 0 : std::max(index, v.base == ir::AccessBase::Ipv4Payload ? 1u : 0u);
            } else {
                return 0;
            }
        },
        node.value);
}

}  // namespace

unsigned scratch_slots_needed(const ir::ArithRelation& relation) {
    if (constant_of(*relation.right)) return slots(*relation.left);
    return std::max(slots(*relation.left), 1 + slots(*relation.right));
}

RelationCode relation_code(const ir::ArithRelation& relation, const LinkLayer& link) {
    Emitter emitter(link);
    emitter.value(*relation.left, 0);
    std::uint16_t source = op::k;
    std::uint32_t k = 0;
    if (const std::uint32_t* constant = constant_of(*relation.right)) {
        k = *constant;
    } else {
        emitter.code.push_back(statement(op::st, 0));
        emitter.value(*relation.right, 1);
        emitter.code.push_back(statement(op::misc | op::tax, 0));
        emitter.code.push_back(statement(op::ld | op::mem, 0));
        source = op::x;
    }
    std::uint16_t jump = op::jeq;
    bool negated = false;
    switch (relation.op) {
        case ir::RelOp::Greater: jump = op::jgt; break;
        case ir::RelOp::GreaterEqual: jump = op::jge; break;
        case ir::RelOp::Less: jump = op::jge; negated = true; break;
        case ir::RelOp::LessEqual: jump = op::jgt; negated = true; break;
        case ir::RelOp::Equal: jump = op::jeq; break;
        case ir::RelOp::NotEqual: jump = op::jeq; negated = true; break;
    }
    return {std::move(emitter.code), statement(op::jmp | jump | source, k), negated};
}

}  // namespace rawdump::filter
