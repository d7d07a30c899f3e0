// Giving up root on Linux: supplementary groups, gid, uid, and capabilities, through the
// system calls themselves (capget/capset, prctl), without libcap.
//
// Capabilities, the bounding set and no_new_privs belong to a thread, not to the process:
// call these while the process has one thread (rawdump never starts another).
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <span>
#include <string>

namespace rawdump::platform {

struct CapabilitySets {
    std::uint64_t effective = 0;
    std::uint64_t permitted = 0;
    std::uint64_t inheritable = 0;
};

// The calling thread's sets (all zero if capget fails, which it cannot for this thread).
CapabilitySets current_capabilities() noexcept;
bool has_capabilities() noexcept;

// setgroups(groups), setresgid(gid), setresuid(uid), as initgroups+setgid+setuid do in
// tcpdump. Returns 0 or the errno of the step that failed. Changing to uid 0 keeps every
// capability (tcpdump -Z root); any other uid loses them as the kernel clears the permitted
// and effective sets (the caller then clears the rest with clear_capabilities()).
int change_identity(uid_t uid, gid_t gid, std::span<const gid_t> groups) noexcept;

// Empties every set: bounding (while CAP_SETPCAP still allows it; skipped without it),
// ambient, inheritable, permitted, effective; then sets no_new_privs, so no program run
// later (-z) gains privileges through set-user-ID bits or file capabilities.
// Returns 0 or the errno of the step that failed; `step` names it.
int clear_capabilities(std::string& step) noexcept;

// Before change_identity() to a non-zero uid: empties the bounding set while CAP_SETPCAP is
// still held (after setuid it no longer is). 0 or errno; EPERM without CAP_SETPCAP.
int clear_bounding_set() noexcept;

}  // namespace rawdump::platform
