// ICMPv6 node information (RFC 4620), router renumbering (RFC 2894), RPL and the error and
// MLD messages cut short. Expected text from tcpdump 4.99.3, every cut of the capture included.
#include <doctest/doctest.h>

#include "tests/print/cut_expectations.hpp"

using namespace rawdump;
using namespace rawdump::test;

TEST_CASE("node information query for a DNS name") {
    const auto frame = bytes({0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x86, 0xdd, 0x60, 0x00,
        0x00, 0x00, 0x00, 0x1d, 0x3a, 0x40, 0x20, 0x01, 0x0d, 0xb8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x20, 0x01, 0x0d, 0xb8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x8b, 0x01, 0x40, 0xb3, 0x00, 0x02, 0x00, 0x00, 0x00, 0x01,
        0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x07, 0x65, 0x78, 0x61, 0x6d, 0x70, 0x6c, 0x65, 0x03, 0x63,
        0x6f, 0x6d, 0x00});
    CHECK(print_frame(with_verbosity(1), frame) ==
          "IP6 (hlim 64, next-header ICMPv6 (58) payload length: 29) 2001:db8::1 > 2001:db8::2: [icmp6 sum ok] ICMP6, who-are-you request node information query (DNS name, subject=DNS name, \"example.com.\")\n");
    check_whole_and_cuts(numeric_utc(), frame,
        "IP6 2001:db8::1 > 2001:db8::2: ICMP6, who-are-you request node information query (DNS name, subject=DNS name, \"example.com.\"), length 29\n", {
        {1, 13, 0, " [|ether]\n"},
        {14, 53, 0, " [|ip6]\n"},
        {54, 54, 0, "IP6 2001:db8::1 > 2001:db8::2:  [|icmp6]\n"},
        {55, 55, 0, "IP6 2001:db8::1 > 2001:db8::2: ICMP6, who-are-you request [|icmp6]\n"},
        {56, 65, 0, "IP6 2001:db8::1 > 2001:db8::2: ICMP6, who-are-you request node information query [|icmp6], length 29\n"},
        {66, 66, 0, "IP6 2001:db8::1 > 2001:db8::2: ICMP6, who-are-you request who-are-you request, length 29\n"},
        {67, 69, 0, "IP6 2001:db8::1 > 2001:db8::2: ICMP6, who-are-you request node information query [|icmp6], length 29\n"},
        {70, 70, 0, "IP6 2001:db8::1 > 2001:db8::2: ICMP6, who-are-you request node information query (DNS name, 03 draft), length 29\n"},
        {71, 77, 0, "IP6 2001:db8::1 > 2001:db8::2: ICMP6, who-are-you request node information query (DNS name, subject=DNS name, \"???\"), length 29\n"},
        {78, 78, 0, "IP6 2001:db8::1 > 2001:db8::2: ICMP6, who-are-you request node information query (DNS name, subject=DNS name, \"example\"), length 29\n"},
        {79, 79, 0, "IP6 2001:db8::1 > 2001:db8::2: ICMP6, who-are-you request node information query (DNS name, subject=DNS name, \"example???\"), length 29\n"},
        {80, 81, 0, "IP6 2001:db8::1 > 2001:db8::2: ICMP6, who-are-you request node information query (DNS name, subject=DNS name, \"example.???\"), length 29\n"},
        {82, 82, 0, "IP6 2001:db8::1 > 2001:db8::2: ICMP6, who-are-you request node information query (DNS name, subject=DNS name, \"example.com\"), length 29\n"},
        {83, 83, 1, ""},
    });
}

