// The fixed IPv4 header decoded into its struct: every field, and no header from a cut one.
#include <doctest/doctest.h>

#include <vector>

#include "src/print/ip/ipv4_header.hpp"
#include "tests/print/packets.hpp"

using namespace rawdump::print;
using rawdump::test::bytes;

namespace {

// 192.0.2.1 > 198.51.100.7, IHL 6 (one option word), DSCP 46 (EF) with ECN CE, id 0x1234,
// DF and MF set, offset 185 * 8, TTL 64, UDP, checksum 0xbeef.
std::vector<std::byte> header() {
    return bytes({0x46, 0xbb, 0x00, 0x40, 0x12, 0x34, 0x60, 0xb9, 0x40, 0x11, 0xbe, 0xef,
                  192, 0, 2, 1, 198, 51, 100, 7});
}

}  // namespace

TEST_CASE("IPv4 header: every field of the fixed 20 bytes") {
    const auto raw = header();
    const auto h = rawdump::test::decoded(raw, decode_ipv4_header);
    CHECK(h.version == 4);
    CHECK(h.header_length == 24);
    CHECK(h.tos == 0xbb);
    CHECK(h.dscp() == 46);
    CHECK(h.ecn() == 3);
    CHECK(h.total_length == 64);
    CHECK(h.id == 0x1234);
    CHECK(h.flags == (Ipv4Header::flag_dont_fragment | Ipv4Header::flag_more_fragments));
    CHECK(h.dont_fragment());
    CHECK(h.more_fragments());
    CHECK(h.fragment_offset == 185 * 8);
    CHECK(h.is_fragment());
    CHECK(h.ttl == 64);
    CHECK(h.protocol == 17);
    CHECK(h.checksum == 0xbeef);
    CHECK(h.source == Ipv4Address{{192, 0, 2, 1}});
    CHECK(h.destination == Ipv4Address{{198, 51, 100, 7}});
}

TEST_CASE("IPv4 header: the reserved flag, and a whole datagram is no fragment") {
    auto raw = header();
    raw[6] = std::byte{0x80};
    raw[7] = std::byte{0x00};
    const auto h = rawdump::test::decoded(raw, decode_ipv4_header);
    CHECK(h.flags == Ipv4Header::flag_reserved);
    CHECK_FALSE(h.dont_fragment());
    CHECK_FALSE(h.more_fragments());
    CHECK(h.fragment_offset == 0);
    CHECK_FALSE(h.is_fragment());
}

TEST_CASE("IPv4 header: a cut before its 20 bytes gives no header") {
    const auto raw = header();
    rawdump::test::check_cuts_give_nothing(raw, Ipv4Header::size, decode_ipv4_header);
}
