// 802.3 frames: LLC headers and the spanning tree BPDUs behind them (plain and PVST+ over
// SNAP). Expected text from tcpdump 4.99.3, every cut of the capture included.
#include <doctest/doctest.h>

#include "tests/print/cut_expectations.hpp"

using namespace rawdump;
using namespace rawdump::test;

TEST_CASE("STP configuration BPDU: bridge id by default, timers and root under -v") {
    const auto frame = bytes({0x01, 0x80, 0xc2, 0x00, 0x00, 0x00, 0xaa, 0xbb, 0xcc, 0x00, 0x03, 0x10, 0x00, 0x26, 0x42, 0x42,
        0x03, 0x00, 0x00, 0x00, 0x00, 0x81, 0x80, 0x01, 0xaa, 0xbb, 0xcc, 0x00, 0x03, 0x00, 0x00, 0x00,
        0x00, 0x04, 0x80, 0x01, 0xaa, 0xbb, 0xcc, 0x00, 0x03, 0x01, 0x80, 0x02, 0x01, 0x00, 0x14, 0x00,
        0x02, 0x00, 0x0f, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00});
    check_prints(frame, {
        {numeric_utc(),
         "STP 802.1d, Config, Flags [Topology change, Topology change ACK], bridge-id 8001.aa:bb:cc:00:03:01.8002, length 35\n"},
        {with_link_header(),
         "aa:bb:cc:00:03:10 > 01:80:c2:00:00:00, 802.3, length 38: LLC, dsap STP (0x42) Individual, ssap STP (0x42) Command, ctrl 0x03: STP 802.1d, Config, Flags [Topology change, Topology change ACK], bridge-id 8001.aa:bb:cc:00:03:01.8002, length 35\n"},
        {with_hex(),
         "STP 802.1d, Config, Flags [Topology change, Topology change ACK], bridge-id 8001.aa:bb:cc:00:03:01.8002, length 35\n"
         "\t0x0000:  0000 0000 8180 01aa bbcc 0003 0000 0000\n"
         "\t0x0010:  0480 01aa bbcc 0003 0180 0201 0014 0002\n"
         "\t0x0020:  000f 0000 0000 0000 0000 00\n"},
    });
    check_whole_and_cuts(with_verbosity(1), frame,
        "STP 802.1d, Config, Flags [Topology change, Topology change ACK], bridge-id 8001.aa:bb:cc:00:03:01.8002, length 35\n"
        "\tmessage-age 1.00s, max-age 20.00s, hello-time 2.00s, forwarding-delay 15.00s\n"
        "\troot-id 8001.aa:bb:cc:00:03:00, root-pathcost 4\n", {
        {1, 13, 0, " [|ether]\n"},
        {14, 14, 0, " [|llc]\n"},
        {15, 15, 0, " [|llc]\n"
            "\t0x0000:  42                                       B\n"},
        {16, 16, 0, " [|llc]\n"
            "\t0x0000:  4242                                     BB\n"},
        {17, 19, 0, " [|stp]\n"},
        {20, 20, 0, "STP 802.1d [|stp]\n"},
        {21, 21, 0, "STP 802.1d, Config [|stp]\n"},
        {22, 43, 0, "STP 802.1d, Config, Flags [Topology change, Topology change ACK] [|stp]\n"},
        {44, 51, 0, "STP 802.1d, Config, Flags [Topology change, Topology change ACK], bridge-id 8001.aa:bb:cc:00:03:01.8002, length 35 [|stp]\n"},
        {52, 60, 3, ""},
    });
}