TEST_CASE("node information reply with a DNS name and its TTL") {
    const auto frame = bytes({0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x86, 0xdd, 0x60, 0x00,
        0x00, 0x00, 0x00, 0x21, 0x3a, 0x40, 0x20, 0x01, 0x0d, 0xb8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x20, 0x01, 0x0d, 0xb8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x8c, 0x00, 0x3e, 0x83, 0x00, 0x02, 0x00, 0x01, 0x00, 0x01,
        0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x00, 0x00, 0x01, 0x2c, 0x07, 0x65, 0x78, 0x61, 0x6d, 0x70,
        0x6c, 0x65, 0x03, 0x63, 0x6f, 0x6d, 0x00});
    CHECK(print_frame(numeric_utc(), frame) ==
          "IP6 2001:db8::1 > 2001:db8::2: ICMP6, who-are-you reply node information reply (DNS name, \"example.com.\" [TTL=300]), length 33\n");
    check_whole_and_cuts(with_verbosity(1), frame,
        "IP6 (hlim 64, next-header ICMPv6 (58) payload length: 33) 2001:db8::1 > 2001:db8::2: [icmp6 sum ok] ICMP6, who-are-you reply node information reply (success, DNS name, \"example.com.\" [TTL=300])\n", {
        {1, 13, 0, " [|ether]\n"},
        {14, 53, 0, " [|ip6]\n"},
        {54, 54, 0, "IP6 (hlim 64, next-header ICMPv6 (58) payload length: 33) 2001:db8::1 > 2001:db8::2:  [|icmp6]\n"},
        {55, 86, 0, "IP6 (hlim 64, next-header ICMPv6 (58) payload length: 33) 2001:db8::1 > 2001:db8::2: ICMP6, who-are-you reply [|icmp6]\n"},
        {87, 87, 1, ""},
    });
}

TEST_CASE("router renumbering command: match and use parts, one per line from -vv") {
    const auto frame = bytes({0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x86, 0xdd, 0x60, 0x00,
        0x00, 0x00, 0x00, 0x48, 0x3a, 0x40, 0x20, 0x01, 0x0d, 0xb8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x20, 0x01, 0x0d, 0xb8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x8a, 0x00, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x03, 0x01, 0x48,
        0x00, 0x0a, 0x00, 0x00, 0x00, 0x00, 0x02, 0x07, 0x01, 0x40, 0x20, 0x80, 0x00, 0x00, 0x20, 0x01,
        0x0d, 0xb8, 0xaa, 0xaa, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x38, 0x40,
        0xff, 0xc0, 0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x0e, 0x10, 0x80, 0x00, 0x00, 0x00, 0x20, 0x01,
        0x0d, 0xb8, 0xbb, 0xbb, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00});
    check_prints(frame, {
        {numeric_utc(),
         "IP6 2001:db8::1 > 2001:db8::2: ICMP6, router renumbering, command, seq=3 match(change,2001:db8:aaaa::/64) use(V,2001:db8:bbbb::/56/64), length 72\n"},
        {with_verbosity(2),
         "IP6 (hlim 64, next-header ICMPv6 (58) payload length: 72) 2001:db8::1 > 2001:db8::2: [icmp6 sum ok] ICMP6, router renumbering, command, seq=3[RP,seg=1,maxdelay=10]\n"
         "\tmatch(change,ord=1,min=32,max=128,2001:db8:aaaa::/64)\n"
         "\tuse(V,mask=0xff,raflags=0xc0,vltime=infty,pltime=3600,2001:db8:bbbb::/56/64)\n"},
    });
    check_whole_and_cuts(with_verbosity(1), frame,
        "IP6 (hlim 64, next-header ICMPv6 (58) payload length: 72) 2001:db8::1 > 2001:db8::2: [icmp6 sum ok] ICMP6, router renumbering, command, seq=3[RP,seg=1,maxdelay=10] match(change,ord=1,min=32,max=128,2001:db8:aaaa::/64) use(V,mask=0xff,raflags=0xc0,vltime=infty,pltime=3600,2001:db8:bbbb::/56/64)\n", {
        {1, 13, 0, " [|ether]\n"},
        {14, 53, 0, " [|ip6]\n"},
        {54, 54, 0, "IP6 (hlim 64, next-header ICMPv6 (58) payload length: 72) 2001:db8::1 > 2001:db8::2:  [|icmp6]\n"},
        {55, 69, 0, "IP6 (hlim 64, next-header ICMPv6 (58) payload length: 72) 2001:db8::1 > 2001:db8::2: ICMP6, router renumbering [|icmp6]\n"},
        {70, 93, 0, "IP6 (hlim 64, next-header ICMPv6 (58) payload length: 72) 2001:db8::1 > 2001:db8::2: ICMP6, router renumbering, command, seq=3[RP,seg=1,maxdelay=10] [|icmp6]\n"},
        {94, 125, 0, "IP6 (hlim 64, next-header ICMPv6 (58) payload length: 72) 2001:db8::1 > 2001:db8::2: ICMP6, router renumbering, command, seq=3[RP,seg=1,maxdelay=10] match(change,ord=1,min=32,max=128,2001:db8:aaaa::/64) [|icmp6]\n"},
        {126, 126, 1, ""},
    });
}

