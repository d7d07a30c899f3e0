// The DNS printer on hand-built messages (expected text taken from tcpdump 4.99.3 on the same
// bytes): sections by verbosity, name compression and its loop guard, EDNS, mDNS, the TCP
// length prefix, tcpdump's markers at every cut, and -T domain through the whole printer.
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "src/print/app/dns.hpp"
#include "src/print/base/name_lookup.hpp"
#include "src/print/base/tcp_sequence.hpp"
#include "tests/print/packets.hpp"

using namespace rawdump;
using namespace rawdump::print;
using namespace rawdump::test;

namespace {

std::vector<std::byte> from_hex(std::string_view text) {
    std::vector<std::byte> out;
    int high = -1;
    for (char c : text) {
        int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (v < 0) continue;  // spaces group the fields
        if (high < 0) {
            high = v;
        } else {
            out.push_back(static_cast<std::byte>(high << 4 | v));
            high = -1;
        }
    }
    return out;
}

struct Printed {
    std::string text;
    bool unwound = false;
};

// `cut`: how many bytes were captured, when fewer than the whole message.
Printed print_message(std::string_view hex, int verbosity = 0, std::optional<std::size_t> cut = std::nullopt,
                      DnsTransport transport = DnsTransport::Udp, DnsFlavor flavor = DnsFlavor::Unicast) {
    auto bytes = from_hex(hex);
    OutputOptions options;
    options.numeric = true;
    options.verbosity = verbosity;
    NoNames names;
    TcpSequenceTable sequences;
    fmt::memory_buffer out;
    Context ctx{options, names, sequences, out};
    std::span<const std::byte> captured{bytes};
    if (cut) captured = captured.first(*cut);
    print_dns(ctx, ByteReader{captured}, static_cast<std::uint32_t>(bytes.size()), transport, flavor);
    return {fmt::to_string(out), ctx.unwound};
}

constexpr std::string_view query = "1234 0100 0001 0000 0000 0000 07 6578616d706c65 03 636f6d 00 0001 0001";
// www.example.com. CNAME example.com. (TTL 300), example.com. A 93.184.216.34 (TTL 3600).
constexpr std::string_view response =
    "1234 8180 0001 0002 0000 0000 03777777 07 6578616d706c65 03 636f6d 00 0001 0001"
    " c00c 0005 0001 0000012c 0002 c010"
    " c010 0001 0001 00000e10 0004 5db8d822";

}  // namespace

TEST_CASE("DNS query and response at each verbosity") {
    CHECK(print_message(query).text == "4660+ A? example.com. (29)");
    CHECK(print_message(response).text == "4660 2/0/0 CNAME example.com., A 93.184.216.34 (63)");
    CHECK(print_message(response, 1).text ==
          "4660 2/0/0 www.example.com. CNAME example.com., example.com. A 93.184.216.34 (63)");
    CHECK(print_message(response, 2).text ==
          "4660 q: A? www.example.com. 2/0/0 www.example.com. CNAME example.com., example.com. A 93.184.216.34 (63)");
    CHECK(print_message(response, 3).text ==
          "4660 q: A? www.example.com. 2/0/0 www.example.com. [5m] CNAME example.com., "
          "example.com. [1h] A 93.184.216.34 (63)");
}

TEST_CASE("DNS compression pointers must point backwards") {
    // A pointer to itself, and one past the label before it: both would loop.
    CHECK(print_message("1234 8180 0001 0000 0000 0000 c00c 0001 0001", 2).text ==
          "4660 q: A? <BAD PTR> [|domain]");
    CHECK(print_message("1234 8180 0001 0000 0000 0000 0161 c00e 0001 0001", 2).text ==
          "4660 q: A? a.<BAD PTR> [|domain]");
}

TEST_CASE("DNS extended response codes come from the OPT record") {
    CHECK(print_message("1234 8017 0001 0000 0000 0001 00 0001 0001 00 0029 1000 01 00 0000 0000").text ==
          "4660 BadCookie- 0/0/1 (28)");
    // tcpdump's table has no space before Resp17.
    CHECK(print_message("1234 8001 0001 0000 0000 0001 00 0001 0001 00 0029 1000 01 00 0000 0000").text ==
          "4660Resp17- 0/0/1 (28)");
}

TEST_CASE("EDNS options") {
    auto printed = print_message(
        "1234 0100 0001 0000 0000 0001 00 0001 0001 00 0029 1000 0000 8000 0030"
        " 0008 0007 00011800 0a0b0c"
        " 000a 0018 0102030405060708 1112131415161718191a1b1c1d1e1f20"
        " 000b 0002 0096"
        " 000c 0003 000000",
        2);
    CHECK(printed.text ==
          "4660+ [1au] A? . ar: . OPT UDPsize=4096 DO [ECS 10.11.12.0/24/0,COOKIE 0102030405060708 "
          "1112131415161718191a1b1c1d1e1f20,KEEPALIVE 15.0 sec,PADDING (3)] (80)");
}

TEST_CASE("mDNS class bits: unicast-response questions and cache-flush records") {
    constexpr std::string_view message =
        "0000 8400 0001 0001 0000 0000 0161 00 0001 8001 c00c 0001 8001 00000078 0004 c0a80001";
    CHECK(print_message(message, 2, std::nullopt, DnsTransport::Udp, DnsFlavor::Multicast).text ==
          "0*- q: A (QU)? a. 1/0/0 a. (Cache flush) A 192.168.0.1 (35)");
    // The same bytes on port 53 are just unusual classes.
    CHECK(print_message(message, 2).text == "0*- q: A (Class 32769)? a. 1/0/0 a. (Class 32769) A 192.168.0.1 (35)");
}

