// Ethernet and IP overlays: VXLAN, OTV (UDP 8472) and GRE. Expected text from tcpdump 4.99.3,
// every cut of the capture included.
#include <doctest/doctest.h>

#include "tests/print/cut_expectations.hpp"

using namespace rawdump;
using namespace rawdump::test;

TEST_CASE("VXLAN: the inner frame on its own line") {
    const auto frame = bytes({0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x08, 0x00, 0x45, 0x00,
        0x00, 0x4e, 0x00, 0x01, 0x00, 0x00, 0x40, 0x11, 0x8e, 0x62, 0xc0, 0x00, 0x02, 0x01, 0xc6, 0x33,
        0x64, 0x07, 0xb0, 0x5d, 0x12, 0xb5, 0x00, 0x3a, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x64, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00, 0x30, 0x88, 0x01, 0x00, 0x02, 0x08, 0x06,
        0x00, 0x01, 0x08, 0x00, 0x06, 0x04, 0x00, 0x01, 0x00, 0x30, 0x88, 0x01, 0x00, 0x02, 0xc0, 0xa8,
        0xcb, 0x05, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xc0, 0xa8, 0xcb, 0x03});
    check_prints(frame, {
        {with_link_header(),
         "00:11:22:33:44:55 > 66:77:88:99:aa:bb, ethertype IPv4 (0x0800), length 92: 192.0.2.1.45149 > 198.51.100.7.4789: VXLAN, flags [I] (0x08), vni 100\n"
         "00:30:88:01:00:02 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 42: Request who-has 192.168.203.3 tell 192.168.203.5, length 28\n"},
        {with_verbosity(2),
         "IP (tos 0x0, ttl 64, id 1, offset 0, flags [none], proto UDP (17), length 78)\n"
         "    192.0.2.1.45149 > 198.51.100.7.4789: [no cksum] VXLAN, flags [I] (0x08), vni 100\n"
         "ARP, Ethernet (len 6), IPv4 (len 4), Request who-has 192.168.203.3 tell 192.168.203.5, length 28\n"},
        {with_quiet(),
         "IP 192.0.2.1.45149 > 198.51.100.7.4789: UDP, length 50\n"},
    });
    check_ipv4_header_cuts(numeric_utc(), frame);
    check_whole_and_cuts(numeric_utc(), frame,
        "IP 192.0.2.1.45149 > 198.51.100.7.4789: VXLAN, flags [I] (0x08), vni 100\n"
        "ARP, Request who-has 192.168.203.3 tell 192.168.203.5, length 28\n", {
        {34, 37, 0, "IP 192.0.2.1 > 198.51.100.7:  [|udp]\n"},
        {38, 41, 0, "IP 192.0.2.1.45149 > 198.51.100.7.4789:  [|udp]\n"},
        {42, 42, 0, "IP 192.0.2.1.45149 > 198.51.100.7.4789: VXLAN [|vxlan]\n"},
        {43, 48, 0, "IP 192.0.2.1.45149 > 198.51.100.7.4789: VXLAN, flags [I] (0x08),  [|vxlan]\n"},
        {49, 49, 1, " [|vxlan]\n"},
        {50, 63, 1, " [|ether]\n"},
        {64, 91, 1, " [|arp]\n"},
        {92, 92, 2, ""},
    });
    check_whole_and_cuts(with_hex(), frame,
        "IP 192.0.2.1.45149 > 198.51.100.7.4789: VXLAN, flags [I] (0x08), vni 100\n"
        "ARP, Request who-has 192.168.203.3 tell 192.168.203.5, length 28\n"
        "\t0x0000:  4500 004e 0001 0000 4011 8e62 c000 0201\n"
        "\t0x0010:  c633 6407 b05d 12b5 003a 0000 0800 0000\n"
        "\t0x0020:  0000 6400 ffff ffff ffff 0030 8801 0002\n"
        "\t0x0030:  0806 0001 0800 0604 0001 0030 8801 0002\n"
        "\t0x0040:  c0a8 cb05 0000 0000 0000 c0a8 cb03\n", {
        {42, 42, 0, "IP 192.0.2.1.45149 > 198.51.100.7.4789: VXLAN [|vxlan]\n"
            "\t0x0000:  6677 8899 aabb 0011 2233 4455 0800 4500\n"
            "\t0x0010:  004e 0001 0000 4011 8e62 c000 0201 c633\n"
            "\t0x0020:  6407 b05d 12b5 003a 0000\n"},
        {43, 43, 0, "IP 192.0.2.1.45149 > 198.51.100.7.4789: VXLAN, flags [I] (0x08),  [|vxlan]\n"
            "\t0x0000:  6677 8899 aabb 0011 2233 4455 0800 4500\n"
            "\t0x0010:  004e 0001 0000 4011 8e62 c000 0201 c633\n"
            "\t0x0020:  6407 b05d 12b5 003a 0000 08\n"},
        {44, 44, 0, "IP 192.0.2.1.45149 > 198.51.100.7.4789: VXLAN, flags [I] (0x08),  [|vxlan]\n"
            "\t0x0000:  6677 8899 aabb 0011 2233 4455 0800 4500\n"
            "\t0x0010:  004e 0001 0000 4011 8e62 c000 0201 c633\n"
            "\t0x0020:  6407 b05d 12b5 003a 0000 0800\n"},
        {45, 45, 0, "IP 192.0.2.1.45149 > 198.51.100.7.4789: VXLAN, flags [I] (0x08),  [|vxlan]\n"
            "\t0x0000:  6677 8899 aabb 0011 2233 4455 0800 4500\n"
            "\t0x0010:  004e 0001 0000 4011 8e62 c000 0201 c633\n"
            "\t0x0020:  6407 b05d 12b5 003a 0000 0800 00\n"},
        {46, 46, 0, "IP 192.0.2.1.45149 > 198.51.100.7.4789: VXLAN, flags [I] (0x08),  [|vxlan]\n"
            "\t0x0000:  6677 8899 aabb 0011 2233 4455 0800 4500\n"
            "\t0x0010:  004e 0001 0000 4011 8e62 c000 0201 c633\n"
            "\t0x0020:  6407 b05d 12b5 003a 0000 0800 0000\n"},
        {47, 47, 0, "IP 192.0.2.1.45149 > 198.51.100.7.4789: VXLAN, flags [I] (0x08),  [|vxlan]\n"
            "\t0x0000:  6677 8899 aabb 0011 2233 4455 0800 4500\n"
            "\t0x0010:  004e 0001 0000 4011 8e62 c000 0201 c633\n"
            "\t0x0020:  6407 b05d 12b5 003a 0000 0800 0000 00\n"},
        {48, 48, 0, "IP 192.0.2.1.45149 > 198.51.100.7.4789: VXLAN, flags [I] (0x08),  [|vxlan]\n"
            "\t0x0000:  6677 8899 aabb 0011 2233 4455 0800 4500\n"
            "\t0x0010:  004e 0001 0000 4011 8e62 c000 0201 c633\n"
            "\t0x0020:  6407 b05d 12b5 003a 0000 0800 0000 0000\n"},
        {49, 49, 1, " [|vxlan]\n"
            "\t0x0000:  6677 8899 aabb 0011 2233 4455 0800 4500\n"
            "\t0x0010:  004e 0001 0000 4011 8e62 c000 0201 c633\n"
            "\t0x0020:  6407 b05d 12b5 003a 0000 0800 0000 0000\n"
            "\t0x0030:  64\n"},
        {50, 50, 1, " [|ether]\n"
            "\t0x0000:  4500 004e 0001 0000 4011 8e62 c000 0201\n"
            "\t0x0010:  c633 6407 b05d 12b5 003a 0000 0800 0000\n"
            "\t0x0020:  0000 6400\n"},
        {51, 51, 1, " [|ether]\n"
            "\t0x0000:  4500 004e 0001 0000 4011 8e62 c000 0201\n"
            "\t0x0010:  c633 6407 b05d 12b5 003a 0000 0800 0000\n"
            "\t0x0020:  0000 6400 ff\n"},
    });
}