TEST_CASE("destination unreachable with an unknown code: the message in hex below -vv") {
    const auto frame = bytes({0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x86, 0xdd, 0x60, 0x00,
        0x00, 0x00, 0x00, 0x3c, 0x3a, 0x40, 0x20, 0x01, 0x0d, 0xb8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x20, 0x01, 0x0d, 0xb8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x01, 0x06, 0x75, 0x04, 0x00, 0x00, 0x00, 0x00, 0x60, 0x00,
        0x00, 0x00, 0x00, 0x0c, 0x11, 0x40, 0x20, 0x01, 0x0d, 0xb8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x20, 0x01, 0x0d, 0xb8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x9c, 0x40, 0x00, 0x35, 0x00, 0x0c, 0x00, 0x00, 0x61, 0x62,
        0x63, 0x64});
    CHECK(print_frame(with_verbosity(2), frame) ==
          "IP6 (hlim 64, next-header ICMPv6 (58) payload length: 60) 2001:db8::1 > 2001:db8::2: [icmp6 sum ok] ICMP6, destination unreachable, unknown unreach code (6)\n");
    check_whole_and_cuts(numeric_utc(), frame,
        "IP6 2001:db8::1 > 2001:db8::2: ICMP6, destination unreachable, unknown unreach code (6)\n"
        "\t0x0000:  0106 7504 0000 0000 6000 0000 000c 1140\n"
        "\t0x0010:  2001 0db8 0000 0000 0000 0000 0000 0001\n"
        "\t0x0020:  2001 0db8 0000 0000 0000 0000 0000 0002\n"
        "\t0x0030:  9c40 0035 000c 0000 6162 6364\n", {
        {54, 54, 0, "IP6 2001:db8::1 > 2001:db8::2:  [|icmp6]\n"},
        {55, 55, 0, "IP6 2001:db8::1 > 2001:db8::2: ICMP6, destination unreachable [|icmp6]\n"},
        {56, 56, 1, "\t0x0000:  0106\n"},
        {57, 57, 1, "\t0x0000:  0106 75\n"},
        {58, 58, 1, "\t0x0000:  0106 7504\n"},
        {59, 59, 1, "\t0x0000:  0106 7504 00\n"},
        {60, 60, 1, "\t0x0000:  0106 7504 0000\n"},
        {61, 61, 1, "\t0x0000:  0106 7504 0000 00\n"},
        {62, 62, 1, "\t0x0000:  0106 7504 0000 0000\n"},
        {63, 63, 1, "\t0x0000:  0106 7504 0000 0000 60\n"},
        {64, 64, 1, "\t0x0000:  0106 7504 0000 0000 6000\n"},
        {65, 65, 1, "\t0x0000:  0106 7504 0000 0000 6000 00\n"},
        {66, 66, 1, "\t0x0000:  0106 7504 0000 0000 6000 0000\n"},
        {67, 67, 1, "\t0x0000:  0106 7504 0000 0000 6000 0000 00\n"},
        {68, 68, 1, "\t0x0000:  0106 7504 0000 0000 6000 0000 000c\n"},
        {69, 69, 1, "\t0x0000:  0106 7504 0000 0000 6000 0000 000c 11\n"},
        {70, 70, 2, ""},
    });
}

