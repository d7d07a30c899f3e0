// The command line: tcpdump's spellings, combined flags, operands after options, and
// tcpdump's messages for bad input.
#include <doctest/doctest.h>

#include <initializer_list>
#include <string>
#include <vector>

#include "src/cli/options.hpp"

using namespace rawdump;

namespace {

auto parse(std::initializer_list<const char*> words) {
    static std::vector<std::string> storage;
    storage.assign(words.begin(), words.end());
    storage.insert(storage.begin(), "rawdump");
    static std::vector<char*> argv;
    argv.clear();
    for (auto& word : storage) argv.push_back(word.data());
    argv.push_back(nullptr);
    return cli::parse_options(static_cast<int>(storage.size()), argv.data());
}

}  // namespace

TEST_CASE("the walking-skeleton command line") {
    auto options = parse({"-i", "lo", "-v", "-X", "-n", "tcp port 12345"});
    REQUIRE(options.has_value());
    CHECK(options->interface == "lo");
    CHECK(options->output.verbosity == 1);
    CHECK(options->output.hex == HexDump::Network);
    CHECK(options->output.hex_ascii);
    CHECK(options->output.numeric);
    CHECK(options->expression_words == std::vector<std::string>{"tcp port 12345"});
}

TEST_CASE("combined flags, attached arguments, operands mixed with options") {
    auto options = parse({"-nnvvvXXc5", "-ilo", "tcp", "port", "80", "-s", "96", "-p", "-ddd"});
    REQUIRE(options.has_value());
    CHECK(options->output.verbosity == 3);
    CHECK(options->output.hex == HexDump::Link);
    CHECK(options->count == 5);
    CHECK(options->interface == "lo");
    CHECK(options->snaplen == 96);
    CHECK_FALSE(options->promiscuous);
    CHECK(options->dump_level == 3);
    CHECK(options->expression_words == std::vector<std::string>{"tcp", "port", "80"});
}

TEST_CASE("-s 0 means the maximum; timestamps by count of -t") {
    auto options = parse({"-s", "0", "-ttt"});
    REQUIRE(options.has_value());
    CHECK(options->snaplen == 262144);
    CHECK(options->output.timestamps == TimestampStyle::DeltaPrevious);
}

TEST_CASE("long options") {
    CHECK(parse({"--version"})->action == cli::Action::Version);
    CHECK(parse({"--help"})->action == cli::Action::Help);
    CHECK(parse({"-h"})->action == cli::Action::Help);
    CHECK(parse({"-D"})->action == cli::Action::ListInterfaces);
    CHECK(parse({"--nano"})->output.nanoseconds);
    CHECK(parse({"--count"})->count_only);
}

TEST_CASE("bad input gets tcpdump's words") {
    CHECK(parse({"-c"}).error().message == "option requires an argument -- 'c'");
    CHECK(parse({"-Y"}).error().message == "invalid option -- 'Y'");  // Debian's build has no -Y
    CHECK(parse({"-Z"}).error().message == "option requires an argument -- 'Z'");
    CHECK(parse({"-Y"}).error().show_usage);
    CHECK_FALSE(parse({"-c", "0"}).error().show_usage);  // a bad value is one line, as in tcpdump
    CHECK(parse({"--bogus"}).error().message == "unrecognized option '--bogus'");
    CHECK(parse({"-c", "0"}).error().message == "invalid packet count 0");
    CHECK(parse({"-c", "abc"}).error().message == "invalid packet count abc");
    CHECK(parse({"-s", "abc"}).error().message == "invalid snaplen abc (must be >= 0 and <= 262144)");
    CHECK(parse({"-s", "262145"}).error().message == "invalid snaplen 262145 (must be >= 0 and <= 262144)");
}

TEST_CASE("hex and ASCII dump levels as tcpdump counts them") {
    auto x_X = parse({"-X", "-xx"});
    CHECK(x_X->output.hex == HexDump::Network);  // -X's own count decides
    CHECK(x_X->output.hex_ascii);
    CHECK(parse({"-xx"})->output.hex == HexDump::Link);
    CHECK_FALSE(parse({"-xx"})->output.hex_ascii);
    CHECK(parse({"-AA"})->output.ascii_link);
    CHECK_FALSE(parse({"-A"})->output.ascii_link);
    CHECK(parse({"-A"})->output.ascii);
}

