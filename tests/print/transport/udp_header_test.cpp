// The UDP header decoded into its struct: every field, and no header from a cut one.
#include <doctest/doctest.h>

#include "src/print/transport/udp_header.hpp"
#include "tests/print/packets.hpp"

using namespace rawdump::print;
using rawdump::test::bytes;

TEST_CASE("UDP header: ports, length and checksum") {
    const auto raw = bytes({0x9c, 0x40, 0x00, 0x35, 0x00, 0x0c, 0x43, 0x21, 'a', 'b', 'c', 'd'});
    const auto h = rawdump::test::decoded(raw, decode_udp_header);
    CHECK(h.source_port == 40000);
    CHECK(h.destination_port == 53);
    CHECK(h.length == 12);
    CHECK(h.checksum == 0x4321);
}

TEST_CASE("UDP header: a cut before its 8 bytes gives no header") {
    const auto raw = bytes({0x9c, 0x40, 0x00, 0x35, 0x00, 0x0c, 0x43, 0x21});
    rawdump::test::check_cuts_give_nothing(raw, UdpHeader::size, decode_udp_header);
    CHECK(decode_udp_header(ByteReader{raw}));
}
