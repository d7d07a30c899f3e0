// Offsets known only at run time: after `geneve`, the inner frame starts behind the Geneve
// options, whose length is in the packet. libpcap keeps three such offsets in scratch words
// (the inner link header, its protocol-type field, its payload) and reads through X:
// `ldx M[n]; ldh [x + 12]`.
//
// Codegen lowers what follows `geneve` exactly as for a fixed layout, but with the layout's
// offsets moved to "tagged" values far above any real packet offset (each base has its own
// tag, so `vlan`/`mpls`/`pppoes` adding to an offset keep it tagged); relocate() then turns
// each test's load sequence into the run-time form. Everything else in codegen stays
// unaware of run-time offsets.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "filter/bpf.hpp"
#include "filter/cfg.hpp"

namespace rawdump::filter::run_time_offsets {

enum class Base : std::uint8_t { LinkHeader, LinkType, Network };

// The tagged offset standing for "the base itself" (constant part 0).
constexpr std::uint32_t tagged_zero(Base base) {
    switch (base) {
        case Base::LinkHeader: return 0x1000'0000;
        case Base::LinkType: return 0x2000'0000;
        case Base::Network: return 0x3000'0000;
    }
    return 0;
}

// The scratch word holding the base. The top three words: the arithmetic of `ip[...]`
// spills from M[0] upwards and protochain uses M[1], so they never meet.
constexpr std::uint32_t slot(Base base) {
    switch (base) {
        case Base::LinkHeader: return 13;
        case Base::LinkType: return 14;
        case Base::Network: return 15;
    }
    return 0;
}
inline constexpr std::uint32_t first_slot = 13;

// Rewrites a test's load sequence written at tagged offsets. nullopt when it cannot be
// relocated (an absolute load of the outer packet, or a shape it does not know).
std::optional<std::vector<Insn>> relocate(const std::vector<Insn>& loads);

// The offset computation libpcap's gen_geneve_offsets attaches to a matching `geneve`:
// entered with A = the UDP header's offset from the network base (the IPv4 header length,
// or 40 for IPv6), plus that base itself when this `geneve` follows another one. Stores the
// three bases for what follows and continues at `next`. `network_constant` is the constant
// part of the network offset (the outer link header length, or the tagged offset's part).
cfg::BlockId emit_geneve_offsets(cfg::Graph& graph, std::uint32_t network_constant, cfg::BlockId next);

}  // namespace rawdump::filter::run_time_offsets
