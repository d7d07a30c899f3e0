#include "src/cli/privileges.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "platform/identity.hpp"

namespace rawdump::cli {
namespace {

// Debian builds tcpdump --with-user=tcpdump.
constexpr const char* default_user = "tcpdump";

bool running_as_root() { return ::getuid() == 0 || ::geteuid() == 0; }

// tcpdump names a missing user twice over: in full from the code that hands the -w file over
// (which runs first when there is a file and no -C), cut to 32 bytes from droproot() otherwise.
std::string shown_name(const std::string& name, bool whole) {
    return whole ? name : name.substr(0, 32);
}

}  // namespace

std::optional<PrivilegeDrop> PrivilegeDrop::plan(const Options& options, const AccountFiles& files) {
    PrivilegeDrop drop;
    drop.verbosity_ = options.output.verbosity;
    drop.drop_before_output_ = options.rotate_size != 0;
    if (!running_as_root()) return drop;  // tcpdump ignores -Z then; capabilities still go

    drop.as_root_ = true;
    drop.explicit_user_ = options.relinquish_user.has_value();
    const std::string name = options.relinquish_user.value_or(default_user);
    auto account = resolve_account(name, files);
    // "-Z root" turns the drop off even where no passwd file names root.
    if (!account && name == "root") account = Account{"root", 0, 0, {0}};
    if (!account) {
        if (!drop.explicit_user_) {
            drop.missing_user_ = name;
            return drop;
        }
        bool whole = options.write_file.has_value() && options.rotate_size == 0;
        fmt::print(stderr, "rawdump: Couldn't find user '{}'\n", shown_name(name, whole));
        return std::nullopt;
    }
    drop.kind_ = Kind::BecomeUser;
    drop.account_ = std::move(*account);
    return drop;
}

bool PrivilegeDrop::before_output() {
    return drop_before_output_ ? carry_out(-1) : true;
}

bool PrivilegeDrop::after_output(int output_fd) {
    return drop_before_output_ ? true : carry_out(output_fd);
}

bool PrivilegeDrop::carry_out(int output_fd) {
    if (done_) return true;
    done_ = true;
    if (kind_ == Kind::ClearCapabilities) return clear_capabilities_only();

    // The file was created by root: hand it to the user, as tcpdump does. Only a regular file
    // that rawdump opened itself (not standard output, not a device: tcpdump's chown by name
    // would give away /dev/null), through the descriptor, so a name swapped meanwhile cannot
    // redirect it.
    struct stat info {};
    if (output_fd >= 0 && output_fd != STDOUT_FILENO && ::fstat(output_fd, &info) == 0 &&
        S_ISREG(info.st_mode) && ::fchown(output_fd, account_.uid, account_.gid) != 0) {
        int error = errno;
        if (may_fall_back(error)) return fall_back(error);
        fmt::print(stderr, "rawdump: Couldn't change ownership of savefile ({})\n", std::strerror(error));
        return false;
    }
    if (account_.uid != 0) {
        // Only possible while CAP_SETPCAP is still held, so before the uid changes.
        if (int error = platform::clear_bounding_set(); error != 0 && error != EPERM) {
            fmt::print(stderr, "rawdump: couldn't clear the capability bounding set: {}\n", std::strerror(error));
            return false;
        }
    }
    if (int error = platform::change_identity(account_.uid, account_.gid, account_.groups); error != 0) {
        if (may_fall_back(error)) return fall_back(error);
        fmt::print(stderr, "rawdump: Couldn't change to '{}' uid={} gid={}: {}\n", account_.name.substr(0, 32),
                   account_.uid, account_.gid, std::strerror(error));
        return false;
    }
    // -Z root: stay root with everything, as tcpdump.
    if (account_.uid == 0) return true;
    return clear_capabilities_only();
}

// The default user may be impossible to become where uid 0 is a user namespace's (its ids
// unmapped: EINVAL; setgroups denied: EPERM), where tcpdump fails. -Z asked for it: an error.
bool PrivilegeDrop::may_fall_back(int error) const {
    return !explicit_user_ && (error == EPERM || error == EINVAL);
}

bool PrivilegeDrop::fall_back(int error) {
    missing_user_.clear();
    if (verbosity_ > 0)
        fmt::print(stderr, "rawdump: cannot become user {} ({}): staying uid 0 with every capability cleared\n",
                   account_.name, std::strerror(error));
    kind_ = Kind::ClearCapabilities;
    return clear_capabilities_only();
}

bool PrivilegeDrop::clear_capabilities_only() {
    // Nothing to give up (an unprivileged user, the common case without root): no system call.
    if (!as_root_ && !platform::has_capabilities()) return true;
    std::string step;
    if (int error = platform::clear_capabilities(step); error != 0) {
        fmt::print(stderr, "rawdump: couldn't drop capabilities: {}: {}\n", step, std::strerror(error));
        return false;
    }
    if (as_root_ && !missing_user_.empty() && verbosity_ > 0)
        fmt::print(stderr, "rawdump: no user {}: staying uid 0 with every capability cleared\n", missing_user_);
    return true;
}

}  // namespace rawdump::cli
