#include "src/cli/options.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <limits>
#include <optional>
#include <string_view>
#include <cstdlib>
#include <ctime>
#include <getopt.h>

#include <fmt/format.h>
#include "src/core/snaplen.hpp"

namespace rawdump::cli {
namespace {


// Long options without a short spelling.
enum LongOption : int {
    option_version = 1000,
    option_help,
    option_count,
    option_immediate_mode,
    option_nano,
    option_micro,
    option_time_stamp_precision,
    option_number,
    option_print,
    option_print_sampling,
    option_skip,
    option_lengths,
    option_fp_type,
};

// tcpdump 4.99.3's long options (its longopts[]), then the later ones rawdump also takes.
constexpr option long_options[] = {
    {"buffer-size", required_argument, nullptr, 'B'},
    {"list-interfaces", no_argument, nullptr, 'D'},
    {"help", no_argument, nullptr, option_help},
    {"interface", required_argument, nullptr, 'i'},
    {"monitor-mode", no_argument, nullptr, 'I'},
    {"time-stamp-type", required_argument, nullptr, 'j'},
    {"list-time-stamp-types", no_argument, nullptr, 'J'},
    {"micro", no_argument, nullptr, option_micro},
    {"nano", no_argument, nullptr, option_nano},
    {"time-stamp-precision", required_argument, nullptr, option_time_stamp_precision},
    {"dont-verify-checksums", no_argument, nullptr, 'K'},
    {"list-data-link-types", no_argument, nullptr, 'L'},
    {"no-optimize", no_argument, nullptr, 'O'},
    {"no-promiscuous-mode", no_argument, nullptr, 'p'},
    {"direction", required_argument, nullptr, 'Q'},
    {"snapshot-length", required_argument, nullptr, 's'},
    {"absolute-tcp-sequence-numbers", no_argument, nullptr, 'S'},
    {"packet-buffered", no_argument, nullptr, 'U'},
    {"linktype", required_argument, nullptr, 'y'},
    {"immediate-mode", no_argument, nullptr, option_immediate_mode},
    {"relinquish-privileges", required_argument, nullptr, 'Z'},
    {"count", no_argument, nullptr, option_count},
    {"fp-type", no_argument, nullptr, option_fp_type},
    {"number", no_argument, nullptr, option_number},
    {"print", no_argument, nullptr, option_print},
    {"version", no_argument, nullptr, option_version},
    // --print-sampling, --skip and --lengths came after 4.99.3.
    {"print-sampling", required_argument, nullptr, option_print_sampling},
    {"skip", required_argument, nullptr, option_skip},
    {"lengths", no_argument, nullptr, option_lengths},
    {nullptr, 0, nullptr, 0},
};

// tcpdump 4.99.3's SHORTOPTS on Linux, plus -g ("greppable", from later tcpdump releases: -v
// output on one line per packet). -Y (filter parser debugging) is absent, as in Debian's
// build. Leading '+' is not used: like tcpdump (GNU getopt), options may follow the expression.
constexpr const char* short_options = ":aAbB:c:C:dDeE:fF:gG:hHi:Ij:JKlLm:M:nNOpqQ:r:s:StT:uUvV:w:W:xXy:z:Z:#";

// getopt reports a long option's problems with optopt set to its code (1000 and up).
bool is_short_option(int c) { return c > 0 && c < option_version; }

// "--count=3" -> "--count", as getopt words it.
std::string_view option_name(std::string_view word) { return word.substr(0, word.find('=')); }

template <typename T>
std::optional<T> parse_number(std::string_view text, int base = 10) {
    T value{};
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value, base);
    if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
    return value;
}

// C's atoi(), which tcpdump uses for -B, -c, -G and -W: leading blanks, a sign, digits, and
// whatever follows ignored ("3x" is 3, "abc" is 0). Out-of-range values wrap to int as
// glibc's atoi (strtol, then a cast) does, so "-G 2147483648" is negative there too.
int atoi_like(const std::string& text) {
    return static_cast<int>(std::strtol(text.c_str(), nullptr, 10));
}

// strtol with base 0 over the whole text, as tcpdump reads -s ("0x100" is 256).
std::optional<long> strtol_whole(const std::string& text, int base) {
    if (text.empty()) return std::nullopt;
    errno = 0;
    char* end = nullptr;
    long value = std::strtol(text.c_str(), &end, base);
    if (end == text.c_str() || *end != '\0' || errno != 0) return std::nullopt;
    return value;
}

// -T's argument: tcpdump 4.99.3's packet types. Only DNS has a decoder here yet.
constexpr std::string_view packet_types_later[] = {
    "aodv", "carp", "cnfp", "lmp", "pgm", "pgm_zmtp1", "ptp", "radius", "resp", "rpc",
    "rtcp", "rtp", "snmp", "someip", "tftp", "vat", "vxlan", "wb", "zmtp1",
};

// A bad value: one line, no usage.
UsageError value_error(std::string message) { return UsageError{std::move(message), /*show_usage=*/false}; }

using OptionError = std::optional<UsageError>;

// What the option loop counts or notes before it can decide (-x/-X/-A/-t levels, -L/-J
// with -r, --fp-type); settled after the loop, in tcpdump's order.
struct OptionTally {
    int hex_count = 0, hex_ascii_count = 0, ascii_count = 0, timestamp_count = 0;
    bool list_link_types = false, list_time_stamp_types = false, fp_type = false;
};

// Options without an argument: they switch something on or count. false: not one of them.
bool apply_flag(int c, Options& options, OptionTally& tally) {
    switch (c) {
    case 'a': break;  // tcpdump: "attempt to convert network addresses to names", a no-op
    case 'A': ++tally.ascii_count; break;
    case 'b': options.output.bgp_asdot = true; break;
    case 'd': ++options.dump_level; break;
    case 'D': options.action = Action::ListInterfaces; break;
    case 'e': options.output.link_header = true; break;
    case 'f': options.output.foreign_numeric = true; break;
    case 'g': options.output.one_line = true; break;
    case 'h':
    case option_help: options.action = Action::Help; break;
    case 'H': options.output.mesh_headers = true; break;
    case 'I': options.monitor_mode = true; break;
    case 'J': tally.list_time_stamp_types = true; break;
    case 'K': options.output.verify_checksums = false; break;
    case 'l': options.line_buffered = true; break;
    case 'L': tally.list_link_types = true; break;
    case 'n': options.output.numeric = true; break;
    case 'N': options.output.strip_domain = true; break;
    case 'O': options.optimize = false; break;
    case 'p': options.promiscuous = false; break;
    case 'q': options.output.quiet = true; break;
    case 'S': options.output.absolute_sequence = true; break;
    case 't': ++tally.timestamp_count; break;
    case 'u': options.output.nfs_handles = true; break;
    case 'U': options.packet_buffered = true; break;
    case 'v': ++options.output.verbosity; break;
    case 'x': ++tally.hex_count; break;
    case 'X': ++tally.hex_ascii_count; break;
    case '#':
    case option_number: options.output.packet_numbers = true; break;
    case option_version: options.action = Action::Version; break;
    case option_count: options.count_only = true; break;
    case option_fp_type: tally.fp_type = true; break;
    case option_immediate_mode: options.immediate = true; break;
    case option_print: options.print = true; break;
    case option_lengths: options.lengths = true; break;
    case option_nano:
        options.output.nanoseconds = true;
        options.time_stamp_precision_given = true;
        break;
    case option_micro:
        options.output.nanoseconds = false;
        options.time_stamp_precision_given = true;
        break;
    default: return false;
    }
    return true;
}

// Options whose argument is kept as given (names of files, devices, users, commands).
// false: not one of them.
bool apply_text_option(int c, std::string_view argument, Options& options) {
    switch (c) {
    case 'F': options.filter_file = std::string(argument); break;
    case 'i': options.interface = std::string(argument); break;
    case 'm':
        // Debian's tcpdump is built without libsmi and says exactly this.
        fmt::print(stderr, "rawdump: ignoring option `-m {}' (no libsmi support)\n", argument);
        break;
    case 'r': options.read_file = std::string(argument); break;
    case 'V': options.file_list = std::string(argument); break;
    case 'w': options.write_file = std::string(argument); break;
    case 'y': options.link_type_name = std::string(argument); break;
    case 'z': options.postrotate_command = std::string(argument); break;
    case 'Z': options.relinquish_user = std::string(argument); break;
    default: return false;
    }
    return true;
}

// -B: KiB, read with atoi as tcpdump does; the ring rounds it up to whole blocks.
OptionError apply_buffer_size(std::string_view argument, Options& options) {
    const int kib = atoi_like(std::string(argument));
    if (kib <= 0 || kib > (1 << 22)) return value_error(fmt::format("invalid packet buffer size {}", argument));
    options.buffer_kib = static_cast<std::uint32_t>(kib);
    return std::nullopt;
}

OptionError apply_packet_count(std::string_view argument, Options& options) {
    const int count = atoi_like(std::string(argument));
    if (count <= 0) return value_error(fmt::format("invalid packet count {}", argument));
    options.count = static_cast<std::uint64_t>(count);
    return std::nullopt;
}

// -C: millions of bytes, a whole decimal number (tcpdump: strtoint64_t, then * 1000000).
OptionError apply_file_size(std::string_view argument, Options& options) {
    auto millions = strtol_whole(std::string(argument), 10);
    if (!millions || *millions <= 0) return value_error(fmt::format("invalid file size {}", argument));
    if (*millions > std::numeric_limits<std::int64_t>::max() / 1000000)
        return value_error(fmt::format("file size {} is too large", argument));
    options.rotate_size = static_cast<std::uint64_t>(*millions) * 1000000u;
    return std::nullopt;
}

OptionError apply_rotate_seconds(std::string_view argument, Options& options) {
    const int seconds = atoi_like(std::string(argument));
    if (seconds < 0) return value_error(fmt::format("invalid number of seconds {}", argument));
    options.rotate_seconds = static_cast<std::uint32_t>(seconds);
    options.rotate_clock_start = std::time(nullptr);
    return std::nullopt;
}

OptionError apply_time_stamp_type(std::string_view argument, Options& options) {
    const auto* known = std::find_if(std::begin(time_stamp_type_names), std::end(time_stamp_type_names),
                                     [&](const char* name) { return argument == name; });
    if (known == std::end(time_stamp_type_names))
        return value_error(fmt::format("invalid time stamp type {}", argument));
    options.time_stamp_type = std::string(argument);
    return std::nullopt;
}

OptionError apply_direction(std::string_view argument, Options& options) {
    if (argument == "in") options.direction = CaptureDirection::In;
    else if (argument == "out") options.direction = CaptureDirection::Out;
    else if (argument == "inout") options.direction = CaptureDirection::InOut;
    else return value_error(fmt::format("unknown capture direction `{}'", argument));
    return std::nullopt;
}

// -s: tcpdump reads it with strtol and base 0, so "0x100" is 256.
OptionError apply_snaplen(std::string_view argument, Options& options) {
    auto snaplen = strtol_whole(std::string(argument), 0);
    if (!snaplen || *snaplen < 0 || *snaplen > long{maximum_snaplen})
        return value_error(fmt::format("invalid snaplen {} (must be >= 0 and <= {})", argument, maximum_snaplen));
    options.snaplen = *snaplen == 0 ? maximum_snaplen : static_cast<std::uint32_t>(*snaplen);
    return std::nullopt;
}

OptionError apply_packet_type(std::string_view argument, Options& options) {
    if (argument == "domain") {
        options.output.packet_type = PacketType::Domain;
        return std::nullopt;
    }
    const bool later = std::find(std::begin(packet_types_later), std::end(packet_types_later), argument) !=
                       std::end(packet_types_later);
    if (later) return value_error(fmt::format("-T {} is not supported yet (only -T domain is)", argument));
    return value_error(fmt::format("unknown packet type `{}'", argument));
}

OptionError apply_file_count(std::string_view argument, Options& options) {
    const int files = atoi_like(std::string(argument));
    if (files <= 0) return value_error(fmt::format("invalid number of output files {}", argument));
    options.file_count = static_cast<std::uint32_t>(files);
    return std::nullopt;
}

OptionError apply_print_sampling(std::string_view argument, Options& options) {
    auto nth = parse_number<std::uint64_t>(argument);
    if (!nth || *nth == 0) return value_error(fmt::format("invalid print sampling {}", argument));
    options.print_sampling = *nth;
    // As in tcpdump: sampled packets are printed even with -w, and since the printer
    // misses most of each conversation, sequence numbers stay absolute.
    options.print = true;
    options.output.absolute_sequence = true;
    return std::nullopt;
}

OptionError apply_skip(std::string_view argument, Options& options) {
    auto skip = parse_number<std::uint64_t>(argument);  // 0 is allowed (scripts loop from it)
    if (!skip) return value_error(fmt::format("invalid number of packets to skip {}", argument));
    options.skip = *skip;
    return std::nullopt;
}

OptionError apply_time_stamp_precision(std::string_view argument, Options& options) {
    if (argument == "nano") options.output.nanoseconds = true;
    else if (argument == "micro") options.output.nanoseconds = false;
    else return value_error("unsupported time stamp precision");
    options.time_stamp_precision_given = true;
    return std::nullopt;
}

// getopt's complaints, worded as GNU getopt words them (and followed by the usage).
UsageError getopt_error(int c, char** argv) {
    if (c == ':') {
        if (is_short_option(optopt)) return UsageError{fmt::format("option requires an argument -- '{}'", char(optopt))};
        return UsageError{fmt::format("option '{}' requires an argument", argv[optind - 1])};
    }
    if (is_short_option(optopt)) return UsageError{fmt::format("invalid option -- '{}'", char(optopt))};
    if (optopt != 0)  // a known long option given "=value" it does not take
        return UsageError{fmt::format("option '{}' doesn't allow an argument", option_name(argv[optind - 1]))};
    return UsageError{fmt::format("unrecognized option '{}'", argv[optind - 1])};
}

// Options whose argument is checked (numbers, names from a list), the unsupported ones, and
// anything getopt refused.
OptionError apply_checked_option(int c, std::string_view argument, Options& options, char** argv) {
    switch (c) {
    case 'B': return apply_buffer_size(argument, options);
    case 'c': return apply_packet_count(argument, options);
    case 'C': return apply_file_size(argument, options);
    case 'E': return value_error("-E (ESP decryption) is not supported yet");
    case 'G': return apply_rotate_seconds(argument, options);
    case 'j': return apply_time_stamp_type(argument, options);
    case 'M': return value_error("-M (TCP-MD5 signature checks) is not supported yet");
    case 'Q': return apply_direction(argument, options);
    case 's': return apply_snaplen(argument, options);
    case 'T': return apply_packet_type(argument, options);
    case 'W': return apply_file_count(argument, options);
    case option_print_sampling: return apply_print_sampling(argument, options);
    case option_skip: return apply_skip(argument, options);
    case option_time_stamp_precision: return apply_time_stamp_precision(argument, options);
    default: return getopt_error(c, argv);
    }
}

// The counted options become output settings.
void settle_counts(const OptionTally& tally, Options& options) {
    // As in tcpdump: -X wins over -x, and the winner's own count decides whether the
    // link-layer header is dumped too (so -X -xx leaves it out).
    int level = tally.hex_ascii_count > 0 ? tally.hex_ascii_count : tally.hex_count;
    options.output.hex = level == 0 ? HexDump::None : level == 1 ? HexDump::Network : HexDump::Link;
    options.output.hex_ascii = tally.hex_ascii_count > 0;
    options.output.ascii = tally.ascii_count > 0;
    options.output.ascii_link = tally.ascii_count > 1;
    static constexpr TimestampStyle timestamp_styles[] = {
        TimestampStyle::Local, TimestampStyle::None, TimestampStyle::Epoch,
        TimestampStyle::DeltaPrevious, TimestampStyle::LocalDate, TimestampStyle::DeltaFirst};
    options.output.timestamps = timestamp_styles[std::min(tally.timestamp_count, 5)];
}

// The order of tcpdump's checks after its option loop.
OptionError settle_action(const OptionTally& tally, Options& options) {
    if (tally.fp_type) {
        // tcpdump --fp-type prints a figure that shows how the C library's floating point
        // rounds, and exits.
        options.action = Action::FloatingPointType;
    }
    if (options.action == Action::Capture && (tally.list_link_types || tally.list_time_stamp_types) &&
        !options.read_file && !options.file_list)
        options.action = tally.list_time_stamp_types ? Action::ListTimestampTypes : Action::ListLinkTypes;
    if (options.file_list && options.read_file) return value_error("-V and -r are mutually exclusive.");
    if (options.output.foreign_numeric && (options.read_file || options.file_list))
        return value_error("-f can not be used with -V or -r");
    return std::nullopt;
}

}  // namespace

