// The names tcpdump 4.99.3 gives -w files when it rotates them (its MakeFilename): with -G
// the name is first passed through strftime(3) in the local time zone; with -C (or a -G file
// number past 0) a file number follows, zero-padded to the width -W's largest number needs.
#pragma once

#include <cstdint>
#include <ctime>
#include <string>

#include "src/core/expected.hpp"

namespace rawdump::cli {

// Digits of the largest file number of a -W ring of `file_count` files (tcpdump's
// getWflagChars): -W 10 -> 1 (0..9), -W 11 -> 2, -W 1 or none -> 0 (no padding).
int file_number_width(std::uint32_t file_count);

struct RotationName {
    std::string pattern;        // the -w argument
    bool time_formatted;        // -G given: expand strftime conversions
    std::time_t time;           // the -G period's start (tcpdump's Gflag_time)
    std::uint32_t number;       // the -C file number within the period or ring
    int width;                  // file_number_width(-W)
};

// "NAME", or NAME followed by the number when the number or the width is not 0. An error
// ("too many output files or filename is too long (> 4096)", tcpdump's) when the name
// would not fit PATH_MAX.
Expected<std::string, std::string> rotation_file_name(const RotationName& name);

}  // namespace rawdump::cli
