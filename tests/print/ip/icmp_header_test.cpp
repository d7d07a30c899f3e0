// The ICMP header decoded into its struct: every field, and no header from a cut one.
#include <doctest/doctest.h>

#include "src/print/ip/icmp_header.hpp"
#include "tests/print/packets.hpp"

using namespace rawdump::print;
using rawdump::test::bytes;

TEST_CASE("ICMP header: type, code, checksum, identifier and sequence") {
    const auto raw = bytes({0x08, 0x00, 0xf7, 0xfd, 0x12, 0x34, 0x00, 0x02, 'p', 'i', 'n', 'g'});
    const auto h = rawdump::test::decoded(raw, decode_icmp_header);
    CHECK(h.type == 8);
    CHECK(h.code == 0);
    CHECK(h.checksum == 0xf7fd);
    CHECK(h.identifier == 0x1234);
    CHECK(h.sequence == 2);
    const auto unreachable = decode_icmp_header(ByteReader{bytes({3, 4, 0, 0, 0, 0, 0x05, 0xdc})});
    REQUIRE(unreachable);
    CHECK(unreachable->type == 3);
    CHECK(unreachable->code == 4);
    CHECK(unreachable->sequence == 1500);  // the next-hop MTU's bytes
}

TEST_CASE("ICMP header: a cut before its 8 bytes gives no header") {
    const auto raw = bytes({0x08, 0x00, 0xf7, 0xfd, 0x12, 0x34, 0x00, 0x02});
    rawdump::test::check_cuts_give_nothing(raw, IcmpHeader::size, decode_icmp_header);
}
