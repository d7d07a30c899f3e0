#include "src/cli/postrotate_command.hpp"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <sys/resource.h>
#include <unistd.h>

#include <fmt/format.h>

namespace rawdump::cli {

void reap_postrotate_commands() {
    struct sigaction action {};
    action.sa_handler = SIG_IGN;
    sigemptyset(&action.sa_mask);
    sigaction(SIGCHLD, &action, nullptr);
}

void start_postrotate_command(const std::string& command, const std::string& file) {
    // Prepared before fork: the child only makes async-signal-safe calls.
    const std::string prefix = fmt::format("rawdump: -z {} {}: ", command, file);
    std::fflush(stderr);
    pid_t child = ::fork();
    if (child < 0) {
        fmt::print(stderr, "rawdump: -z {} {}: fork failed: {}\n", command, file, std::strerror(errno));
        return;
    }
    if (child > 0) return;

    // An ignored SIGCHLD would survive exec and break the command's own waiting for children
    // (a shell script's $(...)); the stop handlers are reset by exec itself.
    ::signal(SIGCHLD, SIG_DFL);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    ::setpriority(PRIO_PROCESS, 0, 19);
    ::execlp(command.c_str(), command.c_str(), file.c_str(), static_cast<char*>(nullptr));
    const char* reason = std::strerror(errno);
    [[maybe_unused]] auto a = ::write(STDERR_FILENO, prefix.data(), prefix.size());
    [[maybe_unused]] auto b = ::write(STDERR_FILENO, reason, std::strlen(reason));
    [[maybe_unused]] auto c = ::write(STDERR_FILENO, "\n", 1);
    ::_exit(2);  // tcpdump's S_ERR_HOST_PROGRAM; nobody waits for it
}

}  // namespace rawdump::cli
