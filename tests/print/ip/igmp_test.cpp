// IGMP (print-igmp.c): hand-built messages; the expected text is what tcpdump 4.99.3 printed
// for them (generated once with the real tcpdump, every cut of the capture included).
#include <doctest/doctest.h>

#include "tests/print/cut_expectations.hpp"

using namespace rawdump;
using namespace rawdump::test;

TEST_CASE("IGMPv3 query: response time, group and its sources by -v level") {
    const auto frame = bytes({0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x08, 0x00, 0x45, 0x00,
        0x00, 0x28, 0x00, 0x01, 0x00, 0x00, 0x01, 0x02, 0x17, 0xd1, 0xc0, 0x00, 0x02, 0x01, 0xe0, 0x00,
        0x00, 0x01, 0x11, 0x8c, 0xe6, 0xec, 0xef, 0x01, 0x02, 0x03, 0x02, 0x7d, 0x00, 0x02, 0x0a, 0x00,
        0x00, 0x01, 0x0a, 0x00, 0x00, 0x02});
    check_prints(frame, {
        {with_verbosity(1),
         "IP (tos 0x0, ttl 1, id 1, offset 0, flags [none], proto IGMP (2), length 40)\n"
         "    192.0.2.1 > 224.0.0.1: igmp query v3 [max resp time 22.4s] [gaddr 239.1.2.3, 2 source(s)]\n"},
        {with_verbosity(2),
         "IP (tos 0x0, ttl 1, id 1, offset 0, flags [none], proto IGMP (2), length 40)\n"
         "    192.0.2.1 > 224.0.0.1: igmp query v3 [max resp time 22.4s] [gaddr 239.1.2.3 { 10.0.0.1 10.0.0.2 }]\n"},
        {with_quiet(),
         "IP 192.0.2.1 > 224.0.0.1: igmp\n"},
    });
    check_ipv4_header_cuts(numeric_utc(), frame);
    check_whole_and_cuts(numeric_utc(), frame,
        "IP 192.0.2.1 > 224.0.0.1: igmp query v3 [max resp time 22.4s] [gaddr 239.1.2.3, 2 source(s)]\n", {
        {34, 34, 0, "IP 192.0.2.1 > 224.0.0.1:  [|igmp]\n"},
        {35, 35, 0, "IP 192.0.2.1 > 224.0.0.1: igmp query v3 [|igmp]\n"},
        {36, 41, 0, "IP 192.0.2.1 > 224.0.0.1: igmp query v3 [max resp time 22.4s] [|igmp]\n"},
        {42, 45, 0, "IP 192.0.2.1 > 224.0.0.1: igmp query v3 [max resp time 22.4s] [gaddr 239.1.2.3 [|igmp]\n"},
        {46, 54, 1, ""},
    });
}

TEST_CASE("IGMPv3 report: group records appear under -v, their sources under -vv") {
    const auto frame = bytes({0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x08, 0x00, 0x45, 0x00,
        0x00, 0x30, 0x00, 0x01, 0x00, 0x00, 0x01, 0x02, 0x17, 0xb4, 0xc0, 0x00, 0x02, 0x01, 0xe0, 0x00,
        0x00, 0x16, 0x22, 0x00, 0xe7, 0xf2, 0x00, 0x00, 0x00, 0x02, 0x01, 0x00, 0x00, 0x01, 0xef, 0x01,
        0x01, 0x01, 0x0a, 0x01, 0x01, 0x01, 0x09, 0x00, 0x00, 0x00, 0xef, 0x02, 0x02, 0x02});
    check_prints(frame, {
        {numeric_utc(),
         "IP 192.0.2.1 > 224.0.0.22: igmp v3 report, 2 group record(s)\n"},
        {with_verbosity(2),
         "IP (tos 0x0, ttl 1, id 1, offset 0, flags [none], proto IGMP (2), length 48)\n"
         "    192.0.2.1 > 224.0.0.22: igmp v3 report, 2 group record(s) [gaddr 239.1.1.1 is_in { 10.1.1.1 }] [gaddr 239.2.2.2  [v3-report-#9] { }]\n"},
    });
    check_ipv4_header_cuts(with_verbosity(1), frame);
    check_whole_and_cuts(with_verbosity(1), frame,
        "IP (tos 0x0, ttl 1, id 1, offset 0, flags [none], proto IGMP (2), length 48)\n"
        "    192.0.2.1 > 224.0.0.22: igmp v3 report, 2 group record(s) [gaddr 239.1.1.1 is_in, 1 source(s)] [gaddr 239.2.2.2  [v3-report-#9], 0 source(s)]\n", {
        {34, 34, 1, "    192.0.2.1 > 224.0.0.22:  [|igmp]\n"},
        {35, 41, 1, "    192.0.2.1 > 224.0.0.22: igmp v3 report [|igmp]\n"},
        {42, 49, 1, "    192.0.2.1 > 224.0.0.22: igmp v3 report, 2 group record(s) [|igmp]\n"},
        {50, 61, 1, "    192.0.2.1 > 224.0.0.22: igmp v3 report, 2 group record(s) [gaddr 239.1.1.1 is_in, 1 source(s)] [|igmp]\n"},
        {62, 62, 2, ""},
    });
}

