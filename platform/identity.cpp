#include "platform/identity.hpp"

#include <grp.h>
#include <linux/capability.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>

namespace rawdump::platform {
namespace {

// Version 3 carries 64 bits per set in two 32-bit halves.
struct RawSets {
    __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
    __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3]{};
};

constexpr std::uint64_t bit(int capability) { return std::uint64_t{1} << capability; }

std::uint64_t join(std::uint32_t low, std::uint32_t high) {
    return (std::uint64_t{high} << 32) | low;
}

}  // namespace

CapabilitySets current_capabilities() noexcept {
    RawSets raw;
    if (::syscall(SYS_capget, &raw.header, raw.data) != 0) return {};
    return {join(raw.data[0].effective, raw.data[1].effective),
            join(raw.data[0].permitted, raw.data[1].permitted),
            join(raw.data[0].inheritable, raw.data[1].inheritable)};
}

// Ambient capabilities are always a subset of permitted and inheritable: no need to ask.
bool has_capabilities() noexcept {
    auto sets = current_capabilities();
    return (sets.effective | sets.permitted | sets.inheritable) != 0;
}

int change_identity(uid_t uid, gid_t gid, std::span<const gid_t> groups) noexcept {
    if (::setgroups(groups.size(), groups.data()) != 0) return errno;
    if (::setresgid(gid, gid, gid) != 0) return errno;
    if (::setresuid(uid, uid, uid) != 0) return errno;
    return 0;
}

int clear_bounding_set() noexcept {
    if ((current_capabilities().effective & bit(CAP_SETPCAP)) == 0) return EPERM;
    // PR_CAPBSET_READ fails with EINVAL past the kernel's last capability.
    for (int capability = 0; capability < 64; ++capability) {
        int present = ::prctl(PR_CAPBSET_READ, capability, 0, 0, 0);
        if (present < 0) break;
        if (present == 1 && ::prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0) return errno;
    }
    return 0;
}

int clear_capabilities(std::string& step) noexcept {
    if (int error = clear_bounding_set(); error != 0 && error != EPERM) {
        step = "PR_CAPBSET_DROP";
        return error;
    }
    // Kernels before 4.3 have no ambient set (EINVAL): nothing to clear there.
    if (::prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) != 0 && errno != EINVAL) {
        step = "PR_CAP_AMBIENT_CLEAR_ALL";
        return errno;
    }
    RawSets none;  // every set empty
    if (::syscall(SYS_capset, &none.header, none.data) != 0) {
        step = "capset";
        return errno;
    }
    if (::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
        step = "PR_SET_NO_NEW_PRIVS";
        return errno;
    }
    return 0;
}

}  // namespace rawdump::platform
