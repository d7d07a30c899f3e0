// Giving up root once the capture (or the input file) and the first output file are open, as
// Debian's tcpdump 4.99.3 does, measured in /proc/PID/status while it runs:
//
//   - run as root (uid or euid 0), it becomes user `tcpdump` (or -Z's user): the user's
//     groups, its primary gid, its uid; the kernel then empties the permitted and effective
//     sets. It keeps nothing for -C/-G: later files are created as the user.
//   - -Z root stays root with every capability (Debian's way to turn the drop off).
//   - the -w file is created as root and then given to the user (chown), except with -C,
//     where even the first file is created after the drop.
//   - not root: -Z is ignored.
//
// rawdump does the same, and also: empties the bounding, inheritable and ambient sets and sets
// no_new_privs after a drop; without user `tcpdump` and without -Z (a FROM scratch image), or
// where that user cannot be become (uid 0 of a user namespace that does not map it), it stays
// uid 0 but clears every capability (-v says so) where tcpdump refuses to run; -Z also
// takes a numeric uid[:gid]; as a non-root user with capabilities (CAP_NET_RAW through
// setcap or ambient) it clears them once the capture is open.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

#include "src/cli/accounts.hpp"
#include "src/cli/options.hpp"

namespace rawdump::cli {

class PrivilegeDrop {
public:
    // Decides from -Z, -w/-C and the process's identity, and finds the user. nullopt after
    // printing tcpdump's "Couldn't find user 'NAME'" (the caller exits 1).
    static std::optional<PrivilegeDrop> plan(const Options& options, const AccountFiles& files = {});

    // Call both, in this order, around opening the output (with no -w, one after the other).
    // The drop happens in exactly one of them: before the output with -C (tcpdump creates even
    // the first file as the user), after it otherwise, handing the file (a regular file; -1 or
    // standard output: none) to the user first. false after printing why (the caller exits 1).
    bool before_output();
    bool after_output(int output_fd);

private:
    enum class Kind {
        ClearCapabilities,  // not root, or root without a user to become
        BecomeUser,
    };
    PrivilegeDrop() = default;
    bool carry_out(int output_fd);
    bool may_fall_back(int error) const;
    bool fall_back(int error);
    bool clear_capabilities_only();

    Kind kind_ = Kind::ClearCapabilities;
    Account account_;
    bool explicit_user_ = false;  // -Z given: a failure to become the user is an error
    bool as_root_ = false;        // why capabilities alone are cleared: root without the user
    std::string missing_user_;    // the default user that was not found
    bool drop_before_output_ = false;
    bool done_ = false;
    int verbosity_ = 0;
};

}  // namespace rawdump::cli
