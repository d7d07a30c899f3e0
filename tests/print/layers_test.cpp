// The other layers, one hand-built frame each (expected text from tcpdump 4.99.3), and their
// truncation at every length.
#include <doctest/doctest.h>

#include "tests/print/cut_expectations.hpp"

using namespace rawdump;
using namespace rawdump::test;

namespace {

// ICMP port unreachable quoting a UDP datagram 198.51.100.7:40000 -> 192.0.2.1:40001 "hello".
std::vector<std::byte> icmp_port_unreachable() {
    return bytes({0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x08, 0x00, 0x45, 0x00,
                  0x00, 0x3d, 0x00, 0x01, 0x00, 0x00, 0x40, 0x01, 0x8e, 0x83, 0xc0, 0x00, 0x02, 0x01, 0xc6, 0x33,
                  0x64, 0x07, 0x03, 0x03, 0xe9, 0x57, 0x00, 0x00, 0x00, 0x00, 0x45, 0x00, 0x00, 0x21, 0x00, 0x09,
                  0x00, 0x00, 0x40, 0x11, 0x8e, 0x87, 0xc6, 0x33, 0x64, 0x07, 0xc0, 0x00, 0x02, 0x01, 0x9c, 0x40,
                  0x9c, 0x41, 0x00, 0x0d, 0x97, 0x43, 0x68, 0x65, 0x6c, 0x6c, 0x6f});
}

// IPv6 with a hop-by-hop header (router alert, padn) before UDP.
std::vector<std::byte> ipv6_hop_by_hop_udp() {
    return bytes({0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x86, 0xdd, 0x60, 0x00,
                  0x00, 0x00, 0x00, 0x14, 0x00, 0x40, 0x20, 0x01, 0x0d, 0xb8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
                  0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x20, 0x01, 0x0d, 0xb8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
                  0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x11, 0x00, 0x05, 0x02, 0x00, 0x00, 0x01, 0x00, 0x9c, 0x40,
                  0x9c, 0x41, 0x00, 0x0c, 0xa7, 0x18, 0x61, 0x62, 0x63, 0x64});
}

// IPv4 with a record-route option (1.1.1.1, 2.2.2.2) and EOL, carrying UDP.
std::vector<std::byte> ipv4_record_route_udp() {
    return bytes({0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x08, 0x00, 0x48, 0x00,
                  0x00, 0x2c, 0x00, 0x01, 0x00, 0x00, 0x40, 0x11, 0x7a, 0x73, 0xc0, 0x00, 0x02, 0x01, 0xc6, 0x33,
                  0x64, 0x07, 0x07, 0x0b, 0x04, 0x01, 0x01, 0x01, 0x01, 0x02, 0x02, 0x02, 0x02, 0x00, 0x9c, 0x40,
                  0x9c, 0x41, 0x00, 0x0c, 0x00, 0x00, 0x61, 0x62, 0x63, 0x64});
}

std::vector<std::byte> arp_request() {
    return bytes({0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x08, 0x06,
                  0x00, 0x01, 0x08, 0x00, 0x06, 0x04, 0x00, 0x01, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55,
                  0xc0, 0x00, 0x02, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xc6, 0x33, 0x64, 0x07});
}

// Neighbour solicitation for fe80::2 from fe80::1 with a source link-address option.
std::vector<std::byte> neighbor_solicitation() {
    return bytes({0x33, 0x33, 0xff, 0x00, 0x00, 0x02, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x86, 0xdd, 0x60, 0x00,
                  0x00, 0x00, 0x00, 0x20, 0x3a, 0xff, 0xfe, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
                  0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0xff, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
                  0x00, 0x01, 0xff, 0x00, 0x00, 0x02, 0x87, 0x00, 0x15, 0xff, 0x00, 0x00, 0x00, 0x00, 0xfe, 0x80,
                  0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x01, 0x01,
                  0x00, 0x11, 0x22, 0x33, 0x44, 0x55});
}

}  // namespace

TEST_CASE("ICMP port unreachable; -v adds the quoted datagram") {
    check_prints(icmp_port_unreachable(), {
        {numeric_utc(),
         "IP 192.0.2.1 > 198.51.100.7: ICMP 192.0.2.1 udp port 40001 unreachable, length 41\n"},
        {with_verbosity(1),
         "IP (tos 0x0, ttl 64, id 1, offset 0, flags [none], proto ICMP (1), length 61)\n"
         "    192.0.2.1 > 198.51.100.7: ICMP 192.0.2.1 udp port 40001 unreachable, length 41\n"
         "\tIP (tos 0x0, ttl 64, id 9, offset 0, flags [none], proto UDP (17), length 33)\n"
         "    198.51.100.7.40000 > 192.0.2.1.40001: UDP, length 5\n"},
    });
}

TEST_CASE("IPv6 hop-by-hop options: the name, the options under -v, then ports only") {
    check_prints(ipv6_hop_by_hop_udp(), {
        {numeric_utc(), "IP6 2001:db8::1 > 2001:db8::2: HBH 40000 > 40001: UDP, length 4\n"},
        {with_verbosity(1),
         "IP6 (hlim 64, next-header Options (0) payload length: 20) 2001:db8::1 > 2001:db8::2: "
         "HBH (rtalert: 0x0000) (padn) 40000 > 40001: [udp sum ok] UDP, length 4\n"},
    });
}

