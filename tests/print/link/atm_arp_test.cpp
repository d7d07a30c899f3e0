// ATM ARP (RFC 2225), which tcpdump decodes with its own address lengths. Expected text from
// tcpdump 4.99.3, every cut of the capture included.
#include <doctest/doctest.h>

#include "tests/print/cut_expectations.hpp"

using namespace rawdump;
using namespace rawdump::test;

TEST_CASE("ATM ARP request with a subaddress") {
    const auto frame = bytes({0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x08, 0x06, 0x00, 0x13,
        0x08, 0x00, 0x06, 0x02, 0x00, 0x01, 0x04, 0x06, 0x00, 0x04, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06,
        0xaa, 0xbb, 0x0a, 0x00, 0x00, 0x01, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x10, 0x0a, 0x00, 0x00, 0x02});
    check_prints(frame, {
        {with_verbosity(1),
         "ARP, ATM, IPv4 (len 4/4), Request who-has 10.0.0.2 (0b:0c:0d:0e:0f:10) tell 10.0.0.1, length 34\n"},
        {with_link_header(),
         "00:11:22:33:44:55 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 48: Request who-has 10.0.0.2 (0b:0c:0d:0e:0f:10) tell 10.0.0.1, length 34\n"},
    });
    check_whole_and_cuts(numeric_utc(), frame,
        "ARP, Request who-has 10.0.0.2 (0b:0c:0d:0e:0f:10) tell 10.0.0.1, length 34\n", {
        {1, 13, 0, " [|ether]\n"},
        {14, 47, 0, " [|arp]\n"},
        {48, 48, 1, ""},
    });
}