TEST_CASE("-B sets the ring size in KiB") {
    CHECK(parse({"-B", "65536"})->buffer_kib == 65536);
    CHECK(parse({})->buffer_kib == 2048);
    CHECK(parse({"-B", "0"}).error().message == "invalid packet buffer size 0");
    CHECK(parse({"-B", "x"}).error().message == "invalid packet buffer size x");
}

TEST_CASE("--print prints beside -w; --print-sampling implies it and -S") {
    auto plain = parse({"-w", "out.pcap"});
    CHECK_FALSE(plain->print);
    CHECK(parse({"--print", "-w", "out.pcap"})->print);
    auto sampled = parse({"--print-sampling=3"});
    REQUIRE(sampled.has_value());
    CHECK(sampled->print_sampling == 3);
    CHECK(sampled->print);
    CHECK(sampled->output.absolute_sequence);
    CHECK(parse({"--print-sampling", "7"})->print_sampling == 7);
    CHECK(parse({"--print-sampling=0"}).error().message == "invalid print sampling 0");
    CHECK(parse({"--print-sampling=x"}).error().message == "invalid print sampling x");
    CHECK(parse({"--print-sampling"}).error().message == "option '--print-sampling' requires an argument");
    CHECK(parse({})->print_sampling == 0);
}

TEST_CASE("--skip takes a count, 0 included") {
    CHECK(parse({"--skip", "3"})->skip == 3);
    CHECK(parse({"--skip=0"})->skip == 0);
    auto with_count = parse({"--skip", "3", "-c", "4"});
    CHECK(with_count->skip == 3);
    CHECK(with_count->count == 4);
    CHECK(parse({"--skip", "-1"}).error().message == "invalid number of packets to skip -1");
    CHECK(parse({"--skip", "many"}).error().message == "invalid number of packets to skip many");
}

TEST_CASE("-g and --lengths") {
    CHECK(parse({"-vg"})->output.one_line);
    CHECK(parse({"-vg"})->output.verbosity == 1);
    CHECK_FALSE(parse({"-v"})->output.one_line);
    CHECK(parse({"--lengths"})->lengths);
    CHECK_FALSE(parse({})->lengths);
    CHECK(cli::usage_text().find("--print-sampling") != std::string::npos);
}

TEST_CASE("long options' argument errors in getopt's words") {
    CHECK(parse({"--time-stamp-precision"}).error().message == "option '--time-stamp-precision' requires an argument");
    CHECK(parse({"--skip"}).error().message == "option '--skip' requires an argument");
    CHECK(parse({"--count=3"}).error().message == "option '--count' doesn't allow an argument");
}

TEST_CASE("every long spelling of tcpdump 4.99.3 means its short option") {
    auto options = parse({"--buffer-size=4096", "--interface=eth0", "--monitor-mode",
                          "--time-stamp-type=host", "--dont-verify-checksums", "--no-optimize",
                          "--no-promiscuous-mode", "--direction=out", "--snapshot-length=96",
                          "--absolute-tcp-sequence-numbers", "--packet-buffered", "--linktype=LINUX_SLL",
                          "--relinquish-privileges=nobody", "--number", "--immediate-mode"});
    REQUIRE(options.has_value());
    CHECK(options->buffer_kib == 4096);
    CHECK(options->interface == "eth0");
    CHECK(options->monitor_mode);
    CHECK(options->time_stamp_type == "host");
    CHECK_FALSE(options->output.verify_checksums);
    CHECK_FALSE(options->optimize);
    CHECK_FALSE(options->promiscuous);
    CHECK(options->direction == cli::CaptureDirection::Out);
    CHECK(options->snaplen == 96);
    CHECK(options->output.absolute_sequence);
    CHECK(options->packet_buffered);
    CHECK(options->link_type_name == "LINUX_SLL");
    CHECK(options->relinquish_user == "nobody");
    CHECK(options->output.packet_numbers);
    CHECK(options->immediate);
    CHECK(parse({"--list-interfaces"})->action == cli::Action::ListInterfaces);
    CHECK(parse({"--list-data-link-types"})->action == cli::Action::ListLinkTypes);
    CHECK(parse({"--list-time-stamp-types"})->action == cli::Action::ListTimestampTypes);
    CHECK(parse({"--fp-type"})->action == cli::Action::FloatingPointType);
}

