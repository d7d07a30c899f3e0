#include "src/cli/options.hpp"

#include <charconv>
#include <getopt.h>

#include <fmt/format.h>

namespace rawdump::cli {
namespace {

constexpr std::uint32_t maximum_snaplen = 262144;

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
};

constexpr option long_options[] = {
    {"version", no_argument, nullptr, option_version},
    {"help", no_argument, nullptr, option_help},
    {"count", no_argument, nullptr, option_count},
    {"immediate-mode", no_argument, nullptr, option_immediate_mode},
    {"nano", no_argument, nullptr, option_nano},
    {"micro", no_argument, nullptr, option_micro},
    {"time-stamp-precision", required_argument, nullptr, option_time_stamp_precision},
    {"number", no_argument, nullptr, option_number},
    // --print is tcpdump 4.99's; --print-sampling, --skip and --lengths came after 4.99.3.
    {"print", no_argument, nullptr, option_print},
    {"print-sampling", required_argument, nullptr, option_print_sampling},
    {"skip", required_argument, nullptr, option_skip},
    {"lengths", no_argument, nullptr, option_lengths},
    {nullptr, 0, nullptr, 0},
};

// Leading '+' is not used: like tcpdump (GNU getopt), options may follow the expression.
// -g ("greppable", from later tcpdump releases) keeps -v output on one line per packet.
constexpr const char* short_options = ":AB:c:dDeF:ghi:KlnOpqr:s:ST:tUvw:xXy:#";

// getopt reports a long option's problems with optopt set to its code (1000 and up).
bool is_short_option(int c) { return c > 0 && c < option_version; }

// "--count=3" -> "--count", as getopt words it.
std::string_view option_name(std::string_view word) { return word.substr(0, word.find('=')); }

template <typename T>
std::optional<T> parse_number(std::string_view text) {
    T value{};
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
    return value;
}

// -T's argument.
std::optional<PacketType> packet_type_named(std::string_view name) {
    if (name == "domain") return PacketType::Domain;
    return std::nullopt;
}

}  // namespace

std::string version_text() {
    return fmt::format("rawdump version {}\nfilter compiler: rawdump's own (tcpdump 4.99 / libpcap 1.10 compatible, no libpcap)\n",
                       RAWDUMP_VERSION);
}

std::string usage_text() {
    return version_text() +
           "Usage: rawdump [-AdDeghKlnOpqStUvxX#] [ -B size ] [ -c count ] [--count]\n"
           "\t\t[ -F file ] [ -i interface ] [ --immediate-mode ]\n"
           "\t\t[ --lengths ] [ --number ] [ --print ] [ --print-sampling nth ]\n"
           "\t\t[ -r file ] [ -s snaplen ] [ --skip count ] [ -T type ] [ --version ]\n"
           "\t\t[ -w file ] [ -y datalinktype ]\n"
           "\t\t[ --time-stamp-precision precision ] [ --micro ] [ --nano ]\n"
           "\t\t[ expression ]\n";
}