TEST_CASE("mtrace to a multicast response address shows the TTL") {
    const auto frame = bytes({0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x08, 0x00, 0x45, 0x00,
        0x00, 0x2c, 0x00, 0x01, 0x00, 0x00, 0x40, 0x02, 0x8e, 0x93, 0xc0, 0x00, 0x02, 0x01, 0xc6, 0x33,
        0x64, 0x07, 0x1f, 0x20, 0xb7, 0x9b, 0xef, 0x05, 0x05, 0x05, 0x0a, 0x00, 0x00, 0x09, 0x0a, 0x00,
        0x00, 0x08, 0xe0, 0x00, 0x01, 0x20, 0x40, 0x00, 0x00, 0x07});
    CHECK(print_frame(with_verbosity(1), frame) ==
          "IP (tos 0x0, ttl 64, id 1, offset 0, flags [none], proto IGMP (2), length 44)\n"
          "    192.0.2.1 > 198.51.100.7: mtrace 7: 10.0.0.9 to 10.0.0.8 reply-to 224.0.1.32 with-ttl 64\n");
    check_ipv4_header_cuts(numeric_utc(), frame);
    check_whole_and_cuts(numeric_utc(), frame,
        "IP 192.0.2.1 > 198.51.100.7: mtrace 7: 10.0.0.9 to 10.0.0.8 reply-to 224.0.1.32 with-ttl 64\n", {
        {34, 57, 0, "IP 192.0.2.1 > 198.51.100.7:  [|igmp]\n"},
        {58, 58, 1, ""},
    });
}

TEST_CASE("IGMP leave with a wrong checksum: -v says so") {
    const auto frame = bytes({0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x08, 0x00, 0x45, 0x00,
        0x00, 0x1c, 0x00, 0x01, 0x00, 0x00, 0x01, 0x02, 0x17, 0xdc, 0xc0, 0x00, 0x02, 0x01, 0xe0, 0x00,
        0x00, 0x02, 0x17, 0x00, 0x12, 0x34, 0xef, 0x01, 0x02, 0x03});
    check_prints(frame, {
        {numeric_utc(),
         "IP 192.0.2.1 > 224.0.0.2: igmp leave 239.1.2.3\n"},
        {with_verbosity(1),
         "IP (tos 0x0, ttl 1, id 1, offset 0, flags [none], proto IGMP (2), length 28)\n"
         "    192.0.2.1 > 224.0.0.2: igmp leave 239.1.2.3 bad igmp cksum 1234!\n"},
    });
}

