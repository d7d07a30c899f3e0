// -V FILE: the names of the capture files to read, one per line ("-" for standard input as
// the list itself or as a name in it), read as tcpdump 4.99.3 reads them: one line at a time
// with fgets into a PATH_MAX buffer, the final newline removed and nothing else (an empty
// line is a file named "", which then cannot be opened).
#pragma once

#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include "src/core/expected.hpp"

namespace rawdump::cli {

class CaptureFileList {
public:
    // The error is one line: "Unable to open file LIST: No such file or directory".
    static Expected<CaptureFileList, std::string> open(const std::string& path);

    // The next name; nullopt at the end of the list.
    std::optional<std::string> next();

private:
    struct Closer { void operator()(std::FILE* file) const noexcept; };
    std::unique_ptr<std::FILE, Closer> file_;
};

}  // namespace rawdump::cli