TEST_CASE("RSTP BPDU adds the port role") {
    const auto frame = bytes({0x01, 0x80, 0xc2, 0x00, 0x00, 0x00, 0xaa, 0xbb, 0xcc, 0x00, 0x03, 0x10, 0x00, 0x27, 0x42, 0x42,
        0x03, 0x00, 0x00, 0x02, 0x02, 0x3c, 0x80, 0x01, 0xaa, 0xbb, 0xcc, 0x00, 0x03, 0x00, 0x00, 0x00,
        0x00, 0x04, 0x80, 0x01, 0xaa, 0xbb, 0xcc, 0x00, 0x03, 0x01, 0x80, 0x02, 0x01, 0x00, 0x14, 0x00,
        0x02, 0x00, 0x0f, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00});
    check_prints(frame, {
        {numeric_utc(),
         "STP 802.1w, Rapid STP, Flags [Learn, Forward], bridge-id 8001.aa:bb:cc:00:03:01.8002, length 36\n"},
        {with_verbosity(1),
         "STP 802.1w, Rapid STP, Flags [Learn, Forward], bridge-id 8001.aa:bb:cc:00:03:01.8002, length 36\n"
         "\tmessage-age 1.00s, max-age 20.00s, hello-time 2.00s, forwarding-delay 15.00s\n"
         "\troot-id 8001.aa:bb:cc:00:03:00, root-pathcost 4, port-role Designated\n"},
    });
}

TEST_CASE("MSTP BPDU with one MSTI") {
    const auto frame = bytes({0x01, 0x80, 0xc2, 0x00, 0x00, 0x00, 0xaa, 0xbb, 0xcc, 0x00, 0x03, 0x10, 0x00, 0x79, 0x42, 0x42,
        0x03, 0x00, 0x00, 0x03, 0x02, 0x7c, 0x80, 0x00, 0xaa, 0xbb, 0xcc, 0x00, 0x03, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x80, 0x00, 0xaa, 0xbb, 0xcc, 0x00, 0x03, 0x00, 0x80, 0x01, 0x00, 0x00, 0x14, 0x00,
        0x02, 0x00, 0x0f, 0x00, 0x00, 0x00, 0x50, 0x00, 0x72, 0x65, 0x67, 0x69, 0x6f, 0x6e, 0x31, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05,
        0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x00, 0x00, 0x00, 0x00, 0x80, 0x00,
        0xaa, 0xbb, 0xcc, 0x00, 0x03, 0x00, 0x14, 0x7c, 0x80, 0x05, 0xaa, 0xbb, 0xcc, 0x00, 0x03, 0x99,
        0x00, 0x00, 0x4e, 0x20, 0x80, 0x80, 0x14});
    CHECK(print_frame(numeric_utc(), frame) ==
          "STP 802.1s, Rapid STP, CIST Flags [Learn, Forward, Agreement], length 118\n");
    check_whole_and_cuts(with_verbosity(1), frame,
        "STP 802.1s, Rapid STP, CIST Flags [Learn, Forward, Agreement], length 118\n"
        "\tport-role Designated, CIST root-id 8000.aa:bb:cc:00:03:00, CIST ext-pathcost 0\n"
        "\tCIST regional-root-id 8000.aa:bb:cc:00:03:00, CIST port-id 8001,\n"
        "\tmessage-age 0.00s, max-age 20.00s, hello-time 2.00s, forwarding-delay 15.00s\n"
        "\tv3len 80, MCID Name region1, rev 1,\n"
        "\t\tdigest 000102030405060708090a0b0c0d0e0f, CIST int-root-pathcost 0,\n"
        "\tCIST bridge-id 8000.aa:bb:cc:00:03:00, CIST remaining-hops 20\n"
        "\tMSTI 5, Flags [Learn, Forward, Agreement], port-role Designated\n"
        "\t\tMSTI regional-root-id 8005.aa:bb:cc:00:03:99, pathcost 20000\n"
        "\t\tMSTI bridge-prio 8, port-prio 8, hops 20\n", {
        {14, 14, 0, " [|llc]\n"},
        {15, 15, 0, " [|llc]\n"
            "\t0x0000:  42                                       B\n"},
        {16, 16, 0, " [|llc]\n"
            "\t0x0000:  4242                                     BB\n"},
        {17, 19, 0, " [|stp]\n"},
        {20, 20, 0, "STP 802.1s [|stp]\n"},
        {21, 54, 0, "STP 802.1s, Rapid STP [|stp]\n"},
        {55, 56, 4, "\tv3len 80, MCID Name  [|stp]\n"},
        {57, 57, 4, "\tv3len 80, MCID Name r [|stp]\n"},
        {58, 58, 4, "\tv3len 80, MCID Name re [|stp]\n"},
        {59, 59, 4, "\tv3len 80, MCID Name reg [|stp]\n"},
        {60, 60, 4, "\tv3len 80, MCID Name regi [|stp]\n"},
        {61, 61, 4, "\tv3len 80, MCID Name regio [|stp]\n"},
        {62, 62, 4, "\tv3len 80, MCID Name region [|stp]\n"},
        {63, 105, 4, "\tv3len 80, MCID Name region1 [|stp]\n"},
        {106, 109, 5, "\t\tdigest 000102030405060708090a0b0c0d0e0f,  [|stp]\n"},
        {110, 117, 5, "\t\tdigest 000102030405060708090a0b0c0d0e0f, CIST int-root-pathcost 0, [|stp]\n"},
        {118, 118, 6, "\tCIST bridge-id 8000.aa:bb:cc:00:03:00,  [|stp]\n"},
        {119, 121, 6, "\tCIST bridge-id 8000.aa:bb:cc:00:03:00, CIST remaining-hops 20 [|stp]\n"},
        {122, 131, 7, "\tMSTI 5, Flags [Learn, Forward, Agreement], port-role Designated [|stp]\n"},
        {132, 134, 8, "\t\tMSTI regional-root-id 8005.aa:bb:cc:00:03:99, pathcost 20000 [|stp]\n"},
        {135, 135, 10, ""},
        {136, 140, 0, ""},
    });
}

