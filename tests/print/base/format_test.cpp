// Pieces of the output format: addresses, hex dumps, checksums, timestamps.
#include <doctest/doctest.h>

#include <string>

#include "src/print/base/address.hpp"
#include "src/print/base/checksum.hpp"
#include "src/print/base/hexdump.hpp"
#include "src/print/base/timestamp.hpp"
#include "tests/print/packets.hpp"

using namespace rawdump;
using namespace rawdump::print;

namespace {
template <typename A>
std::string numeric(const A& a) {
    fmt::memory_buffer out;
    append_numeric(out, a);
    return fmt::to_string(out);
}

Ipv6Address v6(std::initializer_list<int> words) {
    Ipv6Address a;
    int i = 0;
    for (int w : words) {
        a.bytes[i++] = static_cast<std::uint8_t>(w >> 8);
        a.bytes[i++] = static_cast<std::uint8_t>(w);
    }
    return a;
}
}  // namespace

TEST_CASE("IPv4 and MAC numeric forms") {
    CHECK(numeric(Ipv4Address{{192, 0, 2, 255}}) == "192.0.2.255");
    CHECK(numeric(Ipv4Address{{0, 0, 0, 0}}) == "0.0.0.0");
    CHECK(numeric(MacAddress{{0x00, 0x1a, 0xff, 0x03, 0x04, 0xa0}}) == "00:1a:ff:03:04:a0");
}

TEST_CASE("IPv6 compression as inet_ntop does it") {
    CHECK(numeric(v6({0x2001, 0xdb8, 0, 0, 0, 0, 0, 1})) == "2001:db8::1");
    CHECK(numeric(v6({0, 0, 0, 0, 0, 0, 0, 1})) == "::1");
    CHECK(numeric(v6({0, 0, 0, 0, 0, 0, 0, 0})) == "::");
    CHECK(numeric(v6({0xfe80, 0, 0, 0, 0, 0, 0, 0})) == "fe80::");
    CHECK(numeric(v6({0x2001, 0xdb8, 0, 1, 0, 0, 0, 1})) == "2001:db8:0:1::1");   // longest run wins
    CHECK(numeric(v6({0x2001, 0, 0, 1, 0, 0, 1, 1})) == "2001::1:0:0:1:1");      // first of equal runs
    CHECK(numeric(v6({0x2001, 0xdb8, 1, 2, 3, 4, 0, 5})) == "2001:db8:1:2:3:4:0:5");  // single zero
    CHECK(numeric(v6({0, 0, 0, 0, 0, 0xffff, 0xc000, 0x0201})) == "::ffff:192.0.2.1");
}

TEST_CASE("hex dumps match print-ascii.c") {
    auto data = test::bytes({0x45, 0x00, 0x00, 0x1d, 0x00, 0x01, 0x00, 0x00, 0x40, 0x11, 0x7c, 0xcd, 0x7f,
                             0x00, 0x00, 0x01, 0x7f, 0x00, 0x00, 0x01, 0x9c, 0x40, 0x00, 0x09, 0x00, 0x09,
                             0xed, 0x8f, 0x78});
    fmt::memory_buffer hex, ascii;
    hex_dump(hex, data);
    hex_ascii_dump(ascii, data);
    CHECK(fmt::to_string(hex) ==
          "\n\t0x0000:  4500 001d 0001 0000 4011 7ccd 7f00 0001"
          "\n\t0x0010:  7f00 0001 9c40 0009 0009 ed8f 78");
    CHECK(fmt::to_string(ascii) ==
          "\n\t0x0000:  4500 001d 0001 0000 4011 7ccd 7f00 0001  E.......@.|....."
          "\n\t0x0010:  7f00 0001 9c40 0009 0009 ed8f 78         .....@......x");
    fmt::memory_buffer none;
    hex_dump(none, {});
    CHECK(none.size() == 0);
}

TEST_CASE("checksums and the value the field should have had") {
    // An IPv4 header whose checksum field is right sums to zero.
    auto header = test::bytes({0x45, 0x00, 0x00, 0x20, 0x00, 0x01, 0x00, 0x00, 0x40, 0x11, 0x8e, 0x90,
                               0xc0, 0x00, 0x02, 0x01, 0xc6, 0x33, 0x64, 0x07});
    CHECK(checksum_finish(checksum_add(0, header)) == 0);
    header[10] = std::byte{0x43};
    header[11] = std::byte{0x21};
    std::uint16_t computed = checksum_finish(checksum_add(0, header));
    CHECK(computed != 0);
    CHECK(checksum_should_be(0x4321, computed) == 0x8e90);
    // Odd length: the last byte is the high half of a word.
    CHECK(checksum_add(0, test::bytes({0x01})) == 0x0100);
}

TEST_CASE("timestamps in every -t style") {
    auto render = [](TimestampStyle style, bool nano, std::initializer_list<rawdump::Timestamp> times,
                     const TimeZone& zone = utc_time_zone) {
        TimestampPrinter p(style, nano, zone);
        fmt::memory_buffer out;
        for (const auto& t : times) p.print(out, t);
        return fmt::to_string(out);
    };
    rawdump::Timestamp t{1700000000, 123456789};
    CHECK(render(TimestampStyle::Local, false, {t}) == "22:13:20.123456 ");
    CHECK(render(TimestampStyle::Local, true, {t}) == "22:13:20.123456789 ");
    CHECK(render(TimestampStyle::None, false, {t}).empty());
    CHECK(render(TimestampStyle::Epoch, false, {t}) == "1700000000.123456 ");
    CHECK(render(TimestampStyle::LocalDate, false, {t}) == "2023-11-14 22:13:20.123456 ");
    // Local time comes from the zone handed in: 5 hours west of UTC, and across midnight.
    const FixedTimeZone new_york_winter{-5 * 3600};
    CHECK(render(TimestampStyle::Local, false, {t}, new_york_winter) == "17:13:20.123456 ");
    CHECK(render(TimestampStyle::LocalDate, false, {{1700010000, 0}}, new_york_winter) ==
          "2023-11-14 20:00:00.000000 ");
    CHECK(render(TimestampStyle::LocalDate, false, {{1700020000, 0}}, FixedTimeZone{2 * 3600}) ==
          "2023-11-15 05:46:40.000000 ");
    CHECK(render(TimestampStyle::Epoch, false, {t}, new_york_winter) == "1700000000.123456 ");
    rawdump::Timestamp later{1700000001, 124456789}, earlier{1699999999, 0};
    CHECK(render(TimestampStyle::DeltaPrevious, false, {t, later, earlier}) ==
          " 00:00:00.000000  00:00:01.001000 -00:00:02.124456 ");
    CHECK(render(TimestampStyle::DeltaFirst, false, {t, later, later}) ==
          " 00:00:00.000000  00:00:01.001000  00:00:01.001000 ");
}
