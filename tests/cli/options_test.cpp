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
    CHECK(parse({"-Z"}).error().message == "invalid option -- 'Z'");
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