TEST_CASE("DVMRP probe: the generation id under -v, neighbours under -vv") {
    const auto frame = bytes({0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x08, 0x00, 0x45, 0x00,
        0x00, 0x28, 0x00, 0x01, 0x00, 0x00, 0x01, 0x02, 0x17, 0xce, 0xc0, 0x00, 0x02, 0x01, 0xe0, 0x00,
        0x00, 0x04, 0x13, 0x01, 0xa8, 0xc2, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x30, 0x39, 0x0a, 0x00,
        0x00, 0x01, 0x0a, 0x00, 0x00, 0x02});
    check_prints(frame, {
        {numeric_utc(),
         "IP 192.0.2.1 > 224.0.0.4: igmp dvmrp Probe\n"},
        {with_verbosity(1),
         "IP (tos 0x0, ttl 1, id 1, offset 0, flags [none], proto IGMP (2), length 40)\n"
         "    192.0.2.1 > 224.0.0.4: igmp dvmrp Probe genid 12345\n"},
    });
    check_ipv4_header_cuts(with_verbosity(2), frame);
    check_whole_and_cuts(with_verbosity(2), frame,
        "IP (tos 0x0, ttl 1, id 1, offset 0, flags [none], proto IGMP (2), length 40)\n"
        "    192.0.2.1 > 224.0.0.4: igmp dvmrp Probe\n"
        "\tgenid 12345\n"
        "\tneighbor 10.0.0.1\n"
        "\tneighbor 10.0.0.2\n", {
        {34, 34, 1, "    192.0.2.1 > 224.0.0.4:  [|igmp]\n"},
        {35, 35, 1, "    192.0.2.1 > 224.0.0.4: igmp dvmrp [|dvmrp]\n"},
        {36, 45, 2, "\t [|dvmrp]\n"},
        {46, 49, 2, "\tgenid 12345 [|dvmrp]\n"},
        {50, 53, 3, "\tneighbor 10.0.0.1 [|dvmrp]\n"},
        {54, 54, 5, ""},
    });
}

TEST_CASE("DVMRP route report under -vv") {
    const auto frame = bytes({0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x08, 0x00, 0x45, 0x00,
        0x00, 0x2a, 0x00, 0x01, 0x00, 0x00, 0x01, 0x02, 0x17, 0xcc, 0xc0, 0x00, 0x02, 0x01, 0xe0, 0x00,
        0x00, 0x04, 0x13, 0x02, 0x53, 0x6c, 0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0x00, 0x0a, 0x01, 0x01,
        0x0a, 0x02, 0x82, 0xff, 0x00, 0x00, 0x0b, 0x85});
    CHECK(print_frame(numeric_utc(), frame) ==
          "IP 192.0.2.1 > 224.0.0.4: igmp dvmrp Report\n");
    check_ipv4_header_cuts(with_verbosity(2), frame);
    check_whole_and_cuts(with_verbosity(2), frame,
        "IP (tos 0x0, ttl 1, id 1, offset 0, flags [none], proto IGMP (2), length 42)\n"
        "    192.0.2.1 > 224.0.0.4: igmp dvmrp Report\n"
        "\tMask 255.255.255.0\n"
        "\t  10.1.1.0 metric 10\n"
        "\t  2.130.255.0 metric 0\n"
        "\t  [Truncated Report] (invalid)\n", {
        {34, 34, 1, "    192.0.2.1 > 224.0.0.4:  [|igmp]\n"},
        {35, 35, 1, "    192.0.2.1 > 224.0.0.4: igmp dvmrp [|dvmrp]\n"},
        {36, 44, 1, "    192.0.2.1 > 224.0.0.4: igmp dvmrp Report [|dvmrp]\n"},
        {45, 48, 2, "\tMask 255.255.255.0 [|dvmrp]\n"},
        {49, 52, 3, "\t  10.1.1.0 metric 10 [|dvmrp]\n"},
        {53, 56, 6, ""},
    });
}

