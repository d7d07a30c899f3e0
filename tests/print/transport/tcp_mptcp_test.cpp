// MPTCP options inside the TCP option list; expected text from tcpdump 4.99.3 on the same
// options (crafted segments, 10.0.0.1.1234 > 10.0.0.2.4321).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "src/print/base/context.hpp"
#include "src/print/transport/tcp_mptcp.hpp"
#include "src/print/base/tcp_sequence.hpp"
#include "tests/print/printer_harness.hpp"

using namespace rawdump;

namespace {

constexpr std::uint8_t syn = 0x02, ack = 0x10;

struct Printed {
    std::string text;
    bool valid = false;
};

Printed mptcp(std::vector<int> option, std::uint8_t flags, bool numeric = true) {
    test::PrinterHarness h(test::PrinterHarness::options_for(0, numeric));
    std::vector<std::byte> bytes;
    for (int b : option) bytes.push_back(static_cast<std::byte>(b));
    bool valid = print::print_mptcp_option(h.ctx, print::ByteReader{bytes}, flags);
    return {h.text(), valid};
}

}  // namespace

TEST_CASE("MP_CAPABLE: keys by length, version and checksum flag") {
    CHECK(mptcp({30, 12, 0x00, 0x81, 1, 2, 3, 4, 5, 6, 7, 8}, syn).text == " 12 capable v0 csum {0x102030405060708}");
    CHECK(mptcp({30, 20, 0x00, 0x81, 1, 2, 3, 4, 5, 6, 7, 8, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18}, ack)
              .text == " 20 capable v0 csum {0x102030405060708,0x1112131415161718}");
    CHECK(mptcp({30, 4, 0x01, 0x00}, syn).text == " 4 capable v1");
    CHECK(mptcp({30, 4, 0x02, 0x00}, syn).text == " 4 capable Unknown Version (2)");
    auto wrong_flags = mptcp({30, 4, 0x01, 0x00}, ack);
    CHECK_FALSE(wrong_flags.valid);
    CHECK(wrong_flags.text == " 4 capable");
}

TEST_CASE("MP_JOIN's three handshake forms") {
    CHECK(mptcp({30, 12, 0x11, 5, 0xaa, 0xbb, 0xcc, 0xdd, 0x11, 0x22, 0x33, 0x44}, syn).text ==
          " 12 join backup id 5 token 0xaabbccdd nonce 0x11223344");
    CHECK(mptcp({30, 16, 0x10, 5, 0xaa, 0xbb, 0xcc, 0xdd, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88},
                syn | ack).text == " 16 join id 5 hmac 0xaabbccdd11223344 nonce 0x55667788");
    std::vector<int> third{30, 24, 0x10, 5};
    for (int i = 0; i < 20; ++i) third.push_back(i);
    CHECK(mptcp(third, ack).text == " 24 join hmac 0x000102030405060708090a0b0c0d0e0f10111213");
}

TEST_CASE("DSS: labels printed before their length is checked") {
    CHECK(mptcp({30, 8, 0x20, 0x01, 0, 0, 0, 9}, ack).text == " 8 dss ack 9");
    auto syn_dss = mptcp({30, 8, 0x20, 0x01, 0, 0, 0, 9}, syn | ack);
    CHECK_FALSE(syn_dss.valid);
    CHECK(syn_dss.text == " 8 dss");
    auto short_ack = mptcp({30, 8, 0x20, 0x13, 0, 0, 0, 9}, ack);  // fin, 8-byte ack, 4 bytes left
    CHECK_FALSE(short_ack.valid);
    CHECK(short_ack.text == " 8 dss fin ack ");
}

TEST_CASE("ADD_ADDR, REMOVE_ADDR, MP_PRIO, MP_FAIL, MP_FASTCLOSE") {
    CHECK(mptcp({30, 8, 0x30, 3, 192, 168, 1, 1}, ack).text == " 8 add-addr v1 id 3 192.168.1.1");
    CHECK(mptcp({30, 16, 0x36, 3, 192, 168, 1, 1, 1, 2, 3, 4, 5, 6, 7, 8}, ack).text ==
          " 16 add-addr v0-ip6 id 3 192.168.1.1 hmac 0x102030405060708");
    CHECK(mptcp({30, 6, 0x40, 1, 2, 3}, ack).text == " 6 rem-addr id 1 2 3");
    CHECK(mptcp({30, 4, 0x50, 7}, ack).text == " 4 prio non-backup id 7");
    CHECK(mptcp({30, 3, 0x51}, ack).text == " 3 prio backup");
    CHECK(mptcp({30, 12, 0x60, 0, 0, 0, 0, 0, 0, 0, 1, 0}, ack).text == " 12 fail seq 256");
    CHECK(mptcp({30, 12, 0x70, 0, 0, 0, 0, 0, 0, 0, 1, 0xff}, ack).text == " 12 fast-close key 0x1ff");
    CHECK(mptcp({30, 5, 0x90, 0, 0}, ack).text == " 5 unknown");
    CHECK_FALSE(mptcp({30, 2}, ack).valid);
}
