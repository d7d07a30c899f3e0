// Every prefix of a packet: never a read past the capture (run under ASan to prove it), always
// one complete line, and tcpdump's marker exactly where tcpdump puts it.
#include <doctest/doctest.h>

#include <random>

#include "tests/print/packets.hpp"

using namespace rawdump;
using namespace rawdump::test;

namespace {

std::string line_for_cut(const OutputOptions& o, const std::vector<std::byte>& frame, std::size_t cut,
                         PacketPrinter& printer) {
    return print_one(o, std::span<const std::byte>{frame}.first(cut), static_cast<std::uint32_t>(frame.size()),
                     &printer);
}

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

TEST_CASE("TCP/IPv4 cut at every length prints tcpdump's markers") {
    auto o = numeric_utc();
    auto frame = tcp4_frame();
    PacketPrinter printer(o, rawdump::LinkType::En10mb);
    const std::string ports = "IP 192.0.2.1.40000 > 198.51.100.7.9999: ";
    // The first packet with ACK records the connection and prints absolute numbers; later
    // cuts are relative to it.
    for (std::size_t cut = 0; cut <= frame.size(); ++cut) {
        CAPTURE(cut);
        std::string line = line_for_cut(o, frame, cut, printer);
        REQUIRE(ends_with(line, "\n"));
        if (cut == 0)
            CHECK(line == "[Invalid header: caplen==0]\n");
        else if (cut < 14)
            CHECK(line == " [|ether]\n");
        else if (cut == 14)
            CHECK(line == " [|ip]\n");
        else if (cut < 34)
            CHECK(line == "IP  [|ip]\n");
        else if (cut < 38)
            CHECK(line == "IP 192.0.2.1 > 198.51.100.7: [|tcp]\n");
        else if (cut < 54)
            CHECK(line == ports + " [|tcp]\n");
        else if (cut == 54)
            CHECK(line == ports + "Flags [P.], seq 1000001:1000013, ack 2000001, win 502, options [ [|tcp]\n");
        else if (cut == 55)
            CHECK(line == ports + "Flags [P.], seq 0:12, ack 1, win 502, options [nop, [|tcp]\n");
        else if (cut < 58)
            CHECK(line == ports + "Flags [P.], seq 0:12, ack 1, win 502, options [nop,nop, [|tcp]\n");
        else if (cut < 66)
            CHECK(line == ports + "Flags [P.], seq 0:12, ack 1, win 502, options [nop,nop,TS [|tcp]>\n");
        else
            CHECK(line == ports + "Flags [P.], seq 0:12, ack 1, win 502, options [nop,nop,TS val 101 ecr 200], "
                                  "length 12\n");
    }
}

TEST_CASE("UDP/IPv4 cut at every length") {
    auto o = numeric_utc();
    o.verbosity = 2;
    auto frame = udp4_bad_checksum_frame();
    PacketPrinter printer(o, rawdump::LinkType::En10mb);
    for (std::size_t cut = 34; cut <= frame.size(); ++cut) {
        CAPTURE(cut);
        std::string line = line_for_cut(o, frame, cut, printer);
        if (cut < 38)
            CHECK(ends_with(line, "192.0.2.1 > 198.51.100.7:  [|udp]\n"));
        else if (cut < 42)
            CHECK(ends_with(line, "192.0.2.1.40000 > 198.51.100.7.40001:  [|udp]\n"));
        else if (cut < 46)  // checksum needs the whole datagram
            CHECK(ends_with(line, "198.51.100.7.40001: UDP, length 4\n"));
        else
            CHECK(ends_with(line, "[bad udp cksum 0x4321 -> 0x1651!] UDP, length 4\n"));
    }
}

TEST_CASE("every prefix and random corruption under every flag set: one line, no crash") {
    std::vector<std::vector<std::byte>> frames{tcp4_frame(), udp4_bad_checksum_frame()};
    std::mt19937 random(12345);
    for (int i = 0; i < 300; ++i) {  // corrupted copies, including header length fields
        auto f = frames[i % 2];
        for (int k = 0; k < 4; ++k) f[random() % f.size()] = static_cast<std::byte>(random());
        frames.push_back(f);
    }
    for (int mask = 0; mask < 32; ++mask) {
        OutputOptions o = numeric_utc();
        o.verbosity = mask & 3;
        o.link_header = mask & 4;
        o.quiet = mask & 8;
        o.hex = (mask & 16) ? HexDump::Link : HexDump::Network;
        o.hex_ascii = mask & 1;
        PacketPrinter printer(o, rawdump::LinkType::En10mb);
        for (const auto& f : frames) {
            for (std::size_t cut = 0; cut <= f.size(); cut += (mask % 3) + 1) {
                std::string line = line_for_cut(o, f, cut, printer);
                REQUIRE(ends_with(line, "\n"));
            }
        }
    }
}