TEST_CASE("PVST+ inside a VLAN tag: -e runs 802.3 into the LLC text") {
    const auto frame = bytes({0x01, 0x00, 0x0c, 0xcc, 0xcc, 0xcd, 0xaa, 0xbb, 0xcc, 0x00, 0x03, 0x10, 0x81, 0x00, 0x04, 0xbd,
        0x00, 0x2b, 0xaa, 0xaa, 0x03, 0x00, 0x00, 0x0c, 0x01, 0x0b, 0x00, 0x00, 0x00, 0x00, 0x81, 0x80,
        0x01, 0xaa, 0xbb, 0xcc, 0x00, 0x03, 0x00, 0x00, 0x00, 0x00, 0x04, 0x80, 0x01, 0xaa, 0xbb, 0xcc,
        0x00, 0x03, 0x01, 0x80, 0x02, 0x01, 0x00, 0x14, 0x00, 0x02, 0x00, 0x0f, 0x00});
    check_prints(frame, {
        {with_link_header(),
         "aa:bb:cc:00:03:10 > 01:00:0c:cc:cc:cd, ethertype 802.1Q (0x8100), length 61: vlan 1213, p 0, 802.3LLC, dsap SNAP (0xaa) Individual, ssap SNAP (0xaa) Command, ctrl 0x03: oui Cisco (0x00000c), pid PVST (0x010b), length 35: STP 802.1d, Config, Flags [Topology change, Topology change ACK], bridge-id 8001.aa:bb:cc:00:03:01.8002, length 35\n"},
        {with_verbosity(1),
         "STP 802.1d, Config, Flags [Topology change, Topology change ACK], bridge-id 8001.aa:bb:cc:00:03:01.8002, length 35\n"
         "\tmessage-age 1.00s, max-age 20.00s, hello-time 2.00s, forwarding-delay 15.00s\n"
         "\troot-id 8001.aa:bb:cc:00:03:00, root-pathcost 4\n"},
    });
    check_whole_and_cuts(numeric_utc(), frame,
        "STP 802.1d, Config, Flags [Topology change, Topology change ACK], bridge-id 8001.aa:bb:cc:00:03:01.8002, length 35\n", {
        {1, 13, 0, " [|ether]\n"},
        {14, 17, 0, " [|vlan]\n"},
        {18, 18, 0, " [|llc]\n"},
        {19, 19, 0, " [|llc]\n"
            "\t0x0000:  aa                                       .\n"},
        {20, 20, 0, " [|llc]\n"
            "\t0x0000:  aaaa                                     ..\n"},
        {21, 25, 0, " [|snap]\n"},
        {26, 28, 0, " [|stp]\n"},
        {29, 29, 0, "STP 802.1d [|stp]\n"},
        {30, 30, 0, "STP 802.1d, Config [|stp]\n"},
        {31, 52, 0, "STP 802.1d, Config, Flags [Topology change, Topology change ACK] [|stp]\n"},
        {53, 61, 1, ""},
    });
}

