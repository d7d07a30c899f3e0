// Cisco DTP and CDP over SNAP, and the Ethernet configuration testing protocol ("Loopback").
// Expected text from tcpdump 4.99.3, every cut of the capture included.
#include <doctest/doctest.h>

#include "tests/print/cut_expectations.hpp"

using namespace rawdump;
using namespace rawdump::test;

TEST_CASE("DTP: version by default, the TLVs under -v") {
    const auto frame = bytes({0x01, 0x00, 0x0c, 0xcc, 0xcc, 0xcc, 0xaa, 0xbb, 0xcc, 0x00, 0x03, 0x10, 0x00, 0x22, 0xaa, 0xaa,
        0x03, 0x00, 0x00, 0x0c, 0x20, 0x04, 0x01, 0x00, 0x01, 0x00, 0x05, 0x00, 0x00, 0x02, 0x00, 0x05,
        0x81, 0x00, 0x03, 0x00, 0x05, 0xa5, 0x00, 0x04, 0x00, 0x0a, 0xaa, 0xbb, 0xcc, 0x00, 0x03, 0x10,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00});
    check_prints(frame, {
        {numeric_utc(),
         "DTPv1, length 26\n"},
        {with_link_header(),
         "aa:bb:cc:00:03:10 > 01:00:0c:cc:cc:cc, 802.3, length 34: LLC, dsap SNAP (0xaa) Individual, ssap SNAP (0xaa) Command, ctrl 0x03: oui Cisco (0x00000c), pid DTP (0x2004), length 26: DTPv1, length 26\n"},
    });
    check_whole_and_cuts(with_verbosity(1), frame,
        "DTPv1, length 26\n"
        "\tDomain (0x0001) TLV, length 5, \n"
        "\tStatus (0x0002) TLV, length 5, 0x81\n"
        "\tDTP type (0x0003) TLV, length 5, 0xa5\n"
        "\tNeighbor (0x0004) TLV, length 10, aa:bb:cc:00:03:10\n", {
        {1, 13, 0, " [|ether]\n"},
        {14, 14, 0, " [|llc]\n"},
        {15, 15, 0, " [|llc]\n"
            "\t0x0000:  aa                                       .\n"},
        {16, 16, 0, " [|llc]\n"
            "\t0x0000:  aaaa                                     ..\n"},
        {17, 21, 0, " [|snap]\n"},
        {22, 22, 0, " [|dtp]\n"},
        {23, 26, 0, "DTPv1, length 26 [|dtp]\n"},
        {27, 31, 1, "\tDomain (0x0001) TLV, length 5,  [|dtp]\n"},
        {32, 32, 2, "\tStatus (0x0002) TLV, length 5 [|dtp]\n"},
        {33, 36, 2, "\tStatus (0x0002) TLV, length 5, 0x81 [|dtp]\n"},
        {37, 37, 3, "\tDTP type (0x0003) TLV, length 5 [|dtp]\n"},
        {38, 41, 3, "\tDTP type (0x0003) TLV, length 5, 0xa5 [|dtp]\n"},
        {42, 47, 4, "\tNeighbor (0x0004) TLV, length 10 [|dtp]\n"},
        {48, 60, 5, ""},
    });
}

