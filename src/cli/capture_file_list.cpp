#include "src/cli/capture_file_list.hpp"

#include <cerrno>
#include <climits>
#include <cstring>

#include <fmt/format.h>

namespace rawdump::cli {

void CaptureFileList::Closer::operator()(std::FILE* file) const noexcept {
    if (file != stdin) std::fclose(file);
}

Expected<CaptureFileList, std::string> CaptureFileList::open(const std::string& path) {
    std::FILE* file = path == "-" ? stdin : std::fopen(path.c_str(), "re");
    // tcpdump says "Unable to open file: REASON" without the name; naming it is clearer.
    if (file == nullptr) return Unexpected{fmt::format("Unable to open file {}: {}", path, std::strerror(errno))};
    CaptureFileList list;
    list.file_.reset(file);
    return list;
}

std::optional<std::string> CaptureFileList::next() {
    char line[PATH_MAX];
    if (std::fgets(line, sizeof line, file_.get()) == nullptr) return std::nullopt;
    std::size_t length = std::strlen(line);
    if (length > 0 && line[length - 1] == '\n') --length;
    return std::string(line, length);
}

}  // namespace rawdump::cli
