// NTP as tcpdump 4.99.3's print-ntp.c shows it; every expected string was produced by the
// real tcpdump on the same UDP payload (port 123, -n).
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "src/print/base/context.hpp"
#include "src/print/app/ntp.hpp"
#include "src/print/app/ntp_fixed_point.hpp"
#include "src/print/base/tcp_sequence.hpp"
#include "tests/print/printer_harness.hpp"

using namespace rawdump;

namespace {

struct NtpResult {
    std::string text;
    bool unwound = false;
};

std::vector<std::byte> from_hex(std::string_view hex) {
    std::vector<std::byte> bytes;
    auto nibble = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
        bytes.push_back(static_cast<std::byte>(nibble(hex[i]) << 4 | nibble(hex[i + 1])));
    return bytes;
}

// Prints the payload `hex` (UDP declaring all of it) with only `captured` bytes captured.
NtpResult ntp(std::string_view hex, int verbosity = 1, std::size_t captured = std::string_view::npos) {
    test::PrinterHarness h(test::PrinterHarness::options_for(verbosity, true));
    h.print_captured(print::print_ntp, from_hex(hex), captured);
    return {h.text(), h.ctx.unwound};
}

template <typename Print>
std::string formatted(Print print) {
    test::PrinterHarness h(OutputOptions{});
    print(h.ctx);
    return h.text();
}

constexpr std::string_view zero_timestamps =
    "0000000000000000" "0000000000000000" "0000000000000000" "0000000000000000";

}  // namespace

TEST_CASE("without -v only version, mode and length") {
    CHECK(ntp("e30006ec" + std::string(88, '0'), 0).text == "NTPv4, Client, length 48");
    CHECK(ntp("97000000", 0).text == "NTPv2, Reserved, length 4");
}

TEST_CASE("a server reply with key ID and SHA-1 digest") {
    std::string hex = "240206ec000100000000fffe0a000001"
                      "dcf0b3b984000000" "dcf0b3b984000000" "dcf0b3b9c0000000" "dcf0b3b984000000"
                      "00000008" "0102030405060708090a0b0c0d0e0f1011121314";
    CHECK(ntp(hex).text ==
          "NTPv4, Server, length 72\n"
          "\tLeap indicator:  (0), Stratum 2 (secondary reference), poll 6 (64s), precision -20\n"
          "\tRoot Delay: 1.000000, Root dispersion: 0.999969, Reference-ID: 0x0a000001\n"
          "\t  Reference Timestamp:  3706762169.515625000 (2017-06-18T08:09:29Z)\n"
          "\t  Originator Timestamp: 3706762169.515625000 (2017-06-18T08:09:29Z)\n"
          "\t  Receive Timestamp:    3706762169.750000000 (2017-06-18T08:09:29Z)\n"
          "\t  Transmit Timestamp:   3706762169.515625000 (2017-06-18T08:09:29Z)\n"
          "\t    Originator - Receive Timestamp:  +0.234375000\n"
          "\t    Originator - Transmit Timestamp: -0.000000000\n"
          "\tKey id: 8\n"
          "\tAuthentication: 0102030405060708090a0b0c0d0e0f1011121314");
}

