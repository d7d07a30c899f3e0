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

namespace {

// Names one address and one port, and counts how often it is asked.
class FakeNames final : public print::NameLookup {
public:
    std::string_view host(const print::Ipv4Address& a) const noexcept override {
        ++asked;
        return a == print::Ipv4Address{{192, 0, 2, 1}} ? "fake-host" : "";
    }
    std::string_view host(const print::Ipv6Address&) const noexcept override { return ++asked, ""; }
    std::string_view tcp_port(std::uint16_t port) const noexcept override {
        ++asked;
        return port == 9999 ? "fake-port" : "";
    }
    std::string_view udp_port(std::uint16_t) const noexcept override { return ++asked, ""; }
    mutable int asked = 0;
};

// A zone that counts how often it is asked.
class CountingZone final : public print::TimeZone {
public:
    explicit CountingZone(std::int64_t offset) : offset_(offset) {}
    std::int64_t utc_offset(std::int64_t) const noexcept override { return ++asked, offset_; }
    mutable int asked = 0;

private:
    std::int64_t offset_;
};

std::string print_with(const OutputOptions& o, const print::NameLookup& names, const print::TimeZone& zone,
                       int packets = 1) {
    PacketPrinter printer(o, rawdump::LinkType::En10mb, names, zone);
    auto frame = tcp4_frame();
    std::string text;
    for (int i = 0; i < packets; ++i) text = print_one(o, frame, 78, &printer);
    return text;
}

}  // namespace

TEST_CASE("the printer prints the names it is handed, and asks nothing with -n") {
    FakeNames names;
    OutputOptions o = numeric_utc();
    o.numeric = false;
    CHECK(print_with(o, names, print::utc_time_zone) ==
          "IP fake-host.40000 > 198.51.100.7.fake-port: Flags [P.], seq 1000001:1000013, ack 2000001, "
          "win 502, options [nop,nop,TS val 101 ecr 200], length 12\n");
    CHECK(names.asked > 0);
    names.asked = 0;
    o.numeric = true;
    CHECK(print_with(o, names, print::utc_time_zone).find("IP 192.0.2.1.40000 > 198.51.100.7.9999:") == 0);
    CHECK(names.asked == 0);
    // Without a lookup handed in, the printer knows no names at all.
    o.numeric = false;
    PacketPrinter unnamed(o, rawdump::LinkType::En10mb);
    auto frame = tcp4_frame();
    CHECK(print_one(o, frame, 78, &unnamed).find("IP 192.0.2.1.40000 > 198.51.100.7.9999:") == 0);
}

TEST_CASE("local timestamps come from the zone handed in, asked once per quarter hour") {
    CountingZone new_york_winter(-5 * 3600);
    OutputOptions o = numeric_utc();
    o.timestamps = TimestampStyle::Local;
    CHECK(print_with(o, print::no_names, new_york_winter, 3).find("17:13:20.123456 IP ") == 0);
    CHECK(new_york_winter.asked == 1);
    o.timestamps = TimestampStyle::LocalDate;
    CHECK(print_with(o, print::no_names, new_york_winter).find("2023-11-14 17:13:20.123456 IP ") == 0);
    o.timestamps = TimestampStyle::Epoch;
    new_york_winter.asked = 0;
    CHECK(print_with(o, print::no_names, new_york_winter).find("1700000000.123456 IP ") == 0);
    CHECK(new_york_winter.asked == 0);
}

TEST_CASE("RADIUS times are local in the zone handed in, asked per attribute (tcpdump's ctime)") {
    // Accounting-Request with Event-Timestamps 1688000000 and 0 (expected text: tcpdump 4.99.3
    // with TZ=EST5, a fixed 5 hours west of UTC).
    auto frame = concat(
        {ethernet(0x08, 0x00),
         bytes({0x45, 0x00, 0x00, 0x3c, 0x00, 0x01, 0x00, 0x00, 0x40, 0x11, 0x8e, 0x74, 0xc0, 0x00, 0x02, 0x01,
                0xc6, 0x33, 0x64, 0x07, 0x9c, 0x40, 0x07, 0x15, 0x00, 0x28, 0x00, 0x00, 0x04, 0x07, 0x00, 0x20,
                0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11,
                0x37, 0x06, 0x64, 0x9c, 0xd6, 0x00, 0x37, 0x06, 0x00, 0x00, 0x00, 0x00})});
    CountingZone est(-5 * 3600);
    OutputOptions o = numeric_utc();
    o.verbosity = 1;
    PacketPrinter printer(o, rawdump::LinkType::En10mb, print::no_names, est);
    auto text = print_one(o, frame, static_cast<std::uint32_t>(frame.size()), &printer);
    CHECK(text.find("Event-Timestamp Attribute (55), length: 6, Value: Wed Jun 28 19:53:20 2023\n") !=
          std::string::npos);
    CHECK(text.find("Event-Timestamp Attribute (55), length: 6, Value: Wed Dec 31 19:00:00 1969") !=
          std::string::npos);
    CHECK(est.asked == 2);
}