std::string version_text() {
    return fmt::format("rawdump version {}\nfilter compiler: rawdump's own (tcpdump 4.99 / libpcap 1.10 compatible, no libpcap)\n",
                       RAWDUMP_VERSION);
}

std::string usage_text() {
    return version_text() +
           "Usage: rawdump [-AbdDefghHIJKlLnNOpqStuUvxX#] [ -B size ] [ -c count ] [--count]\n"
           "\t\t[ -C file_size ] [ -E algo:secret ] [ -F file ] [ -G seconds ]\n"
           "\t\t[ -i interface ] [ --immediate-mode ] [ -j tstamptype ]\n"
           "\t\t[ --lengths ] [ -M secret ] [ --number ] [ --print ] [ --print-sampling nth ]\n"
           "\t\t[ -Q in|out|inout ] [ -r file ] [ -s snaplen ] [ --skip count ]\n"
           "\t\t[ -T type ] [ --version ] [ -V file ] [ -w file ] [ -W filecount ]\n"
           "\t\t[ -y datalinktype ] [ --time-stamp-precision precision ]\n"
           "\t\t[ --micro ] [ --nano ] [ -z postrotate-command ] [ -Z user ]\n"
           "\t\t[ expression ]\n";
}

Expected<Options, UsageError> parse_options(int argc, char** argv) {
    Options options;
    OptionTally tally;
    opterr = 0;  // rawdump words its own messages
    optind = 0;  // glibc: 0 re-initialises getopt, so parsing twice (tests) works
    for (;;) {
        int long_index = -1;
        int c = getopt_long(argc, argv, short_options, long_options, &long_index);
        if (c == -1) break;
        std::string_view argument = optarg ? optarg : "";
        if (apply_flag(c, options, tally) || apply_text_option(c, argument, options)) continue;
        if (auto error = apply_checked_option(c, argument, options, argv)) return Unexpected{std::move(*error)};
    }
    settle_counts(tally, options);
    for (int i = optind; i < argc; ++i) options.expression_words.emplace_back(argv[i]);
    if (auto error = settle_action(tally, options)) return Unexpected{std::move(*error)};
    return options;
}

}  // namespace rawdump::cli
