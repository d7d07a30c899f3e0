// A classic-BPF interpreter with libpcap's bpf_filter() semantics: a load outside the packet
// rejects it (returns 0), division by zero rejects, scratch memory starts zeroed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "filter/bpf.hpp"

namespace rawdump::filter {

// Returns the program's verdict: 0 drops the packet, otherwise the number of bytes to keep.
// `packet` is the captured bytes; `wire_length` is the original length (for `len`).
std::uint32_t run(std::span<const Insn> program, std::span<const std::byte> packet,
                  std::uint32_t wire_length) noexcept;

}  // namespace rawdump::filter
