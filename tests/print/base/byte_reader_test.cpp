#include <doctest/doctest.h>

#include "src/print/base/byte_reader.hpp"
#include "tests/print/packets.hpp"

using rawdump::print::ByteReader;
using rawdump::test::bytes;

TEST_CASE("ByteReader reads big-endian fields in order") {
    auto data = bytes({0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a});
    ByteReader r{data};
    CHECK(r.u8() == 0x01);
    CHECK(r.be16() == 0x0203);
    CHECK(r.be24() == 0x040506);
    CHECK(r.be32() == 0x0708090a);
    CHECK(r.remaining() == 0);
    CHECK_FALSE(r.truncated());
}

TEST_CASE("a short read returns 0, consumes nothing and stays truncated") {
    auto data = bytes({0xaa, 0xbb, 0xcc});
    ByteReader r{data};
    CHECK(r.be16() == 0xaabb);
    CHECK(r.be16() == 0);
    CHECK(r.truncated());
    CHECK(r.position() == 2);
    // Sticky: even a read that would fit now fails, like tcpdump's longjmp.
    CHECK(r.u8() == 0);
    CHECK(r.truncated());
    CHECK(r.bytes(1).empty());
}

TEST_CASE("windows clip to the capture without marking truncation") {
    auto data = bytes({1, 2, 3, 4, 5, 6});
    ByteReader r{data};
    ByteReader w = r.window(2, 100);  // declared length beyond the capture
    CHECK(w.size() == 4);
    CHECK_FALSE(w.truncated());
    CHECK(w.be32() == 0x03040506);
    CHECK(r.window(7, 1).size() == 0);
    CHECK(r.window(6, 1).size() == 0);
    ByteReader n = r.window(0, 3);
    CHECK(n.be16() == 0x0102);
    CHECK(n.be16() == 0);  // cannot read past its own end even though the parent could
    CHECK(n.truncated());
    r.skip(4);
    CHECK(r.narrowed(10).size() == 2);
    CHECK(r.narrowed(1).size() == 1);
}

TEST_CASE("empty reader") {
    ByteReader r;
    CHECK(r.size() == 0);
    CHECK_FALSE(r.has(1));
    CHECK(r.u8() == 0);
    CHECK(r.truncated());
}

TEST_CASE("addresses are read in order, zero and truncated when short") {
    auto data = bytes({192, 0, 2, 1, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x20, 0x01});
    ByteReader r{data};
    CHECK(r.ipv4().value() == 0xc0000201u);
    const auto mac = r.mac();
    CHECK(mac.bytes == std::array<std::uint8_t, 6>{0x00, 0x11, 0x22, 0x33, 0x44, 0x55});
    CHECK_FALSE(r.truncated());
    CHECK(r.ipv6() == rawdump::print::Ipv6Address{});
    CHECK(r.truncated());
}

TEST_CASE("reads at an offset leave the cursor and the truncation flag alone") {
    auto data = bytes({0x01, 0x02, 0x03, 0x04, 0x05, 0x06});
    ByteReader r{data};
    r.u8();
    CHECK(r.u8_at(5) == 0x06);
    CHECK(r.be16_at(1) == 0x0203);
    CHECK(r.be24_at(3) == 0x040506);
    CHECK(r.be32_at(2) == 0x03040506);
    CHECK(r.ipv4_at(0).value() == 0x01020304u);
    CHECK(r.be32_at(3) == 0);  // one byte short
    CHECK(r.be16_at(7) == 0);  // past the end
    CHECK(r.mac_at(1) == rawdump::print::MacAddress{});
    CHECK(r.has_at(4, 2));
    CHECK_FALSE(r.has_at(5, 2));
    CHECK_FALSE(r.has_at(7, 0));
    CHECK(r.position() == 1);
    CHECK_FALSE(r.truncated());
}
