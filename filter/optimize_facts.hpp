// What the optimiser knows about packet values along a path: a test block compares one
// "operand" (a packet load, identified by the load and any index load feeding it), and each
// edge out of it adds a fact about that operand. Facts decide later tests of the same operand
// (jump threading). Packet bytes never change during a run, so facts hold for the whole path.
#pragma once

#include <compare>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <vector>

#include "filter/bpf.hpp"
#include "filter/cfg.hpp"

namespace rawdump::filter::facts {

struct Operand {
    Insn load{};
    std::optional<Insn> index_load;     // ldxb 4*([k]&0xf) feeding an indirect load
    std::optional<std::uint32_t> mask;  // `and #mask` right after the load (net tests)
    friend std::strong_ordering operator<=>(const Operand& a, const Operand& b);
    friend bool operator==(const Operand& a, const Operand& b) { return (a <=> b) == 0; }
};

bool is_packet_load(const Insn& insn);

// The operand a block tests, if the block is self-contained (only packet loads feed it).
std::optional<Operand> operand_of(const cfg::Block& block);

// Knowledge about one operand. The value sets are capped: knowing less is always safe (a
// test is then simply not threaded), and unbounded sets made long `host a or host b or ...`
// chains quadratic to copy.
inline constexpr std::size_t max_known_values = 8;

struct Fact {
    std::optional<std::set<std::uint32_t>> one_of;  // the value is one of these
    std::set<std::uint32_t> not_equals;             // the value is none of these
    std::uint32_t zero_bits = 0;                    // bits known to be 0 (a failed jset)
    std::vector<std::uint32_t> some_set;            // masks with at least one bit set
    std::uint32_t at_least = 0;                     // the value's range, from jgt/jge
    std::uint32_t at_most = 0xffffffff;
    // The tests this operand went through, with their outcomes: all libpcap's optimiser
    // reasons from (Reasoning::Libpcap). Capped like the value sets.
    std::set<std::tuple<std::uint16_t, std::uint32_t, bool>> outcomes;
};

// How much the optimiser may conclude. Full: everything above (values, masks, ranges,
// merged over paths). Libpcap: only what libpcap 1.10.3's fold_edge concludes, the same test
// again (same jump, same constant) or a `jeq` after a `jeq` that came out true, from facts
// that hold on every path in; used to refuse "expression rejects all packets" exactly where
// libpcap does (`tcp and ipx` is refused by the full reasoning only).
enum class Reasoning : std::uint8_t { Full, Libpcap };

using Facts = std::map<Operand, Fact>;

// What the operand's form alone says: bits outside an `and` mask are zero (so a test of a
// fully masked-out word is decided).
Fact inherent_fact(const Operand& operand);

// Outcome of `test` (a jump on the operand) given `fact`, if decided.
std::optional<bool> decide(const Insn& test, const Fact& fact, Reasoning reasoning = Reasoning::Full);

// Adds what the test coming out `outcome` tells.
void learn(Fact& fact, const Insn& test, bool outcome);

// What holds on both of two paths.
Fact meet(const Fact& a, const Fact& b, Reasoning reasoning = Reasoning::Full);
Facts meet(const Facts& a, const Facts& b, Reasoning reasoning = Reasoning::Full);

}  // namespace rawdump::filter::facts