TEST_CASE("UDP 8472 is OTV in tcpdump 4.99.3") {
    const auto frame = bytes({0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x08, 0x00, 0x45, 0x00,
        0x00, 0x4e, 0x00, 0x01, 0x00, 0x00, 0x40, 0x11, 0x8e, 0x62, 0xc0, 0x00, 0x02, 0x01, 0xc6, 0x33,
        0x64, 0x07, 0xb0, 0x5d, 0x21, 0x18, 0x00, 0x3a, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x64, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00, 0x30, 0x88, 0x01, 0x00, 0x02, 0x08, 0x06,
        0x00, 0x01, 0x08, 0x00, 0x06, 0x04, 0x00, 0x01, 0x00, 0x30, 0x88, 0x01, 0x00, 0x02, 0xc0, 0xa8,
        0xcb, 0x05, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xc0, 0xa8, 0xcb, 0x03});
    CHECK(print_frame(with_link_header(), frame) ==
          "00:11:22:33:44:55 > 66:77:88:99:aa:bb, ethertype IPv4 (0x0800), length 92: 192.0.2.1.45149 > 198.51.100.7.8472: OTV, flags [I] (0x08), overlay 0, instance 100\n"
          "00:30:88:01:00:02 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 42: Request who-has 192.168.203.3 tell 192.168.203.5, length 28\n");
    check_ipv4_header_cuts(numeric_utc(), frame);
    check_whole_and_cuts(numeric_utc(), frame,
        "IP 192.0.2.1.45149 > 198.51.100.7.8472: OTV, flags [I] (0x08), overlay 0, instance 100\n"
        "ARP, Request who-has 192.168.203.3 tell 192.168.203.5, length 28\n", {
        {34, 37, 0, "IP 192.0.2.1 > 198.51.100.7:  [|udp]\n"},
        {38, 41, 0, "IP 192.0.2.1.45149 > 198.51.100.7.8472:  [|udp]\n"},
        {42, 42, 0, "IP 192.0.2.1.45149 > 198.51.100.7.8472: OTV,  [|otv]\n"},
        {43, 45, 0, "IP 192.0.2.1.45149 > 198.51.100.7.8472: OTV, flags [I] (0x08),  [|otv]\n"},
        {46, 48, 0, "IP 192.0.2.1.45149 > 198.51.100.7.8472: OTV, flags [I] (0x08), overlay 0,  [|otv]\n"},
        {49, 49, 1, " [|otv]\n"},
        {50, 63, 1, " [|ether]\n"},
        {64, 91, 1, " [|arp]\n"},
        {92, 92, 2, ""},
    });
    check_cuts(with_hex(), frame, {
        {42, 42, "IP 192.0.2.1.45149 > 198.51.100.7.8472: OTV,  [|otv]\n"
            "\t0x0000:  6677 8899 aabb 0011 2233 4455 0800 4500\n"
            "\t0x0010:  004e 0001 0000 4011 8e62 c000 0201 c633\n"
            "\t0x0020:  6407 b05d 2118 003a 0000\n"},
        {43, 43, "IP 192.0.2.1.45149 > 198.51.100.7.8472: OTV, flags [I] (0x08),  [|otv]\n"
            "\t0x0000:  6677 8899 aabb 0011 2233 4455 0800 4500\n"
            "\t0x0010:  004e 0001 0000 4011 8e62 c000 0201 c633\n"
            "\t0x0020:  6407 b05d 2118 003a 0000 08\n"},
        {44, 44, "IP 192.0.2.1.45149 > 198.51.100.7.8472: OTV, flags [I] (0x08),  [|otv]\n"
            "\t0x0000:  6677 8899 aabb 0011 2233 4455 0800 4500\n"
            "\t0x0010:  004e 0001 0000 4011 8e62 c000 0201 c633\n"
            "\t0x0020:  6407 b05d 2118 003a 0000 0800\n"},
        {45, 45, "IP 192.0.2.1.45149 > 198.51.100.7.8472: OTV, flags [I] (0x08),  [|otv]\n"
            "\t0x0000:  6677 8899 aabb 0011 2233 4455 0800 4500\n"
            "\t0x0010:  004e 0001 0000 4011 8e62 c000 0201 c633\n"
            "\t0x0020:  6407 b05d 2118 003a 0000 0800 00\n"},
        {46, 46, "IP 192.0.2.1.45149 > 198.51.100.7.8472: OTV, flags [I] (0x08), overlay 0,  [|otv]\n"
            "\t0x0000:  6677 8899 aabb 0011 2233 4455 0800 4500\n"
            "\t0x0010:  004e 0001 0000 4011 8e62 c000 0201 c633\n"
            "\t0x0020:  6407 b05d 2118 003a 0000 0800 0000\n"},
        {47, 47, "IP 192.0.2.1.45149 > 198.51.100.7.8472: OTV, flags [I] (0x08), overlay 0,  [|otv]\n"
            "\t0x0000:  6677 8899 aabb 0011 2233 4455 0800 4500\n"
            "\t0x0010:  004e 0001 0000 4011 8e62 c000 0201 c633\n"
            "\t0x0020:  6407 b05d 2118 003a 0000 0800 0000 00\n"},
        {48, 48, "IP 192.0.2.1.45149 > 198.51.100.7.8472: OTV, flags [I] (0x08), overlay 0,  [|otv]\n"
            "\t0x0000:  6677 8899 aabb 0011 2233 4455 0800 4500\n"
            "\t0x0010:  004e 0001 0000 4011 8e62 c000 0201 c633\n"
            "\t0x0020:  6407 b05d 2118 003a 0000 0800 0000 0000\n"},
        {49, 49, "IP 192.0.2.1.45149 > 198.51.100.7.8472: OTV, flags [I] (0x08), overlay 0, instance 100\n"
            " [|otv]\n"
            "\t0x0000:  6677 8899 aabb 0011 2233 4455 0800 4500\n"
            "\t0x0010:  004e 0001 0000 4011 8e62 c000 0201 c633\n"
            "\t0x0020:  6407 b05d 2118 003a 0000 0800 0000 0000\n"
            "\t0x0030:  64\n"},
        {50, 50, "IP 192.0.2.1.45149 > 198.51.100.7.8472: OTV, flags [I] (0x08), overlay 0, instance 100\n"
            " [|ether]\n"
            "\t0x0000:  4500 004e 0001 0000 4011 8e62 c000 0201\n"
            "\t0x0010:  c633 6407 b05d 2118 003a 0000 0800 0000\n"
            "\t0x0020:  0000 6400\n"},
        {51, 51, "IP 192.0.2.1.45149 > 198.51.100.7.8472: OTV, flags [I] (0x08), overlay 0, instance 100\n"
            " [|ether]\n"
            "\t0x0000:  4500 004e 0001 0000 4011 8e62 c000 0201\n"
            "\t0x0010:  c633 6407 b05d 2118 003a 0000 0800 0000\n"
            "\t0x0020:  0000 6400 ff\n"},
    });
}

