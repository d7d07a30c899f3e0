#include "src/cli/same_file.hpp"

#include <optional>
#include <sys/stat.h>
#include <unistd.h>

namespace rawdump::cli {
namespace {

std::optional<struct stat> identity(const std::string& path, int standard_fd) {
    struct stat info {};
    int result = path == "-" ? ::fstat(standard_fd, &info) : ::stat(path.c_str(), &info);
    if (result != 0) return std::nullopt;
    return info;
}

}  // namespace

bool same_file(const std::string& input, const std::string& output) {
    auto in = identity(input, STDIN_FILENO);
    auto out = identity(output, STDOUT_FILENO);
    // Only regular files: a terminal or /dev/null on both sides is harmless.
    return in && out && S_ISREG(in->st_mode) && in->st_dev == out->st_dev && in->st_ino == out->st_ino;
}

}  // namespace rawdump::cli