TEST_CASE("port unreachable: the quoted ports are looked for without unwinding") {
    const auto frame = bytes({0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x86, 0xdd, 0x60, 0x00,
        0x00, 0x00, 0x00, 0x3c, 0x3a, 0x40, 0x20, 0x01, 0x0d, 0xb8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x20, 0x01, 0x0d, 0xb8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x01, 0x04, 0x75, 0x06, 0x00, 0x00, 0x00, 0x00, 0x60, 0x00,
        0x00, 0x00, 0x00, 0x0c, 0x11, 0x40, 0x20, 0x01, 0x0d, 0xb8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x20, 0x01, 0x0d, 0xb8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x9c, 0x40, 0x00, 0x35, 0x00, 0x0c, 0x00, 0x00, 0x61, 0x62,
        0x63, 0x64});
    check_whole_and_cuts(numeric_utc(), frame,
        "IP6 2001:db8::1 > 2001:db8::2: ICMP6, destination unreachable, unreachable port, 2001:db8::2 udp port 53, length 60\n", {
        {54, 54, 0, "IP6 2001:db8::1 > 2001:db8::2:  [|icmp6]\n"},
        {55, 55, 0, "IP6 2001:db8::1 > 2001:db8::2: ICMP6, destination unreachable [|icmp6]\n"},
        {56, 104, 0, "IP6 2001:db8::1 > 2001:db8::2: ICMP6, destination unreachable, unreachable port [|icmp6]\n"},
    });
}

TEST_CASE("MLDv2 query: fields as they are read") {
    const auto frame = bytes({0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x86, 0xdd, 0x60, 0x00,
        0x00, 0x00, 0x00, 0x2c, 0x3a, 0x01, 0x20, 0x01, 0x0d, 0xb8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x20, 0x01, 0x0d, 0xb8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x82, 0x00, 0x6a, 0xd7, 0x80, 0x10, 0x00, 0x00, 0xff, 0x02,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x0a, 0x7d,
        0x00, 0x01, 0x20, 0x01, 0x0d, 0xb8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x01});
    check_prints(frame, {
        {numeric_utc(),
         "IP6 2001:db8::1 > 2001:db8::2: ICMP6, multicast listener query v2 [gaddr ff02::1, 1 source(s)], length 44\n"},
        {with_verbosity(1),
         "IP6 (hlim 1, next-header ICMPv6 (58) payload length: 44) 2001:db8::1 > 2001:db8::2: [icmp6 sum ok] ICMP6, multicast listener query v2 [max resp delay=32896] [gaddr ff02::1 sflag robustness=2 qqi=125, 1 source(s)]\n"},
    });
    check_whole_and_cuts(with_verbosity(2), frame,
        "IP6 (hlim 1, next-header ICMPv6 (58) payload length: 44) 2001:db8::1 > 2001:db8::2: [icmp6 sum ok] ICMP6, multicast listener query v2 [max resp delay=32896] [gaddr ff02::1 sflag robustness=2 qqi=125 { 2001:db8::1 }]\n", {
        {1, 13, 0, " [|ether]\n"},
        {14, 53, 0, " [|ip6]\n"},
        {54, 54, 0, "IP6 (hlim 1, next-header ICMPv6 (58) payload length: 44) 2001:db8::1 > 2001:db8::2:  [|icmp6]\n"},
        {55, 55, 0, "IP6 (hlim 1, next-header ICMPv6 (58) payload length: 44) 2001:db8::1 > 2001:db8::2: ICMP6, multicast listener query [|icmp6]\n"},
        {56, 59, 0, "IP6 (hlim 1, next-header ICMPv6 (58) payload length: 44) 2001:db8::1 > 2001:db8::2: ICMP6, multicast listener query v2 [|icmp6]\n"},
        {60, 77, 0, "IP6 (hlim 1, next-header ICMPv6 (58) payload length: 44) 2001:db8::1 > 2001:db8::2: ICMP6, multicast listener query v2 [max resp delay=32896] [|icmp6]\n"},
        {78, 78, 0, "IP6 (hlim 1, next-header ICMPv6 (58) payload length: 44) 2001:db8::1 > 2001:db8::2: ICMP6, multicast listener query v2 [max resp delay=32896] [gaddr ff02::1 [|icmp6]\n"},
        {79, 79, 0, "IP6 (hlim 1, next-header ICMPv6 (58) payload length: 44) 2001:db8::1 > 2001:db8::2: ICMP6, multicast listener query v2 [max resp delay=32896] [gaddr ff02::1 sflag robustness=2 [|icmp6]\n"},
        {80, 81, 0, "IP6 (hlim 1, next-header ICMPv6 (58) payload length: 44) 2001:db8::1 > 2001:db8::2: ICMP6, multicast listener query v2 [max resp delay=32896] [gaddr ff02::1 sflag robustness=2 qqi=125 [|icmp6]\n"},
        {82, 97, 0, "IP6 (hlim 1, next-header ICMPv6 (58) payload length: 44) 2001:db8::1 > 2001:db8::2: ICMP6, multicast listener query v2 [max resp delay=32896] [gaddr ff02::1 sflag robustness=2 qqi=125 { [|icmp6]\n"},
        {98, 98, 1, ""},
    });
}

