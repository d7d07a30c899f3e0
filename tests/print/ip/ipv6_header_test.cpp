// The fixed IPv6 header decoded into its struct: every field, and no header from a cut one.
#include <doctest/doctest.h>

#include <vector>

#include "src/print/ip/ipv6_header.hpp"
#include "tests/print/packets.hpp"

using namespace rawdump::print;
using rawdump::test::bytes;

namespace {

// 2001:db8::1 > 2001:db8::2, traffic class 0xb9 (DSCP 46, ECN 1), flow label 0xabcde,
// payload 20 bytes, next header TCP, hop limit 64.
std::vector<std::byte> header() {
    return bytes({0x6b, 0x9a, 0xbc, 0xde, 0x00, 0x14, 0x06, 0x40,
                  0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01,
                  0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02});
}

}  // namespace

TEST_CASE("IPv6 header: every field of the fixed 40 bytes") {
    const auto raw = header();
    const auto h = rawdump::test::decoded(raw, decode_ipv6_header);
    CHECK(h.version == 6);
    CHECK(h.traffic_class == 0xb9);
    CHECK(h.dscp() == 46);
    CHECK(h.ecn() == 1);
    CHECK(h.flow_label == 0xabcde);
    CHECK(h.payload_length == 20);
    CHECK(h.next_header == 6);
    CHECK(h.hop_limit == 64);
    CHECK(h.source == Ipv6Address{{0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01}});
    CHECK(h.destination == Ipv6Address{{0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02}});
}

TEST_CASE("IPv6 header: the version is taken as it is") {
    auto raw = header();
    raw[0] = std::byte{0x45};
    const auto h = rawdump::test::decoded(raw, decode_ipv6_header);
    CHECK(h.version == 4);
    CHECK(h.traffic_class == 0x59);
}

TEST_CASE("IPv6 header: a cut before its 40 bytes gives no header") {
    const auto raw = header();
    rawdump::test::check_cuts_give_nothing(raw, Ipv6Header::size, decode_ipv6_header);
}