TEST_CASE("DVMRP neighbours, old and new format") {
    const auto frame = bytes({0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x08, 0x00, 0x45, 0x00,
        0x00, 0x2c, 0x00, 0x01, 0x00, 0x00, 0x01, 0x02, 0x17, 0xca, 0xc0, 0x00, 0x02, 0x01, 0xe0, 0x00,
        0x00, 0x04, 0x13, 0x06, 0x79, 0xec, 0x00, 0x00, 0xff, 0x03, 0x0a, 0x00, 0x00, 0x01, 0x03, 0x01,
        0x53, 0x02, 0x0a, 0x00, 0x00, 0x02, 0x0a, 0x00, 0x00, 0x03});
    check_ipv4_header_cuts(numeric_utc(), frame);
    check_whole_and_cuts(numeric_utc(), frame,
        "IP 192.0.2.1 > 224.0.0.4: igmp dvmrp Neighbors2 (v 3.255): [10.0.0.1 -> 10.0.0.2 (3/1/tunnel/srcrt/querier/down)] [10.0.0.1 -> 10.0.0.3 (3/1/tunnel/srcrt/querier/down)]\n", {
        {34, 34, 0, "IP 192.0.2.1 > 224.0.0.4:  [|igmp]\n"},
        {35, 35, 0, "IP 192.0.2.1 > 224.0.0.4: igmp dvmrp [|dvmrp]\n"},
        {36, 41, 0, "IP 192.0.2.1 > 224.0.0.4: igmp dvmrp Neighbors2 [|dvmrp]\n"},
        {42, 49, 0, "IP 192.0.2.1 > 224.0.0.4: igmp dvmrp Neighbors2 (v 3.255): [|dvmrp]\n"},
        {50, 53, 0, "IP 192.0.2.1 > 224.0.0.4: igmp dvmrp Neighbors2 (v 3.255): [10.0.0.1 ->  [|dvmrp]\n"},
        {54, 57, 0, "IP 192.0.2.1 > 224.0.0.4: igmp dvmrp Neighbors2 (v 3.255): [10.0.0.1 -> 10.0.0.2 (3/1/tunnel/srcrt/querier/down)] [10.0.0.1 ->  [|dvmrp]\n"},
        {58, 58, 1, ""},
    });
}

TEST_CASE("DVMRP prune with its timer") {
    const auto frame = bytes({0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x08, 0x00, 0x45, 0x00,
        0x00, 0x28, 0x00, 0x01, 0x00, 0x00, 0x01, 0x02, 0x17, 0xce, 0xc0, 0x00, 0x02, 0x01, 0xe0, 0x00,
        0x00, 0x04, 0x13, 0x07, 0xd6, 0xd4, 0x00, 0x00, 0x00, 0x00, 0x0a, 0x00, 0x00, 0x01, 0xef, 0x01,
        0x01, 0x01, 0x00, 0x00, 0x1c, 0x20});
    check_ipv4_header_cuts(numeric_utc(), frame);
    check_whole_and_cuts(numeric_utc(), frame,
        "IP 192.0.2.1 > 224.0.0.4: igmp dvmrp Prune src 10.0.0.1 grp 239.1.1.1 timer 2h\n", {
        {34, 34, 0, "IP 192.0.2.1 > 224.0.0.4:  [|igmp]\n"},
        {35, 35, 0, "IP 192.0.2.1 > 224.0.0.4: igmp dvmrp [|dvmrp]\n"},
        {36, 49, 0, "IP 192.0.2.1 > 224.0.0.4: igmp dvmrp Prune [|dvmrp]\n"},
        {50, 53, 0, "IP 192.0.2.1 > 224.0.0.4: igmp dvmrp Prune src 10.0.0.1 grp 239.1.1.1 timer  [|dvmrp]\n"},
        {54, 54, 1, ""},
    });
}

TEST_CASE("DVMRP of an unknown type") {
    const auto frame = bytes({0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x08, 0x00, 0x45, 0x00,
        0x00, 0x20, 0x00, 0x01, 0x00, 0x00, 0x01, 0x02, 0x17, 0xd6, 0xc0, 0x00, 0x02, 0x01, 0xe0, 0x00,
        0x00, 0x04, 0x13, 0x8c, 0xec, 0x73, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00});
    CHECK(print_frame(numeric_utc(), frame) ==
          "IP 192.0.2.1 > 224.0.0.4: igmp dvmrp [type 140]\n");
}