TEST_CASE("GRE with key and sequence number carrying IPv4") {
    const auto frame = bytes({0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x08, 0x00, 0x45, 0x00,
        0x00, 0x40, 0x00, 0x01, 0x00, 0x00, 0x40, 0x2f, 0x8e, 0x52, 0xc0, 0x00, 0x02, 0x01, 0xc6, 0x33,
        0x64, 0x07, 0x30, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0x28, 0x00, 0x00, 0x00, 0x07, 0x45, 0x00,
        0x00, 0x20, 0x00, 0x01, 0x00, 0x00, 0x40, 0x11, 0x66, 0xca, 0x0a, 0x00, 0x00, 0x01, 0x0a, 0x00,
        0x00, 0x02, 0x9c, 0x40, 0x9c, 0x41, 0x00, 0x0c, 0x00, 0x00, 0x61, 0x62, 0x63, 0x64});
    CHECK(print_frame(with_link_header(), frame) ==
          "00:11:22:33:44:55 > 66:77:88:99:aa:bb, ethertype IPv4 (0x0800), length 78: 192.0.2.1 > 198.51.100.7: GREv0, key=0x28, seq 7, proto IPv4 (0x0800), length 44: 10.0.0.1.40000 > 10.0.0.2.40001: UDP, length 4\n");
    check_ipv4_header_cuts(numeric_utc(), frame);
    check_whole_and_cuts(numeric_utc(), frame,
        "IP 192.0.2.1 > 198.51.100.7: GREv0, key=0x28, seq 7, length 44: IP 10.0.0.1.40000 > 10.0.0.2.40001: UDP, length 4\n", {
        {34, 35, 0, "IP 192.0.2.1 > 198.51.100.7:  [|gre]\n"},
        {36, 41, 0, "IP 192.0.2.1 > 198.51.100.7: GREv0 [|gre]\n"},
        {42, 45, 0, "IP 192.0.2.1 > 198.51.100.7: GREv0, key=0x28 [|gre]\n"},
        {46, 46, 0, "IP 192.0.2.1 > 198.51.100.7: GREv0, key=0x28, seq 7, length 44:  [|ip]\n"},
        {47, 65, 0, "IP 192.0.2.1 > 198.51.100.7: GREv0, key=0x28, seq 7, length 44: IP  [|ip]\n"},
        {66, 69, 0, "IP 192.0.2.1 > 198.51.100.7: GREv0, key=0x28, seq 7, length 44: IP 10.0.0.1 > 10.0.0.2:  [|udp]\n"},
        {70, 73, 0, "IP 192.0.2.1 > 198.51.100.7: GREv0, key=0x28, seq 7, length 44: IP 10.0.0.1.40000 > 10.0.0.2.40001:  [|udp]\n"},
        {74, 78, 1, ""},
    });
    check_ipv4_header_cuts(with_verbosity(1), frame);
    check_whole_and_cuts(with_verbosity(1), frame,
        "IP (tos 0x0, ttl 64, id 1, offset 0, flags [none], proto GRE (47), length 64)\n"
        "    192.0.2.1 > 198.51.100.7: GREv0, Flags [key present, sequence# present], key=0x28, seq 7, length 44\n"
        "\tIP (tos 0x0, ttl 64, id 1, offset 0, flags [none], proto UDP (17), length 32)\n"
        "    10.0.0.1.40000 > 10.0.0.2.40001: UDP, length 4\n", {
        {34, 35, 1, "    192.0.2.1 > 198.51.100.7:  [|gre]\n"},
        {36, 41, 1, "    192.0.2.1 > 198.51.100.7: GREv0, Flags [key present, sequence# present] [|gre]\n"},
        {42, 45, 1, "    192.0.2.1 > 198.51.100.7: GREv0, Flags [key present, sequence# present], key=0x28 [|gre]\n"},
        {46, 46, 2, "\t [|ip]\n"},
        {47, 65, 2, "\tIP  [|ip]\n"},
        {66, 69, 3, "    10.0.0.1 > 10.0.0.2:  [|udp]\n"},
        {70, 73, 3, "    10.0.0.1.40000 > 10.0.0.2.40001:  [|udp]\n"},
        {74, 78, 4, ""},
    });
}

