// The command line, spelled and meant as tcpdump's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "filter/expected.hpp"
#include "src/output_options.hpp"

namespace rawdump::cli {

enum class Action { Capture, Help, Version, ListInterfaces };

struct Options {
    Action action = Action::Capture;
    std::optional<std::string> interface;       // -i
    std::optional<std::string> read_file;       // -r
    std::optional<std::string> write_file;      // -w
    std::optional<std::string> filter_file;     // -F
    std::optional<std::string> link_type_name;  // -y
    std::uint64_t count = 0;                    // -c; 0: no limit
    std::uint32_t snaplen = 262144;             // -s; 0 means the maximum
    std::uint32_t buffer_kib = 2048;            // -B: capture ring size in KiB
    bool promiscuous = true;                    // -p clears it
    bool line_buffered = false;                 // -l
    bool packet_buffered = false;               // -U
    bool immediate = false;                     // --immediate-mode
    bool count_only = false;                    // --count
    bool print = false;                         // --print: print too while writing (-w)
    std::uint64_t skip = 0;                     // --skip: matching packets neither printed nor written
    std::uint64_t print_sampling = 0;           // --print-sampling: print every Nth packet; 0: all
    bool lengths = false;                       // --lengths: "caplen C len L " before each packet
    int dump_level = 0;                         // number of -d
    bool optimize = true;                       // -O clears it
    OutputOptions output;
    std::vector<std::string> expression_words;  // the operands, joined by spaces
};

struct UsageError {
    std::string message;  // one line without the program name; empty: just show the usage
};

Expected<Options, UsageError> parse_options(int argc, char** argv);

// "rawdump version ..." lines, then the usage synopsis (tcpdump -h's layout).
std::string version_text();
std::string usage_text();

}  // namespace rawdump::cli