TEST_CASE("the trailer is recognised by the length alone") {
    std::string header = "230200000000000000000000c0000201" + std::string(zero_timestamps);
    CHECK(ntp(header + "00000001" + std::string(32, 'a')).text.ends_with(
        "\n\tKey id: 1\n\tAuthentication: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
    CHECK(ntp(header + "0000002a").text.ends_with("Transmit Timestamp: 0.000000000\n\tKey id: 42"));
    CHECK(ntp(header + std::string(18, '0')).text.ends_with("\n\t(9 more bytes after the header)"));
}

TEST_CASE("the reference ID depends on the stratum") {
    CHECK(ntp("2401fa00000000000000000047018022" + std::string(zero_timestamps)).text ==
          "NTPv4, Server, length 48\n"
          "\tLeap indicator:  (0), Stratum 1 (primary reference), poll -6 (1/64s), precision 0\n"
          "\tRoot Delay: 0.000000, Root dispersion: 0.000000, Reference-ID: G^AM-^@\"\n"
          "\t  Reference Timestamp:  0.000000000\n"
          "\t  Originator Timestamp: 0.000000000\n"
          "\t  Receive Timestamp:    0.000000000\n"
          "\t  Transmit Timestamp:   0.000000000\n"
          "\t    Originator - Receive Timestamp:  0.000000000\n"
          "\t    Originator - Transmit Timestamp: 0.000000000");
    // ntpd's info query stops the decoding after the address.
    CHECK(ntp("243e0000000000000000000001020304" + std::string(zero_timestamps)).text ==
          "NTPv4, Server, length 48\n"
          "\tLeap indicator:  (0), Stratum 62 (reserved), poll 0 (1s), precision 0\n"
          "\tRoot Delay: 0.000000, Root dispersion: 0.000000, Reference-ID: 1.2.3.4 INFO_QUERY");
}

TEST_CASE("timestamps before 1970 and deltas with a borrow") {
    CHECK(ntp("1c03e2e0000000000000000000000000" "0000000000000000" "0000006400000005" "0000006400000005"
              "0000006300000004")
              .text ==
          "NTPv3, Server, length 48\n"
          "\tLeap indicator:  (0), Stratum 3 (secondary reference), poll -30 (1/1073741824s), precision -32\n"
          "\tRoot Delay: 0.000000, Root dispersion: 0.000000, Reference-ID: 0x00000000\n"
          "\t  Reference Timestamp:  0.000000000\n"
          "\t  Originator Timestamp: 100.000000001 (1900-01-01T00:01:40Z)\n"
          "\t  Receive Timestamp:    100.000000001 (1900-01-01T00:01:40Z)\n"
          "\t  Transmit Timestamp:   99.000000000 (1900-01-01T00:01:39Z)\n"
          "\t    Originator - Receive Timestamp:  -0.000000000\n"
          "\t    Originator - Transmit Timestamp: -1.000000000");
}

TEST_CASE("fixed-point formatting") {
    using print::NtpShort, print::NtpTimestamp;
    CHECK(formatted([](auto& c) { print::print_ntp_short(c, NtpShort{0, 0x005a}); }) == "0.001373");
    CHECK(formatted([](auto& c) { print::print_ntp_timestamp(c, NtpTimestamp{2763234513u, 0x01fb1f3d}); }) ==
          "2763234513.007738068 (1987-07-25T21:08:33Z)");
    // Seconds below 2^31 are not moved into NTP era 1: they print as dates before 1970.
    CHECK(formatted([](auto& c) { print::print_ntp_timestamp(c, NtpTimestamp{1802554105u, 0}); }) ==
          "1802554105.000000000 (1957-02-13T21:28:25Z)");
    CHECK(formatted([](auto& c) {
              print::print_ntp_delta(c, NtpTimestamp{2929527464u, 0}, NtpTimestamp{3706870758u, 1});
          }).starts_with("+777343294.000000000"));
}

TEST_CASE("invalid lengths and truncation") {
    std::string short_time = "23" + std::string(92, '0');
    CHECK(ntp(short_time).text == "NTPv4, Client, length 47\n\tLeap indicator:  (0) (invalid)");
    auto cut = ntp(short_time, 1, 40);
    CHECK(cut.text == "NTPv4, Client, length 47\n\tLeap indicator:  (0) (invalid) [|ntp]");
    CHECK(cut.unwound);
    // A field that was not captured leaves no label behind.
    std::string reply = "240206ec000100000000fffe0a000001" + std::string(zero_timestamps);
    CHECK(ntp(reply, 1, 6).text ==
          "NTPv4, Server, length 48\n"
          "\tLeap indicator:  (0), Stratum 2 (secondary reference), poll 6 (64s), precision -20 [|ntp]");
    CHECK(ntp(reply, 1, 45).text.ends_with("\t  Receive Timestamp:    0.000000000 [|ntp]"));
    auto empty = ntp("", 1);
    CHECK(empty.text == " [|ntp]");
    CHECK(empty.unwound);
}

TEST_CASE("control messages (mode 6)") {
    CHECK(ntp("16020044000000000000000000").text ==
          "NTPv2, Control Message, length 13\n"
          "\tLeap indicator:  (0), Request, OK, Last, OpCode=2\n"
          "\tSequence=68, Status=0, Assoc.=0, Offset=0, Count=0");
    CHECK(ntp("16e20045061800010002000461626364").text ==
          "NTPv2, Control Message, length 16\n"
          "\tLeap indicator:  (0), Response, Error, More, OpCode=2\n"
          "\tSequence=69, Status=0x618, Assoc.=1, Offset=2, Count=4\n"
          "\tTO-BE-DONE: data not interpreted");
    CHECK(ntp("168200450000000000000005616263").text.ends_with("Offset=0, Count=5 (invalid)"));
    CHECK(ntp("1602004400").text == "NTPv2, Control Message, length 5\n\tLeap indicator:  (0) (invalid)");
    CHECK(ntp("1682004500000000000000086162636465666768", 1, 14).text.ends_with("Count=8 [|ntp]"));
}

TEST_CASE("mode 7 shows only the common header") {
    CHECK(ntp("97000000").text == "NTPv2, Reserved, length 4\n\tLeap indicator: -1s (128)");
}

TEST_CASE("NTP cut at every length never reads past the capture and ends in the marker") {
    const std::string hex = "240206ec000100000000fffe0a000001" "dcf0b3b984000000" "dcf0b3b984000000"
                            "dcf0b3b9c0000000" "dcf0b3b984000000" "00000008" "0102030405060708090a0b0c0d0e0f1011121314";
    const std::string full = ntp(hex, 3).text;
    for (std::size_t captured = 0; captured < hex.size() / 2; ++captured) {
        CAPTURE(captured);
        auto cut = ntp(hex, 3, captured);
        constexpr std::string_view marker = " [|ntp]";
        REQUIRE(cut.text.ends_with(marker));
        CHECK(cut.unwound);
        CHECK(full.starts_with(std::string_view(cut.text).substr(0, cut.text.size() - marker.size())));
    }
}