TEST_CASE("RPL DIO: the DODAG under -v, options from -vv, their bytes from -vvv") {
    const auto frame = bytes({0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x86, 0xdd, 0x60, 0x00,
        0x00, 0x00, 0x00, 0x28, 0x3a, 0x40, 0x20, 0x01, 0x0d, 0xb8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x20, 0x01, 0x0d, 0xb8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x9b, 0x01, 0x36, 0x53, 0x07, 0x01, 0x01, 0x00, 0x8a, 0x05,
        0x00, 0x00, 0x20, 0x01, 0x0d, 0xb8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x02, 0x00, 0x01, 0x02, 0x04, 0x03, 0x02, 0x01, 0x00, 0x04, 0x02, 0x09, 0x09});
    check_prints(frame, {
        {numeric_utc(),
         "IP6 2001:db8::1 > 2001:db8::2: ICMP6, RPL, (CLR)DODAG Information Object, length 40\n"},
        {with_verbosity(1),
         "IP6 (hlim 64, next-header ICMPv6 (58) payload length: 40) 2001:db8::1 > 2001:db8::2: [icmp6 sum ok] ICMP6, RPL, (CLR)DODAG Information Object [dagid:2001:db8::2,seq:5,instance:7,rank:256,grounded,mop:storing,prf:2]\n"},
        {with_verbosity(3),
         "IP6 (hlim 64, next-header ICMPv6 (58) payload length: 40) 2001:db8::1 > 2001:db8::2: [icmp6 sum ok] ICMP6, RPL, (CLR)DODAG Information Object [dagid:2001:db8::2,seq:5,instance:7,rank:256,grounded,mop:storing,prf:2] opt:pad1 opt:padN len:4  0x0000:  0403 opt:metrics len:3  0x0000:  00 opt:config len:4  0x0000:  0909\n"},
    });
    check_whole_and_cuts(with_verbosity(2), frame,
        "IP6 (hlim 64, next-header ICMPv6 (58) payload length: 40) 2001:db8::1 > 2001:db8::2: [icmp6 sum ok] ICMP6, RPL, (CLR)DODAG Information Object [dagid:2001:db8::2,seq:5,instance:7,rank:256,grounded,mop:storing,prf:2] opt:pad1 opt:padN len:4  opt:metrics len:3  opt:config len:4 \n", {
        {1, 13, 0, " [|ether]\n"},
        {14, 53, 0, " [|ip6]\n"},
        {54, 54, 0, "IP6 (hlim 64, next-header ICMPv6 (58) payload length: 40) 2001:db8::1 > 2001:db8::2:  [|icmp6]\n"},
        {55, 55, 0, "IP6 (hlim 64, next-header ICMPv6 (58) payload length: 40) 2001:db8::1 > 2001:db8::2: ICMP6, RPL [|icmp6]\n"},
        {56, 81, 0, "IP6 (hlim 64, next-header ICMPv6 (58) payload length: 40) 2001:db8::1 > 2001:db8::2: ICMP6, RPL, (CLR)DODAG Information Object [|icmp6]\n"},
        {82, 82, 0, "IP6 (hlim 64, next-header ICMPv6 (58) payload length: 40) 2001:db8::1 > 2001:db8::2: ICMP6, RPL, (CLR)DODAG Information Object [dagid:2001:db8::2,seq:5,instance:7,rank:256,grounded,mop:storing,prf:2] [|icmp6]\n"},
        {83, 84, 0, "IP6 (hlim 64, next-header ICMPv6 (58) payload length: 40) 2001:db8::1 > 2001:db8::2: ICMP6, RPL, (CLR)DODAG Information Object [dagid:2001:db8::2,seq:5,instance:7,rank:256,grounded,mop:storing,prf:2] opt:pad1 [|icmp6]\n"},
        {85, 88, 0, "IP6 (hlim 64, next-header ICMPv6 (58) payload length: 40) 2001:db8::1 > 2001:db8::2: ICMP6, RPL, (CLR)DODAG Information Object [dagid:2001:db8::2,seq:5,instance:7,rank:256,grounded,mop:storing,prf:2] opt:pad1 opt:padN len:4  [|icmp6]\n"},
        {89, 91, 0, "IP6 (hlim 64, next-header ICMPv6 (58) payload length: 40) 2001:db8::1 > 2001:db8::2: ICMP6, RPL, (CLR)DODAG Information Object [dagid:2001:db8::2,seq:5,instance:7,rank:256,grounded,mop:storing,prf:2] opt:pad1 opt:padN len:4  opt:metrics len:3  [|icmp6]\n"},
        {92, 93, 0, "IP6 (hlim 64, next-header ICMPv6 (58) payload length: 40) 2001:db8::1 > 2001:db8::2: ICMP6, RPL, (CLR)DODAG Information Object [dagid:2001:db8::2,seq:5,instance:7,rank:256,grounded,mop:storing,prf:2] opt:pad1 opt:padN len:4  opt:metrics len:3  opt:config len:4  [|icmp6]\n"},
        {94, 94, 1, ""},
    });
}

