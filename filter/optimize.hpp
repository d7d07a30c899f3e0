// Semantics-preserving clean-up of a codegen graph:
//  - jump threading: an edge into a test whose outcome is already known on that edge (from
//    the tests passed on every path to it) goes straight to the right successor;
//  - blocks whose two edges agree are bypassed;
//  - identical blocks (same statements, test and successors) are merged;
//  - loads that reload what A or X already holds on every incoming path are dropped.
// It relies on codegen's "each block loads what it uses" form for the first three passes and
// runs the load removal last, once.
#pragma once

#include "filter/cfg.hpp"
#include "filter/optimize_facts.hpp"

namespace rawdump::filter {

// `reasoning`: how much jump threading may conclude (optimize_facts.hpp); Libpcap only to
// tell whether libpcap would also find that nothing matches.
void optimize(cfg::Graph& graph, facts::Reasoning reasoning = facts::Reasoning::Full);

}  // namespace rawdump::filter