TEST_CASE("PIMv1 query: mode, and the hold time under -v") {
    const auto frame = bytes({0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x08, 0x00, 0x45, 0x00,
        0x00, 0x20, 0x00, 0x01, 0x00, 0x00, 0x01, 0x02, 0x17, 0xd8, 0xc0, 0x00, 0x02, 0x01, 0xe0, 0x00,
        0x00, 0x02, 0x14, 0x00, 0xcb, 0x96, 0x10, 0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x69});
    CHECK(print_frame(numeric_utc(), frame) ==
          "IP 192.0.2.1 > 224.0.0.2: igmp pimv1 Query Sparse-mode\n");
    check_ipv4_header_cuts(with_verbosity(1), frame);
    check_whole_and_cuts(with_verbosity(1), frame,
        "IP (tos 0x0, ttl 1, id 1, offset 0, flags [none], proto IGMP (2), length 32)\n"
        "    192.0.2.1 > 224.0.0.2: igmp pimv1 Query Sparse-mode (Hold-time 1m45s)\n", {
        {34, 34, 1, "    192.0.2.1 > 224.0.0.2:  [|igmp]\n"},
        {35, 35, 1, "    192.0.2.1 > 224.0.0.2: igmp pimv1 [|pimv1]\n"},
        {36, 42, 1, "    192.0.2.1 > 224.0.0.2: igmp pimv1 Query (Hold-time  [|pimv1]\n"},
        {43, 45, 1, "    192.0.2.1 > 224.0.0.2: igmp pimv1 Query Sparse-mode (Hold-time  [|pimv1]\n"},
        {46, 46, 2, ""},
    });
}

TEST_CASE("PIMv1 assert from a version 2 router") {
    const auto frame = bytes({0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x08, 0x00, 0x45, 0x00,
        0x00, 0x30, 0x00, 0x01, 0x00, 0x00, 0x01, 0x02, 0x17, 0xc8, 0xc0, 0x00, 0x02, 0x01, 0xe0, 0x00,
        0x00, 0x02, 0x14, 0x05, 0x51, 0xe7, 0x20, 0x00, 0x00, 0x00, 0xef, 0x01, 0x01, 0x01, 0xff, 0xff,
        0xff, 0xff, 0x0a, 0x00, 0x00, 0x01, 0x80, 0x00, 0x00, 0x05, 0x00, 0x00, 0x00, 0x0a});
    check_ipv4_header_cuts(numeric_utc(), frame);
    check_whole_and_cuts(numeric_utc(), frame,
        "IP 192.0.2.1 > 224.0.0.2: igmp pimv1 Assert for 10.0.0.1 > 239.1.1.1 RP-tree pref 5 metric 10 [v2]\n", {
        {34, 34, 0, "IP 192.0.2.1 > 224.0.0.2:  [|igmp]\n"},
        {35, 35, 0, "IP 192.0.2.1 > 224.0.0.2: igmp pimv1 [|pimv1]\n"},
        {36, 53, 0, "IP 192.0.2.1 > 224.0.0.2: igmp pimv1 Assert [|pimv1]\n"},
        {54, 61, 0, "IP 192.0.2.1 > 224.0.0.2: igmp pimv1 Assert for 10.0.0.1 > 239.1.1.1 [|pimv1]\n"},
        {62, 62, 1, ""},
    });
}

TEST_CASE("PIMv1 join with one group and one source on one line") {
    const auto frame = bytes({0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x08, 0x00, 0x45, 0x00,
        0x00, 0x3a, 0x00, 0x01, 0x00, 0x00, 0x01, 0x02, 0x17, 0xbe, 0xc0, 0x00, 0x02, 0x01, 0xe0, 0x00,
        0x00, 0x02, 0x14, 0x03, 0xd4, 0x78, 0x10, 0x00, 0x00, 0x00, 0x0a, 0x00, 0x00, 0xfe, 0x00, 0x00,
        0x00, 0xc8, 0x00, 0x00, 0x00, 0x01, 0xef, 0x01, 0x01, 0x01, 0xff, 0xff, 0xff, 0xff, 0x00, 0x01,
        0x00, 0x00, 0x01, 0xb8, 0x0a, 0x00, 0x00, 0x01});
    CHECK(print_frame(numeric_utc(), frame) ==
          "IP 192.0.2.1 > 224.0.0.2: igmp pimv1 Join/Prune\n");
    check_ipv4_header_cuts(with_verbosity(1), frame);
    check_whole_and_cuts(with_verbosity(1), frame,
        "IP (tos 0x0, ttl 1, id 1, offset 0, flags [none], proto IGMP (2), length 58)\n"
        "    192.0.2.1 > 224.0.0.2: igmp pimv1 Join/Prune RPF 10.0.0.254 Hold 3m20sJoin (10.0.0.1/56, 239.1.1.1) Sparse WC SPT\n", {
        {34, 34, 1, "    192.0.2.1 > 224.0.0.2:  [|igmp]\n"},
        {35, 35, 1, "    192.0.2.1 > 224.0.0.2: igmp pimv1 [|pimv1]\n"},
        {36, 45, 1, "    192.0.2.1 > 224.0.0.2: igmp pimv1 Join/Prune [|pimv1]\n"},
        {46, 49, 1, "    192.0.2.1 > 224.0.0.2: igmp pimv1 Join/Prune Upstream Nbr: 10.0.0.254 Hold time:  [|pimv1]\n"},
        {50, 71, 1, "    192.0.2.1 > 224.0.0.2: igmp pimv1 Join/Prune Upstream Nbr: 10.0.0.254 Hold time: 3m20s\n"},
        {72, 72, 2, ""},
    });
}