TEST_CASE("GRE source route entries, the current one starred") {
    const auto frame = bytes({0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x08, 0x00, 0x45, 0x00,
        0x00, 0x4c, 0x00, 0x01, 0x00, 0x00, 0x40, 0x2f, 0x8e, 0x46, 0xc0, 0x00, 0x02, 0x01, 0xc6, 0x33,
        0x64, 0x07, 0x40, 0x00, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x08, 0x00, 0x04, 0x08, 0x0a, 0x09,
        0x09, 0x01, 0x0a, 0x09, 0x09, 0x02, 0x00, 0x00, 0x00, 0x00, 0x45, 0x00, 0x00, 0x20, 0x00, 0x01,
        0x00, 0x00, 0x40, 0x11, 0x66, 0xca, 0x0a, 0x00, 0x00, 0x01, 0x0a, 0x00, 0x00, 0x02, 0x9c, 0x40,
        0x9c, 0x41, 0x00, 0x0c, 0x00, 0x00, 0x61, 0x62, 0x63, 0x64});
    CHECK(print_frame(numeric_utc(), frame) ==
          "IP 192.0.2.1 > 198.51.100.7: GREv0, off 0x0, (rtaf=ip 10.9.9.1 *10.9.9.2), length 56: IP 10.0.0.1.40000 > 10.0.0.2.40001: UDP, length 4\n");
    check_ipv4_header_cuts(with_verbosity(1), frame);
    check_whole_and_cuts(with_verbosity(1), frame,
        "IP (tos 0x0, ttl 64, id 1, offset 0, flags [none], proto GRE (47), length 76)\n"
        "    192.0.2.1 > 198.51.100.7: GREv0, Flags [routing present], sum 0x0, off 0x0, (rtaf=ip 10.9.9.1 *10.9.9.2), length 56\n"
        "\tIP (tos 0x0, ttl 64, id 1, offset 0, flags [none], proto UDP (17), length 32)\n"
        "    10.0.0.1.40000 > 10.0.0.2.40001: UDP, length 4\n", {
        {34, 35, 1, "    192.0.2.1 > 198.51.100.7:  [|gre]\n"},
        {36, 39, 1, "    192.0.2.1 > 198.51.100.7: GREv0, Flags [routing present] [|gre]\n"},
        {40, 41, 1, "    192.0.2.1 > 198.51.100.7: GREv0, Flags [routing present], sum 0x0 [|gre]\n"},
        {42, 45, 1, "    192.0.2.1 > 198.51.100.7: GREv0, Flags [routing present], sum 0x0, off 0x0 [|gre]\n"},
        {46, 49, 1, "    192.0.2.1 > 198.51.100.7: GREv0, Flags [routing present], sum 0x0, off 0x0, (rtaf=ip) [|gre]\n"},
        {50, 53, 1, "    192.0.2.1 > 198.51.100.7: GREv0, Flags [routing present], sum 0x0, off 0x0, (rtaf=ip 10.9.9.1) [|gre]\n"},
        {54, 57, 1, "    192.0.2.1 > 198.51.100.7: GREv0, Flags [routing present], sum 0x0, off 0x0, (rtaf=ip 10.9.9.1 *10.9.9.2) [|gre]\n"},
        {58, 58, 2, "\t [|ip]\n"},
        {59, 77, 2, "\tIP  [|ip]\n"},
        {78, 81, 3, "    10.0.0.1 > 10.0.0.2:  [|udp]\n"},
        {82, 85, 3, "    10.0.0.1.40000 > 10.0.0.2.40001:  [|udp]\n"},
        {86, 90, 4, ""},
    });
}