TEST_CASE("DNS labels tcpdump refuses or abbreviates") {
    CHECK(print_message("1234 0100 0001").text == "domain [length 6 < 12] (invalid)");
    CHECK(print_message("1234 0100 0001 0000 0000 0000 41 0c abc0 00 0001 0001", 2).text ==
          "4660+ A? \\[xabc/12]. (21)");
    CHECK(print_message("1234 8180 0000 0001 0000 0000 8161 00 0001 0001 00000000 0000", 1).text ==
          "4660 [0q] 1/0/0 <BAD LABEL TYPE> [|domain]");
    CHECK(print_message("1234 8180 0000 0001 0000 0000 4261 00 0001 0001 00000000 0000", 1).text ==
          "4660 [0q] 1/0/0 <ELT 2> [|domain]");
    // Five 63-byte labels: past 255 characters the name is cut and flagged.
    std::string name;
    for (int label = 0; label < 5; ++label) {
        name += "3f";
        for (int i = 0; i < 63; ++i) name += "61";  // 'a'
    }
    std::string long_query = "1234 0100 0001 0000 0000 0000 " + name + " 00 0001 0001";
    std::string text = print_message(long_query).text;
    CHECK(text.size() == std::string("4660+ A? ").size() + 255 + 1 + std::string("<DOMAIN NAME TOO LONG> (337)").size());
    CHECK(text.find(".<DOMAIN NAME TOO LONG> (337)") != std::string::npos);
}

TEST_CASE("a bit-string label cut short unwinds as tcpdump's GET macro does") {
    auto printed = print_message("1234 8180 0000 0001 0000 0000 41 20 abcdef01", 1, 16);
    CHECK(printed.text == "4660 [0q] 1/0/0 \\[xabcd [|domain]");
    CHECK(printed.unwound);
    // Running out in a place tcpdump checks first is an ordinary truncation.
    auto checked = print_message(response, 1, 40);
    CHECK(checked.text == "4660 2/0/0 www.example.com. [|domain]");
    CHECK_FALSE(checked.unwound);
}

TEST_CASE("a record header cut short ends the answers quietly, as tcpdump's snapend return does") {
    // The second answer's owner name is captured but not its type: tcpdump stops the section
    // without a marker when no answer is left to count, and prints the length.
    CHECK(print_message(response, 0, 48).text == "4660 2/0/0 CNAME example.com., (63)");
    CHECK(print_message(response, 1, 48).text ==
          "4660 2/0/0 www.example.com. CNAME example.com.,  [|domain]");
}

TEST_CASE("DNS over TCP: the length prefix") {
    std::string framed = "001d " + std::string(query);
    CHECK(print_message(framed, 0, std::nullopt, DnsTransport::Tcp).text == " 4660+ A? example.com. (29)");
    std::string wrong = "0021 " + std::string(query);
    CHECK(print_message(wrong, 0, std::nullopt, DnsTransport::Tcp).text ==
          " [prefix length(33) != length(29)] (invalid)");
    CHECK(print_message("00", 0, std::nullopt, DnsTransport::Tcp).text == " [DNS over TCP: length 1 < 2] (invalid)");
    auto cut = print_message(framed, 0, 1, DnsTransport::Tcp);
    CHECK(cut.text == " [|domain]");
    CHECK(cut.unwound);
    CHECK(print_message(framed, 0, 2, DnsTransport::Tcp).text == "  [|domain]");
}

TEST_CASE("DNS cut at every length never reads past the capture and ends the line properly") {
    auto ends_with = [](const std::string& s, std::string_view suffix) {
        return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    for (std::string_view message : {query, response}) {
        auto size = from_hex(message).size();
        std::string length = fmt::format(" ({})", size);
        for (int verbosity = 0; verbosity <= 3; ++verbosity) {
            for (std::size_t cut = 0; cut < size; ++cut) {
                CAPTURE(cut);
                CAPTURE(verbosity);
                auto text = print_message(message, verbosity, cut).text;
                CHECK((ends_with(text, " [|domain]") || ends_with(text, length)));
                if (cut < 12) CHECK(text == " [|domain]");
            }
            CHECK(ends_with(print_message(message, verbosity).text, length));
        }
    }
}

TEST_CASE("-T domain decodes any UDP port as DNS and skips the UDP checksum") {
    // 192.0.2.1.40000 > 198.51.100.7.8053, the query above, UDP checksum 0x4321 (wrong).
    auto frame = concat({ethernet(0x08, 0x00),
                         bytes({0x45, 0x00, 0x00, 0x39, 0x00, 0x01, 0x00, 0x00, 0x40, 0x11, 0x8e, 0x77,
                                0xc0, 0x00, 0x02, 0x01, 0xc6, 0x33, 0x64, 0x07,
                                0x9c, 0x40, 0x1f, 0x75, 0x00, 0x25, 0x43, 0x21}),
                         from_hex(query)});
    auto o = numeric_utc();
    o.verbosity = 2;
    auto wire = static_cast<std::uint32_t>(frame.size());
    CHECK(print_one(o, frame, wire).find("[bad udp cksum 0x4321 -> ") != std::string::npos);
    CHECK(print_one(o, frame, wire).find("UDP, length 29") != std::string::npos);
    o.packet_type = PacketType::Domain;
    CHECK(print_one(o, frame, wire) ==
          "IP (tos 0x0, ttl 64, id 1, offset 0, flags [none], proto UDP (17), length 57)\n"
          "    192.0.2.1.40000 > 198.51.100.7.8053: 4660+ A? example.com. (29)\n");
}
