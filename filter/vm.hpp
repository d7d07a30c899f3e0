// A classic-BPF interpreter with libpcap's bpf_filter() semantics: a load outside the packet
// rejects it (returns 0), division by zero rejects, scratch memory starts zeroed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "filter/bpf.hpp"

namespace rawdump::filter {

// What a Linux socket filter's ancillary loads (SKF_AD_OFF + n, `ld|ldh|ldb [k]` absolute)
// see: the kernel returns the whole field whatever the load's size.
struct Ancillary {
    bool vlan_tag_present = false;  // SKF_AD_VLAN_TAG_PRESENT (48)
    std::uint16_t vlan_tci = 0;     // SKF_AD_VLAN_TAG (44)
    std::uint16_t pkttype = 0;      // SKF_AD_PKTTYPE (4)
    std::uint32_t ifindex = 0;      // SKF_AD_IFINDEX (8)
    std::uint16_t protocol = 0;     // SKF_AD_PROTOCOL (0), host order
};

// Returns the program's verdict: 0 drops the packet, otherwise the number of bytes to keep.
// `packet` is the captured bytes; `wire_length` is the original length (for `len`).
std::uint32_t run(std::span<const Insn> program, std::span<const std::byte> packet,
                  std::uint32_t wire_length) noexcept;
// The same, with ancillary loads answered from `ancillary` (the kernel's model; other
// SKF_AD_ offsets reject, as they are not modelled).
std::uint32_t run(std::span<const Insn> program, std::span<const std::byte> packet,
                  std::uint32_t wire_length, const Ancillary& ancillary) noexcept;

}  // namespace rawdump::filter
