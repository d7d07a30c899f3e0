// Control-flow graph -> linear classic BPF. Blocks are laid out in topological order so every
// jump goes forward; a conditional edge further than 255 instructions (jt/jf are 8-bit) goes
// through an inserted `ja` trampoline.
#pragma once

#include "filter/bpf.hpp"
#include "filter/cfg.hpp"

namespace rawdump::filter {

Program assemble(const cfg::Graph& graph);

}  // namespace rawdump::filter