TEST_CASE("LLC information frame with unknown SAPs: addresses, then the frame in hex") {
    const auto frame = bytes({0xaa, 0xbb, 0xcc, 0x00, 0x00, 0x01, 0xaa, 0xbb, 0xcc, 0x00, 0x03, 0x10, 0x00, 0x0e, 0xf0, 0xf1,
        0x0a, 0x0c, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00});
    CHECK(print_frame(with_link_header(), frame) ==
          "aa:bb:cc:00:03:10 > aa:bb:cc:00:00:01, 802.3, length 14: LLC, dsap NetBeui (0xf0) Individual, ssap NetBeui (0xf0) Response, ctrl 0x0c0a: Information, send seq 5, rcv seq 6, Flags [Response], length 14\n"
          "\t0x0000:  f0f1 0a0c 0000 0000 0000 0000 0000       ..............\n");
    check_whole_and_cuts(numeric_utc(), frame,
        "aa:bb:cc:00:03:10 > aa:bb:cc:00:00:01 NetBeui Information, send seq 5, rcv seq 6, Flags [Response], length 14\n"
        "\t0x0000:  f0f1 0a0c 0000 0000 0000 0000 0000       ..............\n", {
        {1, 13, 0, " [|ether]\n"},
        {14, 14, 0, " [|llc]\n"},
        {15, 15, 0, " [|llc]\n"
            "\t0x0000:  f0                                       .\n"},
        {16, 16, 0, " [|llc]\n"
            "\t0x0000:  f0f1                                     ..\n"},
        {17, 17, 0, " [|llc]\n"
            "\t0x0000:  f0f1 0a                                  ...\n"},
        {18, 18, 1, "\t0x0000:  f0f1 0a0c                                ....\n"},
        {19, 19, 1, "\t0x0000:  f0f1 0a0c 00                             .....\n"},
        {20, 20, 1, "\t0x0000:  f0f1 0a0c 0000                           ......\n"},
        {21, 21, 1, "\t0x0000:  f0f1 0a0c 0000 00                        .......\n"},
        {22, 22, 1, "\t0x0000:  f0f1 0a0c 0000 0000                      ........\n"},
        {23, 23, 1, "\t0x0000:  f0f1 0a0c 0000 0000 00                   .........\n"},
        {24, 24, 1, "\t0x0000:  f0f1 0a0c 0000 0000 0000                 ..........\n"},
        {25, 25, 1, "\t0x0000:  f0f1 0a0c 0000 0000 0000 00              ...........\n"},
        {26, 26, 1, "\t0x0000:  f0f1 0a0c 0000 0000 0000 0000            ............\n"},
        {27, 27, 1, "\t0x0000:  f0f1 0a0c 0000 0000 0000 0000 00         .............\n"},
        {28, 60, 2, ""},
    });
}

TEST_CASE("LLC XID frame") {
    const auto frame = bytes({0xaa, 0xbb, 0xcc, 0x00, 0x00, 0x01, 0xaa, 0xbb, 0xcc, 0x00, 0x03, 0x10, 0x00, 0x06, 0x00, 0x01,
        0xbf, 0x81, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00});
    check_prints(frame, {
        {numeric_utc(),
         "aa:bb:cc:00:03:10 > aa:bb:cc:00:00:01 Null Unnumbered, xid, Flags [Final], length 6: 01 00\n"},
        {with_link_header(),
         "aa:bb:cc:00:03:10 > aa:bb:cc:00:00:01, 802.3, length 6: LLC, dsap Null (0x00) Individual, ssap Null (0x00) Response, ctrl 0xbf: Unnumbered, xid, Flags [Final], length 6: 01 00\n"},
    });
}
