#include "filter/optimize_facts.hpp"

#include <algorithm>
#include <iterator>
#include <tuple>

namespace rawdump::filter::facts {

std::strong_ordering operator<=>(const Operand& a, const Operand& b) {
    auto key = [](const Operand& o) {
        return std::tuple{o.load.code, o.load.k, o.index_load.has_value(),
                          o.index_load ? o.index_load->code : std::uint16_t{0},
                          o.index_load ? o.index_load->k : 0u, o.mask.has_value(),
                          o.mask.value_or(0)};
    };
    return key(a) <=> key(b);
}

namespace {

bool may_equal(const Fact& fact, std::uint32_t v) {
    if (v < fact.at_least || v > fact.at_most) return false;
    if (fact.one_of && !fact.one_of->contains(v)) return false;
    return !fact.not_equals.contains(v) && (v & fact.zero_bits) == 0;
}

}  // namespace

bool is_packet_load(const Insn& insn) {
    const auto mode = op::mode(insn.code);
    return op::cls(insn.code) == op::ld && (mode == op::abs || mode == op::ind) &&
           insn.k < ancillary_base;
}

std::optional<Operand> operand_of(const cfg::Block& block) {
    if (block.is_return) return std::nullopt;
    std::optional<Insn> x_load;
    std::optional<Operand> operand;
    for (const Insn& insn : block.statements) {
        if (op::cls(insn.code) == op::ldx && op::mode(insn.code) == op::msh) {
            x_load = insn;
        } else if (is_packet_load(insn)) {
            if (op::mode(insn.code) == op::ind) {
                if (!x_load) return std::nullopt;
                operand = Operand{insn, x_load, std::nullopt};
            } else {
                operand = Operand{insn, std::nullopt, std::nullopt};
            }
        } else if (insn.code == (op::alu | op::and_ | op::k) && operand && !operand->mask) {
            operand->mask = insn.k;
        } else {
            return std::nullopt;  // ALU or scratch: not modelled, never threaded
        }
    }
    if (op::src(block.test.code) != op::k) return std::nullopt;
    return operand;
}

Fact inherent_fact(const Operand& operand) {
    Fact fact;
    if (operand.mask) {
        fact.zero_bits = ~*operand.mask;
        if (*operand.mask == 0) fact.one_of = std::set<std::uint32_t>{0};
    }
    return fact;
}

std::optional<bool> decide(const Insn& test, const Fact& fact, Reasoning reasoning) {
    const std::uint32_t k = test.k;
    if (reasoning == Reasoning::Libpcap) {
        for (const bool outcome : {true, false})
            if (fact.outcomes.contains({test.code, k, outcome})) return outcome;
        if (op::aluop(test.code) == op::jeq && fact.one_of && fact.one_of->size() == 1)
            return *fact.one_of->begin() == k;
        return std::nullopt;
    }
    const auto operation = op::aluop(test.code);
    if (fact.one_of && !fact.one_of->empty()) {
        // Decided if every possible value gives the same outcome.
        std::optional<bool> common;
        for (std::uint32_t v : *fact.one_of) {
            bool outcome = false;
            switch (operation) {
                case op::jeq: outcome = v == k; break;
                case op::jgt: outcome = v > k; break;
                case op::jge: outcome = v >= k; break;
                case op::jset: outcome = (v & k) != 0; break;
                default: return std::nullopt;
            }
            if (common && *common != outcome) return std::nullopt;
            common = outcome;
        }
        return common;
    }
    if (operation == op::jeq && !may_equal(fact, k)) return false;
    if (operation == op::jgt) {
        if (fact.at_least > k) return true;
        if (fact.at_most <= k) return false;
    }
    if (operation == op::jge) {
        if (fact.at_least >= k) return true;
        if (fact.at_most < k) return false;
    }
    if (operation == op::jset) {
        if ((k & ~fact.zero_bits) == 0) return false;
        for (std::uint32_t mask : fact.some_set)
            if ((mask & ~k) == 0) return true;  // k covers a mask known to have a set bit
    }
    return std::nullopt;
}

void learn(Fact& fact, const Insn& test, bool outcome) {
    const std::uint32_t k = test.k;
    if (fact.outcomes.size() < max_known_values) fact.outcomes.insert({test.code, k, outcome});
    switch (op::aluop(test.code)) {
        case op::jeq:
            if (outcome) {
                fact.one_of = std::set<std::uint32_t>{k};
            } else if (fact.one_of) {
                fact.one_of->erase(k);
            } else if (fact.not_equals.size() < max_known_values) {
                fact.not_equals.insert(k);
            }
            break;
        case op::jgt:  // A > k
            if (outcome) fact.at_least = std::max(fact.at_least, k + 1);  // k < A, so no wrap
            else fact.at_most = std::min(fact.at_most, k);
            break;
        case op::jge:  // A >= k
            if (outcome) fact.at_least = std::max(fact.at_least, k);
            else if (k > 0) fact.at_most = std::min(fact.at_most, k - 1);
            break;
        case op::jset:
            if (outcome) {
                if (fact.some_set.size() < max_known_values) fact.some_set.push_back(k);
            } else {
                fact.zero_bits |= k;
            }
            break;
        default: break;
    }
}

Fact meet(const Fact& a, const Fact& b, Reasoning reasoning) {
    Fact result;
    std::set_intersection(a.outcomes.begin(), a.outcomes.end(), b.outcomes.begin(),
                          b.outcomes.end(), std::inserter(result.outcomes, result.outcomes.end()));
    if (reasoning == Reasoning::Libpcap) {
        if (a.one_of && b.one_of && *a.one_of == *b.one_of) result.one_of = a.one_of;
        return result;
    }
    if (a.one_of && b.one_of) {
        std::set<std::uint32_t> either = *a.one_of;
        either.insert(b.one_of->begin(), b.one_of->end());
        if (either.size() <= max_known_values) result.one_of = std::move(either);
    }
    for (std::uint32_t w : a.not_equals)
        if (!may_equal(b, w)) result.not_equals.insert(w);
    for (std::uint32_t w : b.not_equals)
        if (!may_equal(a, w)) result.not_equals.insert(w);
    auto zero_bits_of = [](const Fact& f) {
        std::uint32_t zero = f.zero_bits;
        if (f.one_of && !f.one_of->empty()) {
            std::uint32_t any_set = 0;
            for (std::uint32_t v : *f.one_of) any_set |= v;
            zero |= ~any_set;
        }
        return zero;
    };
    result.zero_bits = zero_bits_of(a) & zero_bits_of(b);
    result.at_least = std::min(a.at_least, b.at_least);
    result.at_most = std::max(a.at_most, b.at_most);
    for (std::uint32_t mask : a.some_set)
        if (std::find(b.some_set.begin(), b.some_set.end(), mask) != b.some_set.end())
            result.some_set.push_back(mask);
    return result;
}

Facts meet(const Facts& a, const Facts& b, Reasoning reasoning) {
    Facts result;
    for (const auto& [operand, fact] : a)
        if (const auto other = b.find(operand); other != b.end())
            result[operand] = meet(fact, other->second, reasoning);
    return result;
}

}  // namespace rawdump::filter::facts