TEST_CASE("RPL DAO with a DODAG id and a target option") {
    const auto frame = bytes({0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x86, 0xdd, 0x60, 0x00,
        0x00, 0x00, 0x00, 0x1d, 0x3a, 0x40, 0x20, 0x01, 0x0d, 0xb8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x20, 0x01, 0x0d, 0xb8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x9b, 0x02, 0xce, 0xa9, 0x07, 0xc0, 0x00, 0x09, 0x20, 0x01,
        0x0d, 0xb8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x05, 0x03,
        0x00, 0x00, 0x00});
    check_prints(frame, {
        {numeric_utc(),
         "IP6 2001:db8::1 > 2001:db8::2: ICMP6, RPL, (CLR)Destination Advertisement Object, length 29\n"},
        {with_verbosity(1),
         "IP6 (hlim 64, next-header ICMPv6 (58) payload length: 29) 2001:db8::1 > 2001:db8::2: [icmp6 sum ok] ICMP6, RPL, (CLR)Destination Advertisement Object [dagid:2001:db8::2,seq:9,instance:7,acK,Dagid,c0]\n"},
    });
    check_whole_and_cuts(with_verbosity(2), frame,
        "IP6 (hlim 64, next-header ICMPv6 (58) payload length: 29) 2001:db8::1 > 2001:db8::2: [icmp6 sum ok] ICMP6, RPL, (CLR)Destination Advertisement Object [dagid:2001:db8::2,seq:9,instance:7,acK,Dagid,c0] opt:rpltarget len:5 \n", {
        {1, 13, 0, " [|ether]\n"},
        {14, 53, 0, " [|ip6]\n"},
        {54, 54, 0, "IP6 (hlim 64, next-header ICMPv6 (58) payload length: 29) 2001:db8::1 > 2001:db8::2:  [|icmp6]\n"},
        {55, 55, 0, "IP6 (hlim 64, next-header ICMPv6 (58) payload length: 29) 2001:db8::1 > 2001:db8::2: ICMP6, RPL [|icmp6]\n"},
        {56, 77, 0, "IP6 (hlim 64, next-header ICMPv6 (58) payload length: 29) 2001:db8::1 > 2001:db8::2: ICMP6, RPL, (CLR)Destination Advertisement Object [|icmp6]\n"},
        {78, 79, 0, "IP6 (hlim 64, next-header ICMPv6 (58) payload length: 29) 2001:db8::1 > 2001:db8::2: ICMP6, RPL, (CLR)Destination Advertisement Object [dagid:2001:db8::2,seq:9,instance:7,acK,Dagid,c0] [|icmp6]\n"},
        {80, 82, 0, "IP6 (hlim 64, next-header ICMPv6 (58) payload length: 29) 2001:db8::1 > 2001:db8::2: ICMP6, RPL, (CLR)Destination Advertisement Object [dagid:2001:db8::2,seq:9,instance:7,acK,Dagid,c0] opt:rpltarget len:5  [|icmp6]\n"},
        {83, 83, 1, ""},
    });
}