namespace {

class FakeInterfaces final : public print::InterfaceNames {
public:
    std::string_view interface_name(std::uint32_t index) const noexcept override {
        ++asked;
        return index == 7 ? "fake0" : "";
    }
    mutable int asked = 0;
};

// tcp4_frame()'s IPv4 packet behind a LINUX_SLL2 header: IPv4, interface `index`, to us.
std::vector<std::byte> sll2_frame(int index) {
    auto ip = tcp4_frame();
    ip.erase(ip.begin(), ip.begin() + 14);
    return concat({bytes({0x08, 0x00, 0, 0, 0, 0, 0, index, 0x00, 0x01, 0x00, 6,
                          0x02, 0x00, 0x00, 0x00, 0x00, 0x01, 0, 0}),
                   ip});
}

std::string print_sll2(const OutputOptions& o, const print::InterfaceNames& interfaces, int index) {
    PacketPrinter printer(o, LinkType::LinuxSll2, print::no_names, print::utc_time_zone, interfaces);
    auto frame = sll2_frame(index);
    return print_one(o, frame, static_cast<std::uint32_t>(frame.size()), &printer);
}

}  // namespace

TEST_CASE("LINUX_SLL2 interface names come from the lookup handed in, with -n too") {
    FakeInterfaces interfaces;
    const auto o = numeric_utc();
    CHECK(print_sll2(o, interfaces, 7).find("fake0 In  IP 192.0.2.1.40000 > 198.51.100.7.9999: ") == 0);
    CHECK(interfaces.asked == 1);
    CHECK(print_sll2(o, interfaces, 8).find("?     In  IP 192.0.2.1.40000 > ") == 0);
    CHECK(print_sll2(o, print::no_interface_names, 7).find("?     In  IP ") == 0);
}

namespace {

// New York's 2023 fall-back: 06:00 UTC on 5 November, from -4 h to -5 h.
class FallBackZone final : public print::TimeZone {
public:
    static constexpr std::int64_t change = 1699164000;
    std::int64_t utc_offset(std::int64_t seconds) const noexcept override {
        ++asked;
        return seconds < change ? -4 * 3600 : -5 * 3600;
    }
    mutable int asked = 0;
};

std::string print_at(PacketPrinter& printer, std::int64_t seconds) {
    auto frame = tcp4_frame();
    rawdump::Frame f;
    f.time = {seconds, 5000};
    f.wire_length = 78;
    f.bytes = frame;
    fmt::memory_buffer out;
    printer.print(f, out);
    return fmt::to_string(out).substr(0, 16);
}

}  // namespace

TEST_CASE("a capture across a daylight saving change prints each side in its own offset (tcpdump)") {
    FallBackZone zone;
    OutputOptions o = numeric_utc();
    o.timestamps = TimestampStyle::Local;
    PacketPrinter printer(o, rawdump::LinkType::En10mb, print::no_names, zone);
    CHECK(print_at(printer, FallBackZone::change - 1) == "01:59:59.000005 ");
    CHECK(zone.asked == 1);
    CHECK(print_at(printer, FallBackZone::change + 599) == "01:09:59.000005 ");
    CHECK(zone.asked == 2);
    CHECK(print_at(printer, FallBackZone::change + 1) == "01:00:01.000005 ");
    CHECK(zone.asked == 2);  // the same quarter hour: not asked again
    CHECK(print_at(printer, FallBackZone::change - 2) == "01:59:58.000005 ");
    CHECK(zone.asked == 3);
}
