// The command line, spelled and meant as tcpdump's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "src/core/expected.hpp"
#include "src/print/base/output_options.hpp"
#include "src/core/snaplen.hpp"

namespace rawdump::cli {

enum class Action {
    Capture,
    Help,
    Version,
    ListInterfaces,      // -D
    ListLinkTypes,       // -L (ignored with -r / -V, as in tcpdump)
    ListTimestampTypes,  // -J (ignored with -r / -V, as in tcpdump)
    FloatingPointType,   // --fp-type
};

// -Q / --direction: which packets of a live capture are kept.
enum class CaptureDirection { InOut, In, Out };

// -j / --time-stamp-type: libpcap's names (pcap-tstamp(7)), in libpcap's order.
inline constexpr const char* time_stamp_type_names[] = {
    "host", "host_lowprec", "host_hiprec", "adapter", "adapter_unsynced", "host_hiprec_unsynced",
};

struct Options {
    Action action = Action::Capture;
    std::optional<std::string> interface;       // -i
    std::optional<std::string> read_file;       // -r
    std::optional<std::string> write_file;      // -w
    std::optional<std::string> filter_file;     // -F
    std::optional<std::string> link_type_name;  // -y
    std::optional<std::string> file_list;       // -V: a file naming capture files, one per line
    CaptureDirection direction = CaptureDirection::InOut;  // -Q
    std::optional<std::string> time_stamp_type; // -j: one of time_stamp_type_names
    bool time_stamp_precision_given = false;    // --nano / --micro / --time-stamp-precision
    bool monitor_mode = false;                  // -I
    // Output file rotation (-w): -C in bytes (N * 1,000,000), -G seconds, -W files, -z command.
    std::uint64_t rotate_size = 0;              // 0: off
    std::uint32_t rotate_seconds = 0;           // 0: off
    // The wall clock when -G was read: tcpdump names the first file with it and measures the
    // first period from it (not from when the file is opened).
    std::int64_t rotate_clock_start = 0;
    std::uint32_t file_count = 0;               // 0: unlimited
    std::optional<std::string> postrotate_command;
    // -Z: user name or uid[:gid]. Unset: tcpdump's Debian default, drop to "tcpdump" when
    // that user exists ("-Z root" keeps root).
    std::optional<std::string> relinquish_user;
    std::uint64_t count = 0;                    // -c; 0: no limit
    std::uint32_t snaplen = maximum_snaplen;            // -s; 0 means the maximum
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
    // getopt's complaints (unknown option, missing argument) are followed by the usage, as
    // in tcpdump; a bad value ("invalid file size 1x") is one line only.
    bool show_usage = true;
};

Expected<Options, UsageError> parse_options(int argc, char** argv);

// "rawdump version ..." lines, then the usage synopsis (tcpdump -h's layout).
std::string version_text();
std::string usage_text();

}  // namespace rawdump::cli