TEST_CASE("RPL DAO-ACK") {
    const auto frame = bytes({0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x86, 0xdd, 0x60, 0x00,
        0x00, 0x00, 0x00, 0x18, 0x3a, 0x40, 0x20, 0x01, 0x0d, 0xb8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x20, 0x01, 0x0d, 0xb8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x9b, 0x03, 0xca, 0xf9, 0x07, 0x80, 0x09, 0x00, 0x20, 0x01,
        0x0d, 0xb8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02});
    CHECK(print_frame(numeric_utc(), frame) ==
          "IP6 2001:db8::1 > 2001:db8::2: ICMP6, RPL, (CLR)Destination Advertisement Object Ack, length 24\n");
    check_whole_and_cuts(with_verbosity(1), frame,
        "IP6 (hlim 64, next-header ICMPv6 (58) payload length: 24) 2001:db8::1 > 2001:db8::2: [icmp6 sum ok] ICMP6, RPL, (CLR)Destination Advertisement Object Ack [dagid:2001:db8::2,seq:9,instance:7,status:0]\n", {
        {1, 13, 0, " [|ether]\n"},
        {14, 53, 0, " [|ip6]\n"},
        {54, 54, 0, "IP6 (hlim 64, next-header ICMPv6 (58) payload length: 24) 2001:db8::1 > 2001:db8::2:  [|icmp6]\n"},
        {55, 55, 0, "IP6 (hlim 64, next-header ICMPv6 (58) payload length: 24) 2001:db8::1 > 2001:db8::2: ICMP6, RPL [|icmp6]\n"},
        {56, 77, 0, "IP6 (hlim 64, next-header ICMPv6 (58) payload length: 24) 2001:db8::1 > 2001:db8::2: ICMP6, RPL, (CLR)Destination Advertisement Object Ack [|icmp6]\n"},
        {78, 78, 1, ""},
    });
}