TEST_CASE("PIMv1 join/prune with groups and sources under -vv") {
    const auto frame = bytes({0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x08, 0x00, 0x45, 0x00,
        0x00, 0x52, 0x00, 0x01, 0x00, 0x00, 0x01, 0x02, 0x17, 0xa6, 0xc0, 0x00, 0x02, 0x01, 0xe0, 0x00,
        0x00, 0x02, 0x14, 0x03, 0xd0, 0x46, 0x10, 0x00, 0x00, 0x00, 0x0a, 0x00, 0x00, 0xfe, 0x00, 0x00,
        0x00, 0xb4, 0x00, 0x00, 0x00, 0x02, 0xef, 0x01, 0x01, 0x01, 0xff, 0xff, 0xff, 0x00, 0x00, 0x01,
        0x00, 0x01, 0x01, 0x60, 0x0a, 0x00, 0x00, 0x01, 0x00, 0x90, 0x0a, 0x00, 0x00, 0x02, 0xef, 0x02,
        0x02, 0x02, 0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x0a, 0x00, 0x00, 0x03});
    CHECK(print_frame(with_verbosity(1), frame) ==
          "IP (tos 0x0, ttl 1, id 1, offset 0, flags [none], proto IGMP (2), length 82)\n"
          "    192.0.2.1 > 224.0.0.2: igmp pimv1 Join/Prune Upstream Nbr: 10.0.0.254 Hold time: 3m\n");
    check_ipv4_header_cuts(with_verbosity(2), frame);
    check_whole_and_cuts(with_verbosity(2), frame,
        "IP (tos 0x0, ttl 1, id 1, offset 0, flags [none], proto IGMP (2), length 82)\n"
        "    192.0.2.1 > 224.0.0.2: igmp pimv1 Join/Prune\n"
        " Upstream Nbr: 10.0.0.254\n"
        " Hold time: 3m\n"
        "\tGroup: 239.1.1.1/255.255.255.0 joined: 1 pruned: 1\n"
        "\tJoin  Sparse RP 10.0.0.1/32\n"
        "\tPrune Dense WC SPT 10.0.0.2/16\n"
        "\tGroup: 239.2.2.2 joined: 0 pruned: 1\n"
        "\tPrune Dense SPT 10.0.0.3/0\n", {
        {34, 34, 1, "    192.0.2.1 > 224.0.0.2:  [|igmp]\n"},
        {35, 35, 1, "    192.0.2.1 > 224.0.0.2: igmp pimv1 [|pimv1]\n"},
        {36, 45, 2, " [|pimv1]\n"},
        {46, 49, 3, " Hold time:  [|pimv1]\n"},
        {50, 57, 3, " Hold time: 3m [|pimv1]\n"},
        {58, 61, 4, "\tGroup: 239.1.1.1 [|pimv1]\n"},
        {62, 65, 4, "\tGroup: 239.1.1.1/255.255.255.0 [|pimv1]\n"},
        {66, 71, 4, "\tGroup: 239.1.1.1/255.255.255.0 joined: 1 pruned: 1 [|pimv1]\n"},
        {72, 77, 5, "\tJoin  Sparse RP 10.0.0.1/32 [|pimv1]\n"},
        {78, 81, 6, "\tPrune Dense WC SPT 10.0.0.2/16 [|pimv1]\n"},
        {82, 89, 7, "\tGroup: 239.2.2.2 [|pimv1]\n"},
        {90, 95, 7, "\tGroup: 239.2.2.2 joined: 0 pruned: 1 [|pimv1]\n"},
        {96, 96, 9, ""},
    });
}