Expected<Options, UsageError> parse_options(int argc, char** argv) {
    Options options;
    int hex_count = 0, hex_ascii_count = 0, ascii_count = 0, timestamp_count = 0;
    opterr = 0;  // rawdump words its own messages
    optind = 0;  // glibc: 0 re-initialises getopt, so parsing twice (tests) works
    for (;;) {
        int long_index = -1;
        int c = getopt_long(argc, argv, short_options, long_options, &long_index);
        if (c == -1) break;
        std::string_view argument = optarg ? optarg : "";
        switch (c) {
        case 'A': ++ascii_count; break;
        case 'B': {
            // A size in KiB, as tcpdump takes it; the ring rounds it up to whole 256 KiB blocks.
            auto kib = parse_number<std::uint32_t>(argument);
            if (!kib || *kib == 0 || *kib > (1u << 22))
                return Unexpected{UsageError{fmt::format("invalid packet buffer size {}", argument)}};
            options.buffer_kib = *kib;
            break;
        }
        case 'c': {
            auto count = parse_number<std::uint64_t>(argument);
            if (!count || *count == 0) return Unexpected{UsageError{fmt::format("invalid packet count {}", argument)}};
            options.count = *count;
            break;
        }
        case 'd': ++options.dump_level; break;
        case 'D': options.action = Action::ListInterfaces; break;
        case 'e': options.output.link_header = true; break;
        case 'F': options.filter_file = std::string(argument); break;
        case 'g': options.output.one_line = true; break;
        case 'h':
        case option_help: options.action = Action::Help; break;
        case 'i': options.interface = std::string(argument); break;
        case 'K': options.output.verify_checksums = false; break;
        case 'l': options.line_buffered = true; break;
        case 'n': options.output.numeric = true; break;
        case 'O': options.optimize = false; break;
        case 'p': options.promiscuous = false; break;
        case 'q': options.output.quiet = true; break;
        case 'r': options.read_file = std::string(argument); break;
        case 's': {
            auto snaplen = parse_number<std::uint32_t>(argument);
            if (!snaplen || *snaplen > maximum_snaplen)
                return Unexpected{UsageError{fmt::format("invalid snaplen {} (must be >= 0 and <= {})", argument, maximum_snaplen)}};
            options.snaplen = *snaplen == 0 ? maximum_snaplen : *snaplen;
            break;
        }
        case 'S': options.output.absolute_sequence = true; break;
        case 'T': {
            // tcpdump knows more packet types; only DNS has a decoder here, so the others
            // are refused with tcpdump's message for an unknown one.
            auto type = packet_type_named(argument);
            if (!type) return Unexpected{UsageError{fmt::format("unknown packet type `{}'", argument)}};
            options.output.packet_type = *type;
            break;
        }
        case 't': ++timestamp_count; break;
        case 'U': options.packet_buffered = true; break;
        case 'v': ++options.output.verbosity; break;
        case 'w': options.write_file = std::string(argument); break;
        case 'x': ++hex_count; break;
        case 'X': ++hex_ascii_count; break;
        case 'y': options.link_type_name = std::string(argument); break;
        case '#':
        case option_number: options.output.packet_numbers = true; break;
        case option_version: options.action = Action::Version; break;
        case option_count: options.count_only = true; break;
        case option_immediate_mode: options.immediate = true; break;
        case option_print: options.print = true; break;
        case option_print_sampling: {
            auto nth = parse_number<std::uint64_t>(argument);
            if (!nth || *nth == 0) return Unexpected{UsageError{fmt::format("invalid print sampling {}", argument)}};
            options.print_sampling = *nth;
            // As in tcpdump: sampled packets are printed even with -w, and since the printer
            // misses most of each conversation, sequence numbers stay absolute.
            options.print = true;
            options.output.absolute_sequence = true;
            break;
        }
        case option_skip: {
            auto skip = parse_number<std::uint64_t>(argument);  // 0 is allowed (scripts loop from it)
            if (!skip) return Unexpected{UsageError{fmt::format("invalid number of packets to skip {}", argument)}};
            options.skip = *skip;
            break;
        }
        case option_lengths: options.lengths = true; break;
        case option_nano: options.output.nanoseconds = true; break;
        case option_micro: options.output.nanoseconds = false; break;
        case option_time_stamp_precision:
            if (argument == "nano") options.output.nanoseconds = true;
            else if (argument == "micro") options.output.nanoseconds = false;
            else return Unexpected{UsageError{fmt::format("unsupported time stamp precision {}", argument)}};
            break;
        case ':':
            if (is_short_option(optopt))
                return Unexpected{UsageError{fmt::format("option requires an argument -- '{}'", char(optopt))}};
            return Unexpected{UsageError{fmt::format("option '{}' requires an argument", argv[optind - 1])}};
        default:
            if (is_short_option(optopt))
                return Unexpected{UsageError{fmt::format("invalid option -- '{}'", char(optopt))}};
            if (optopt != 0)  // a known long option given "=value" it does not take
                return Unexpected{UsageError{fmt::format("option '{}' doesn't allow an argument",
                                                         option_name(argv[optind - 1]))}};
            return Unexpected{UsageError{fmt::format("unrecognized option '{}'", argv[optind - 1])}};
        }
    }
    // As in tcpdump: -X wins over -x, and the winner's own count decides whether the
    // link-layer header is dumped too (so -X -xx leaves it out).
    int level = hex_ascii_count > 0 ? hex_ascii_count : hex_count;
    options.output.hex = level == 0 ? HexDump::None : level == 1 ? HexDump::Network : HexDump::Link;
    options.output.hex_ascii = hex_ascii_count > 0;
    options.output.ascii = ascii_count > 0;
    options.output.ascii_link = ascii_count > 1;
    static constexpr TimestampStyle timestamp_styles[] = {
        TimestampStyle::Local, TimestampStyle::None, TimestampStyle::Epoch,
        TimestampStyle::DeltaPrevious, TimestampStyle::LocalDate, TimestampStyle::DeltaFirst};
    options.output.timestamps = timestamp_styles[std::min(timestamp_count, 5)];
    for (int i = optind; i < argc; ++i) options.expression_words.emplace_back(argv[i]);
    return options;
}

}  // namespace rawdump::cli