TEST_CASE("ICMPv6 neighbour solicitation; -v moves the length and adds the options") {
    const auto frame = neighbor_solicitation();
    check_prints(frame, {
        {numeric_utc(),
         "IP6 fe80::1 > ff02::1:ff00:2: ICMP6, neighbor solicitation, who has fe80::2, length 32\n"},
        {with_verbosity(1),
         "IP6 (hlim 255, next-header ICMPv6 (58) payload length: 32) fe80::1 > ff02::1:ff00:2: [icmp6 sum ok] "
         "ICMP6, neighbor solicitation, length 32, who has fe80::2\n"
         "\t  source link-address option (1), length 8 (1): 00:11:22:33:44:55\n"},
    });
    // -vv: each option body in hex too
    CHECK(print_frame(with_verbosity(2), frame).ends_with("00:11:22:33:44:55\n\t    0x0000:  0011 2233 4455\n"));
}

TEST_CASE("IPv4 options are printed under -v only") {
    check_prints(ipv4_record_route_udp(), {
        {numeric_utc(), "IP 192.0.2.1.40000 > 198.51.100.7.40001: UDP, length 4\n"},
        {with_verbosity(1),
         "IP (tos 0x0, ttl 64, id 1, offset 0, flags [none], proto UDP (17), length 44, "
         "options (RR 1.1.1.1 2.2.2.2,EOL))\n"
         "    192.0.2.1.40000 > 198.51.100.7.40001: UDP, length 4\n"},
    });
}

TEST_CASE("-A prints the network layer as text") {
    auto o = numeric_utc();
    o.ascii = true;
    auto frame = udp4_bad_checksum_frame();
    CHECK(print_one(o, frame, 46) ==
          "IP 192.0.2.1.40000 > 198.51.100.7.40001: UDP, length 4\n"
          "E.. ....@........3d..@.A..C!abcd\n");
}

TEST_CASE("Linux cooked and BSD loopback headers") {
    auto udp = udp4_bad_checksum_frame();
    std::vector<std::byte> ip(udp.begin() + 14, udp.end());
    auto sll = concat({bytes({0x00, 0x04, 0x00, 0x01, 0x00, 0x06, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x00, 0x00,
                              0x08, 0x00}),
                       ip});
    auto o = numeric_utc();
    o.link_header = true;
    {
        PacketPrinter p(o, rawdump::LinkType::LinuxSll);
        rawdump::Frame f{{0, 0}, static_cast<std::uint32_t>(sll.size()), sll};
        fmt::memory_buffer out;
        p.print(f, out);
        CHECK(fmt::to_string(out) == "Out 00:11:22:33:44:55 ethertype IPv4 (0x0800), length 48: "
                                     "192.0.2.1.40000 > 198.51.100.7.40001: UDP, length 4\n");
    }
    auto null = concat({bytes({0x02, 0x00, 0x00, 0x00}), ip});  // AF_INET, little-endian writer
    {
        PacketPrinter p(o, rawdump::LinkType::Null);
        rawdump::Frame f{{0, 0}, static_cast<std::uint32_t>(null.size()), null};
        fmt::memory_buffer out;
        p.print(f, out);
        CHECK(fmt::to_string(out) ==
              "AF IPv4 (2), length 36: 192.0.2.1.40000 > 198.51.100.7.40001: UDP, length 4\n");
    }
}

TEST_CASE("ARP cut anywhere before its end prints only the marker") {
    auto frame = arp_request();
    PacketPrinter printer(numeric_utc(), rawdump::LinkType::En10mb);
    for (std::size_t cut = 14; cut < frame.size(); ++cut) {
        CAPTURE(cut);
        CHECK(print_one(numeric_utc(), std::span<const std::byte>{frame}.first(cut), 42, &printer) == " [|arp]\n");
    }
    CHECK(print_one(numeric_utc(), frame, 42, &printer) ==
          "ARP, Request who-has 198.51.100.7 tell 192.0.2.1, length 28\n");
}

TEST_CASE("every prefix of the other frames: one line each, under -v and -x") {
    auto o = with_verbosity(1);
    o.hex = HexDump::Network;
    PacketPrinter printer(o, rawdump::LinkType::En10mb);
    for (const auto& frame : {icmp_port_unreachable(), ipv6_hop_by_hop_udp(), ipv4_record_route_udp(), arp_request(),
                              neighbor_solicitation()}) {
        for (std::size_t cut = 0; cut <= frame.size(); ++cut) {
            CAPTURE(cut);
            std::string text = print_one(o, std::span<const std::byte>{frame}.first(cut),
                                         static_cast<std::uint32_t>(frame.size()), &printer);
            REQUIRE(!text.empty());
            CHECK(text.back() == '\n');
            // A cut before the last byte that matters shows a marker somewhere.
            if (cut > 0 && cut < 34) CHECK(text.find("[|") != std::string::npos);
        }
    }
}
