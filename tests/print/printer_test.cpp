// Whole lines from PacketPrinter for hand-built frames (expected text taken from tcpdump 4.99.3).
#include <doctest/doctest.h>

#include "tests/print/packets.hpp"

using namespace rawdump;
using namespace rawdump::test;

TEST_CASE("TCP/IPv4 default line with -n") {
    auto frame = tcp4_frame();
    CHECK(print_one(numeric_utc(), frame, 78) ==
          "IP 192.0.2.1.40000 > 198.51.100.7.9999: Flags [P.], seq 1000001:1000013, ack 2000001, win 502, "
          "options [nop,nop,TS val 101 ecr 200], length 12\n");
}

TEST_CASE("-v adds the IPv4 header line and checks the TCP checksum") {
    auto o = numeric_utc();
    o.verbosity = 1;
    auto frame = tcp4_frame();
    CHECK(print_one(o, frame, 78) ==
          "IP (tos 0x0, ttl 64, id 1, offset 0, flags [none], proto TCP (6), length 64)\n"
          "    192.0.2.1.40000 > 198.51.100.7.9999: Flags [P.], cksum 0x6b32 (correct), seq 1000001:1000013, "
          "ack 2000001, win 502, options [nop,nop,TS val 101 ecr 200], length 12\n");
    frame[14 + 20 + 16] = std::byte{0x12};  // corrupt the TCP checksum
    CHECK(print_one(o, frame, 78).find("cksum 0x1232 (incorrect -> 0x6b32)") != std::string::npos);
    o.verify_checksums = false;  // -K
    CHECK(print_one(o, frame, 78).find("cksum") == std::string::npos);
}

TEST_CASE("relative sequence numbers start at the first packet with ACK") {
    auto o = numeric_utc();
    PacketPrinter printer(o, rawdump::LinkType::En10mb);
    auto frame = tcp4_frame();
    CHECK(print_one(o, frame, 78, &printer).find("seq 1000001:1000013, ack 2000001") != std::string::npos);
    CHECK(print_one(o, frame, 78, &printer).find("seq 0:12, ack 1,") != std::string::npos);
    o.absolute_sequence = true;  // -S
    PacketPrinter absolute(o, rawdump::LinkType::En10mb);
    print_one(o, frame, 78, &absolute);
    CHECK(print_one(o, frame, 78, &absolute).find("seq 1000001:1000013, ack 2000001") != std::string::npos);
}

TEST_CASE("-q shortens TCP to its payload length") {
    auto o = numeric_utc();
    o.quiet = true;
    auto frame = tcp4_frame();
    CHECK(print_one(o, frame, 78) == "IP 192.0.2.1.40000 > 198.51.100.7.9999: tcp 12\n");
}

TEST_CASE("UDP checksum over IPv4 is shown from -vv") {
    auto o = numeric_utc();
    auto frame = udp4_bad_checksum_frame();
    CHECK(print_one(o, frame, 46) == "IP 192.0.2.1.40000 > 198.51.100.7.40001: UDP, length 4\n");
    o.verbosity = 1;
    CHECK(print_one(o, frame, 46).find("cksum") == std::string::npos);
    o.verbosity = 2;
    CHECK(print_one(o, frame, 46) ==
          "IP (tos 0x0, ttl 64, id 1, offset 0, flags [none], proto UDP (17), length 32)\n"
          "    192.0.2.1.40000 > 198.51.100.7.40001: [bad udp cksum 0x4321 -> 0x1651!] UDP, length 4\n");
}

TEST_CASE("-e prints the Ethernet header; -x skips it and -xx does not") {
    auto o = numeric_utc();
    o.link_header = true;
    auto frame = udp4_bad_checksum_frame();
    CHECK(print_one(o, frame, 46) ==
          "00:11:22:33:44:55 > 66:77:88:99:aa:bb, ethertype IPv4 (0x0800), length 46: "
          "192.0.2.1.40000 > 198.51.100.7.40001: UDP, length 4\n");
    o.link_header = false;
    o.hex = HexDump::Network;
    CHECK(print_one(o, frame, 46) ==
          "IP 192.0.2.1.40000 > 198.51.100.7.40001: UDP, length 4\n"
          "\t0x0000:  4500 0020 0001 0000 4011 8e90 c000 0201\n"
          "\t0x0010:  c633 6407 9c40 9c41 000c 4321 6162 6364\n");
    o.hex = HexDump::Link;
    o.hex_ascii = true;
    CHECK(print_one(o, frame, 46) ==
          "IP 192.0.2.1.40000 > 198.51.100.7.40001: UDP, length 4\n"
          "\t0x0000:  6677 8899 aabb 0011 2233 4455 0800 4500  fw......\"3DU..E.\n"
          "\t0x0010:  0020 0001 0000 4011 8e90 c000 0201 c633  ......@........3\n"
          "\t0x0020:  6407 9c40 9c41 000c 4321 6162 6364       d..@.A..C!abcd\n");
}

TEST_CASE("unknown ethertype prints the header and the payload in hex and ASCII") {
    auto frame = concat({ethernet(0x88, 0xb5), bytes({'l', 'o', 'c', 'a', 'l'})});
    CHECK(print_one(numeric_utc(), frame, 19) ==
          "00:11:22:33:44:55 > 66:77:88:99:aa:bb, ethertype Unknown (0x88b5), length 19: \n"
          "\t0x0000:  6c6f 6361 6c                             local\n");
}

TEST_CASE("ARP request and reply") {
    auto request = concat({bytes({0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x08, 0x06}),
                           bytes({0x00, 0x01, 0x08, 0x00, 0x06, 0x04, 0x00, 0x01, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55,
                                  192, 0, 2, 1, 0, 0, 0, 0, 0, 0, 198, 51, 100, 7})});
    CHECK(print_one(numeric_utc(), request, 42) ==
          "ARP, Request who-has 198.51.100.7 tell 192.0.2.1, length 28\n");
    auto o = numeric_utc();
    o.verbosity = 1;
    CHECK(print_one(o, request, 42) ==
          "ARP, Ethernet (len 6), IPv4 (len 4), Request who-has 198.51.100.7 tell 192.0.2.1, length 28\n");
}

TEST_CASE("header problems are reported instead of decoding") {
    auto frame = tcp4_frame();
    CHECK(print_one(numeric_utc(), std::span<const std::byte>{}, 78) == "[Invalid header: caplen==0]\n");
    CHECK(print_one(numeric_utc(), frame, 10) == "[Invalid header: len(10) < caplen(78)]\n");
}

TEST_CASE("packet numbers and the epoch timestamp") {
    auto o = numeric_utc();
    o.packet_numbers = true;
    o.timestamps = TimestampStyle::Epoch;
    auto frame = udp4_bad_checksum_frame();
    CHECK(print_one(o, frame, 46) ==
          "    1  1700000000.123456 IP 192.0.2.1.40000 > 198.51.100.7.40001: UDP, length 4\n");
}
