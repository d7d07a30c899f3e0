// Whether -w would write over the file -r reads.
#pragma once

#include <string>

namespace rawdump::cli {

// True when both name the same existing file: by path, through a symbolic or hard link, or
// as "-" (standard input or output) redirected to or from it. Compared by device and inode,
// before the output is opened, since opening it for -w truncates it.
bool same_file(const std::string& input, const std::string& output);

}  // namespace rawdump::cli
