#include "src/cli/filter_file.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

#include <fmt/format.h>

namespace rawdump::cli {
namespace {

// Reads to the end, so a pipe or /dev/stdin gives its whole text (tcpdump reads only the
// size fstat reports, which is 0 for a pipe). errno is set when it fails.
std::optional<std::string> read_all(int fd) {
    std::string text;
    char chunk[4096];
    for (;;) {
        ssize_t got = ::read(fd, chunk, sizeof chunk);
        if (got > 0) text.append(chunk, static_cast<std::size_t>(got));
        else if (got == 0) return text;
        else if (errno != EINTR) return std::nullopt;
    }
}

}  // namespace

std::optional<std::string> read_filter_file(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        fmt::print(stderr, "rawdump: can't open {}: {}\n", path, std::strerror(errno));
        return std::nullopt;
    }
    auto text = read_all(fd);
    int read_errno = errno;
    ::close(fd);
    if (!text) {
        // A directory opens but cannot be read: "read /tmp: Is a directory", as tcpdump says.
        fmt::print(stderr, "rawdump: read {}: {}\n", path, std::strerror(read_errno));
        return std::nullopt;
    }
    // Comments first, then the NUL: tcpdump blanks a comment up to the newline even across a
    // NUL, so "tcp # x\0y\n or udp" means "tcp or udp".
    for (std::size_t i = 0; i < text->size(); ++i) {
        if ((*text)[i] != '#') continue;
        for (; i < text->size() && (*text)[i] != '\n'; ++i) (*text)[i] = ' ';
    }
    if (auto nul = text->find('\0'); nul != std::string::npos) text->resize(nul);
    return text;
}

}  // namespace rawdump::cli
