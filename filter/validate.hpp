// The checks the Linux kernel (sk_chk_filter / bpf_check_classic) and libpcap's bpf_validate()
// make before running a classic-BPF program, done at compile time so a bad program is a
// compiler bug caught in tests, never a setsockopt(SO_ATTACH_FILTER) EINVAL at capture time.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "filter/bpf.hpp"

namespace rawdump::filter {

struct ValidateOptions {
    // The kernel's BPF_MAXINSNS; 0 means no limit (userland VM: -r, -d).
    std::size_t max_insns = kernel_max_insns;
};

// nullopt when the program is valid: non-empty, at most max_insns long, known opcodes only,
// every jump forward and inside the program, scratch slots < 16, no division or modulo by a
// constant 0, ends in a return. Otherwise the first problem, e.g.
// "instruction 12: jump past the end of the program".
std::optional<std::string> validate(const Program& program, const ValidateOptions& options = {});

// The message for a program the kernel refuses only for its length, or nullopt if it fits:
// "filter program has 5759 instructions; the Linux kernel accepts at most 4096".
std::optional<std::string> kernel_size_error(const Program& program);

}  // namespace rawdump::filter