TEST_CASE("CDP: the Device-ID and hex by default, every TLV decoded under -v") {
    const auto frame = bytes({0x01, 0x00, 0x0c, 0xcc, 0xcc, 0xcc, 0xaa, 0xbb, 0xcc, 0x00, 0x03, 0x10, 0x00, 0xb5, 0xaa, 0xaa,
        0x03, 0x00, 0x00, 0x0c, 0x20, 0x00, 0x02, 0xb4, 0x12, 0x34, 0x00, 0x01, 0x00, 0x07, 0x53, 0x57,
        0x31, 0x00, 0x05, 0x00, 0x13, 0x49, 0x4f, 0x53, 0x20, 0x31, 0x35, 0x0a, 0x6c, 0x69, 0x6e, 0x65,
        0x20, 0x74, 0x77, 0x6f, 0x00, 0x02, 0x00, 0x2d, 0x00, 0x00, 0x00, 0x02, 0x01, 0x01, 0xcc, 0x00,
        0x04, 0x0a, 0x00, 0x00, 0x01, 0x02, 0x08, 0xaa, 0xaa, 0x03, 0x00, 0x00, 0x00, 0x86, 0xdd, 0x00,
        0x10, 0x20, 0x01, 0x0d, 0xb8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x01, 0x00, 0x03, 0x00, 0x09, 0x47, 0x69, 0x30, 0x2f, 0x31, 0x00, 0x04, 0x00, 0x08, 0x00, 0x00,
        0x00, 0x29, 0x00, 0x07, 0x00, 0x0e, 0x0a, 0x01, 0x00, 0x00, 0x10, 0xc0, 0xa8, 0x00, 0x00, 0x18,
        0x00, 0x0a, 0x00, 0x06, 0x00, 0x0a, 0x00, 0x0b, 0x00, 0x05, 0x00, 0x00, 0x10, 0x00, 0x06, 0x18,
        0x9c, 0x00, 0x11, 0x00, 0x08, 0x00, 0x00, 0x05, 0xdc, 0x00, 0x17, 0x00, 0x0b, 0x01, 0x72, 0x6f,
        0x6f, 0x6d, 0x20, 0x35, 0x00, 0x0e, 0x00, 0x07, 0x01, 0x00, 0x64, 0x00, 0x15, 0x00, 0x07, 0x06,
        0x08, 0x2b, 0x00, 0x16, 0x00, 0x11, 0x00, 0x00, 0x00, 0x01, 0x01, 0x02, 0xcc, 0xcc, 0x00, 0x03,
        0x61, 0x62, 0x63});
    CHECK(print_frame(with_verbosity(1), frame) ==
          "CDPv2, ttl: 180s, checksum: 0x1234 (unverified), length 173\n"
          "\tDevice-ID (0x01), value length: 3 bytes: 'SW1'\n"
          "\tVersion String (0x05), value length: 15 bytes: \n"
          "\t  IOS 15\n"
          "\t  line two\n"
          "\tAddress (0x02), value length: 41 bytes: IPv4 (2) 10.0.0.1 IPv6 (1) 2001:db8::1\n"
          "\tPort-ID (0x03), value length: 5 bytes: 'Gi0/1'\n"
          "\tCapability (0x04), value length: 4 bytes: (0x00000029): Router, L2 Switch, IGMP snooping\n"
          "\tPrefixes (0x07), value length: 10 bytes:  IPv4 Prefixes (2): 10.1.0.0/16 192.168.0.0/24\n"
          "\tNative VLAN ID (0x0a), value length: 2 bytes: 10\n"
          "\tDuplex (0x0b), value length: 1 byte: half\n"
          "\tpower consumption (0x10), value length: 2 bytes: 6.30W\n"
          "\tMTU (0x11), value length: 4 bytes: 1500 bytes\n"
          "\tPhysical Location (0x17), value length: 7 bytes: 0x01/room 5\n"
          "\tATA-186 VoIP VLAN assignment (0x0e), value length: 3 bytes: app 1, vlan 100\n"
          "\tSystem Object ID (not decoded) (0x15), value length: 3 bytes: \n"
          "\tManagement Addresses (0x16), value length: 13 bytes: pt=0x01, pl=2, pb= cc cc, al=3, a= 61 62 63\n");
    check_whole_and_cuts(numeric_utc(), frame,
        "CDPv2, ttl: 180s, Device-ID 'SW1'\n"
        "\t  0x0000:  494f 5320 3135 0a6c 696e 6520 7477 6f\n"
        "\t  0x0000:  0000 0002 0101 cc00 040a 0000 0102 08aa\n"
        "\t  0x0010:  aa03 0000 0086 dd00 1020 010d b800 0000\n"
        "\t  0x0020:  0000 0000 0000 0000 01\n"
        "\t  0x0000:  4769 302f 31\n"
        "\t  0x0000:  0000 0029\n"
        "\t  0x0000:  0a01 0000 10c0 a800 0018\n"
        "\t  0x0000:  000a\n"
        "\t  0x0000:  00\n"
        "\t  0x0000:  189c\n"
        "\t  0x0000:  0000 05dc\n"
        "\t  0x0000:  0172 6f6f 6d20 35\n"
        "\t  0x0000:  0100 64\n"
        "\t  0x0000:  0608 2b\n"
        "\t  0x0000:  0000 0001 0102 cccc 0003 6162 63, length 173\n", {
        {1, 13, 0, " [|ether]\n"},
        {14, 14, 0, " [|llc]\n"},
        {15, 15, 0, " [|llc]\n"
            "\t0x0000:  aa                                       .\n"},
        {16, 16, 0, " [|llc]\n"
            "\t0x0000:  aaaa                                     ..\n"},
        {17, 21, 0, " [|snap]\n"},
        {22, 23, 0, " [|cdp]\n"},
        {24, 29, 0, "CDPv2, ttl: 180s [|cdp]\n"},
        {30, 30, 0, "CDPv2, ttl: 180s, Device-ID ' [|cdp]\n"},
        {31, 31, 0, "CDPv2, ttl: 180s, Device-ID 'S [|cdp]\n"},
        {32, 32, 0, "CDPv2, ttl: 180s, Device-ID 'SW [|cdp]\n"},
        {33, 51, 0, "CDPv2, ttl: 180s, Device-ID 'SW1' [|cdp]\n"},
        {52, 96, 1, "\t  0x0000:  494f 5320 3135 0a6c 696e 6520 7477 6f [|cdp]\n"},
        {97, 105, 4, "\t  0x0020:  0000 0000 0000 0000 01 [|cdp]\n"},
        {106, 113, 5, "\t  0x0000:  4769 302f 31 [|cdp]\n"},
        {114, 127, 6, "\t  0x0000:  0000 0029 [|cdp]\n"},
        {128, 133, 7, "\t  0x0000:  0a01 0000 10c0 a800 0018 [|cdp]\n"},
        {134, 138, 8, "\t  0x0000:  000a [|cdp]\n"},
        {139, 144, 9, "\t  0x0000:  00 [|cdp]\n"},
        {145, 152, 10, "\t  0x0000:  189c [|cdp]\n"},
        {153, 163, 11, "\t  0x0000:  0000 05dc [|cdp]\n"},
        {164, 170, 12, "\t  0x0000:  0172 6f6f 6d20 35 [|cdp]\n"},
        {171, 177, 13, "\t  0x0000:  0100 64 [|cdp]\n"},
        {178, 194, 14, "\t  0x0000:  0608 2b [|cdp]\n"},
        {195, 195, 16, ""},
    });
}

