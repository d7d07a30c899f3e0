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
