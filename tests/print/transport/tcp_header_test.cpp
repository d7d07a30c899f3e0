// The fixed TCP header decoded into its struct: every field, and no header from a cut one.
#include <doctest/doctest.h>

#include <vector>

#include "src/print/transport/tcp_header.hpp"
#include "tests/print/packets.hpp"

using namespace rawdump::print;
using rawdump::test::bytes;

namespace {

// 40000 > 9999, seq 1000001, ack 2000001, data offset 8 (32 bytes), PSH|ACK|URG|CWR,
// window 502, checksum 0x6b32, urgent pointer 7.
std::vector<std::byte> header() {
    return bytes({0x9c, 0x40, 0x27, 0x0f, 0x00, 0x0f, 0x42, 0x41, 0x00, 0x1e, 0x84, 0x81,
                  0x80, 0xb8, 0x01, 0xf6, 0x6b, 0x32, 0x00, 0x07});
}

}  // namespace

TEST_CASE("TCP header: every field of the fixed 20 bytes") {
    const auto raw = header();
    const auto h = rawdump::test::decoded(raw, decode_tcp_header);
    CHECK(h.source_port == 40000);
    CHECK(h.destination_port == 9999);
    CHECK(h.sequence == 1000001);
    CHECK(h.acknowledgment == 2000001);
    CHECK(h.header_length == 32);
    CHECK(h.flags == 0xb8);
    CHECK(h.has(TcpFlag::Push));
    CHECK(h.has(TcpFlag::Ack));
    CHECK(h.has(TcpFlag::Urg));
    CHECK(h.has(TcpFlag::Cwr));
    CHECK_FALSE(h.has(TcpFlag::Syn));
    CHECK_FALSE(h.has(TcpFlag::Fin));
    CHECK_FALSE(h.has(TcpFlag::Rst));
    CHECK_FALSE(h.has(TcpFlag::Ece));
    CHECK(h.window == 502);
    CHECK(h.checksum == 0x6b32);
    CHECK(h.urgent_pointer == 7);
}

TEST_CASE("TCP header: the data offset is taken as it is, even below 20") {
    auto raw = header();
    raw[12] = std::byte{0x20};
    const auto h = rawdump::test::decoded(raw, decode_tcp_header);
    CHECK(h.header_length == 8);
}

TEST_CASE("TCP header: a cut before its 20 bytes gives no header") {
    const auto raw = header();
    rawdump::test::check_cuts_give_nothing(raw, TcpHeader::size, decode_tcp_header);
}