TEST_CASE("Loopback reply") {
    const auto frame = bytes({0xaa, 0xbb, 0xcc, 0x00, 0x02, 0x00, 0xaa, 0xbb, 0xcc, 0x00, 0x02, 0x00, 0x90, 0x00, 0x00, 0x00,
        0x01, 0x00, 0x07, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00});
    CHECK(print_frame(with_link_header(), frame) ==
          "aa:bb:cc:00:02:00 > aa:bb:cc:00:02:00, ethertype Loopback (0x9000), length 60: Loopback, skipCount 0, Reply, receipt number 7, data (40 octets)\n");
    check_whole_and_cuts(numeric_utc(), frame,
        "Loopback, skipCount 0, Reply, receipt number 7, data (40 octets)\n", {
        {1, 13, 0, " [|ether]\n"},
        {14, 15, 0, "Loopback [|loopback]\n"},
        {16, 17, 0, "Loopback, skipCount 0 [|loopback]\n"},
        {18, 19, 0, "Loopback, skipCount 0, Reply [|loopback]\n"},
        {20, 59, 0, "Loopback, skipCount 0, Reply, receipt number 7, data (40 octets) [|loopback]\n"},
        {60, 60, 1, ""},
    });
}

TEST_CASE("Loopback forward data after a skip count") {
    const auto frame = bytes({0xaa, 0xbb, 0xcc, 0x00, 0x02, 0x00, 0xaa, 0xbb, 0xcc, 0x00, 0x02, 0x00, 0x90, 0x00, 0x08, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0xaa, 0xbb, 0xcc, 0x00, 0x02, 0x01,
        0x01, 0x00, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00});
    check_whole_and_cuts(numeric_utc(), frame,
        "Loopback, skipCount 8, Forward Data, forwarding address aa:bb:cc:00:02:01, data (34 octets)\n", {
        {1, 13, 0, " [|ether]\n"},
        {14, 15, 0, "Loopback [|loopback]\n"},
        {16, 25, 0, "Loopback, skipCount 8 [|loopback]\n"},
        {26, 31, 0, "Loopback, skipCount 8, Forward Data [|loopback]\n"},
        {32, 65, 0, "Loopback, skipCount 8, Forward Data, forwarding address aa:bb:cc:00:02:01, data (34 octets) [|loopback]\n"},
        {66, 66, 1, ""},
    });
}