TEST_CASE("-L and -J list only for a live capture; -J wins over -L as in tcpdump") {
    CHECK(parse({"-L", "-i", "lo"})->action == cli::Action::ListLinkTypes);
    CHECK(parse({"-L", "-J"})->action == cli::Action::ListTimestampTypes);
    CHECK(parse({"-L", "-r", "x.pcap"})->action == cli::Action::Capture);
    CHECK(parse({"-J", "-V", "list"})->action == cli::Action::Capture);
}

TEST_CASE("rotation: -C in millions of bytes, -G seconds, -W files, -z") {
    auto options = parse({"-w", "out", "-C", "2", "-G", "60", "-W", "5", "-z", "gzip"});
    REQUIRE(options.has_value());
    CHECK(options->rotate_size == 2000000);
    CHECK(options->rotate_seconds == 60);
    CHECK(options->file_count == 5);
    CHECK(options->postrotate_command == "gzip");
    CHECK(options->rotate_clock_start > 1700000000);  // read with -G, as tcpdump reads the clock
    CHECK(parse({"-C", "1"})->rotate_clock_start == 0);
    CHECK(parse({"-C", "0"}).error().message == "invalid file size 0");
    CHECK(parse({"-C", "1.5"}).error().message == "invalid file size 1.5");
    CHECK(parse({"-C", "1k"}).error().message == "invalid file size 1k");
    CHECK(parse({"-C", "9223372036855"}).error().message == "file size 9223372036855 is too large");
    CHECK(parse({"-C", "9223372036854"})->rotate_size == 9223372036854000000u);
    // tcpdump reads -G and -W with atoi: trailing junk is ignored, overflow wraps negative.
    CHECK(parse({"-G", "1x"})->rotate_seconds == 1);
    CHECK(parse({"-G", "abc"})->rotate_seconds == 0);
    CHECK(parse({"-G", "-1"}).error().message == "invalid number of seconds -1");
    CHECK(parse({"-G", "2147483648"}).error().message == "invalid number of seconds 2147483648");
    CHECK(parse({"-W", "3x"})->file_count == 3);
    CHECK(parse({"-W", "0"}).error().message == "invalid number of output files 0");
    CHECK(parse({"-W", "0x10"}).error().message == "invalid number of output files 0x10");
    CHECK(parse({"-c", "3x"})->count == 3);
    CHECK(parse({"-s", "0x100"})->snaplen == 256);
}

TEST_CASE("-Q, -j, -V, -f and the options whose decoders come later") {
    CHECK(parse({"-Q", "in"})->direction == cli::CaptureDirection::In);
    CHECK(parse({"-Q", "inout"})->direction == cli::CaptureDirection::InOut);
    CHECK(parse({})->direction == cli::CaptureDirection::InOut);
    CHECK(parse({"-Q", "foo"}).error().message == "unknown capture direction `foo'");
    CHECK(parse({"-j", "adapter_unsynced"})->time_stamp_type == "adapter_unsynced");
    CHECK(parse({"-j", "foo"}).error().message == "invalid time stamp type foo");
    CHECK(parse({"-V", "list"})->file_list == "list");
    CHECK(parse({"-V", "list", "-r", "x"}).error().message == "-V and -r are mutually exclusive.");
    CHECK(parse({"-f", "-r", "x"}).error().message == "-f can not be used with -V or -r");
    CHECK(parse({"-f"})->output.foreign_numeric);
    CHECK(parse({"-N"})->output.strip_domain);
    CHECK(parse({"-u"})->output.nfs_handles);
    CHECK(parse({"-b"})->output.bgp_asdot);
    CHECK(parse({"-H"})->output.mesh_headers);
    CHECK(parse({"-a"}).has_value());
    CHECK(parse({"-I"})->monitor_mode);
    CHECK(parse({"--time-stamp-precision=foo"}).error().message == "unsupported time stamp precision");
    CHECK(parse({"--nano"})->time_stamp_precision_given);
    CHECK_FALSE(parse({})->time_stamp_precision_given);
    CHECK(parse({"-T", "rpc"}).error().message == "-T rpc is not supported yet (only -T domain is)");
    CHECK(parse({"-T", "quic"}).error().message == "unknown packet type `quic'");
    CHECK(parse({"-E", "esp:secret"}).error().message == "-E (ESP decryption) is not supported yet");
    CHECK(parse({"-M", "secret"}).error().message == "-M (TCP-MD5 signature checks) is not supported yet");
}
