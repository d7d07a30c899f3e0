// The ARP packet decoded into its struct: every field and the four addresses, and no header
// from a cut one.
#include <doctest/doctest.h>

#include <vector>

#include "src/print/link/arp_header.hpp"
#include "tests/print/packets.hpp"

using namespace rawdump::print;
using rawdump::test::bytes;

namespace {

// Ethernet/IPv4 request: who-has 192.0.2.7 tell 192.0.2.1 (00:11:22:33:44:55).
std::vector<std::byte> request() {
    return bytes({0x00, 0x01, 0x08, 0x00, 6, 4, 0x00, 0x01,
                  0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 192, 0, 2, 1,
                  0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 192, 0, 2, 7});
}

}  // namespace

TEST_CASE("ARP header: types, lengths, operation and addresses") {
    const auto raw = request();
    const auto h = rawdump::test::decoded(raw, decode_arp_header);
    CHECK(h.hardware_type == 1);
    CHECK(h.protocol_type == 0x0800);
    CHECK(h.hardware_length == 6);
    CHECK(h.protocol_length == 4);
    CHECK(h.operation == 1);
    CHECK(ByteReader{h.sender_hardware}.mac() == MacAddress{{0x00, 0x11, 0x22, 0x33, 0x44, 0x55}});
    CHECK(ByteReader{h.sender_protocol}.ipv4() == Ipv4Address{{192, 0, 2, 1}});
    CHECK(ByteReader{h.target_hardware}.mac() == MacAddress{});
    CHECK(ByteReader{h.target_protocol}.ipv4() == Ipv4Address{{192, 0, 2, 7}});
    CHECK(h.sender_hardware.size() == 6);
    CHECK(h.target_protocol.size() == 4);
}

TEST_CASE("ARP header: addresses take the declared lengths, even zero") {
    const auto raw = bytes({0x00, 0x06, 0x08, 0x00, 0, 2, 0x00, 0x02, 0xaa, 0xbb, 0xcc, 0xdd});
    const auto h = rawdump::test::decoded(raw, decode_arp_header);
    CHECK(h.sender_hardware.empty());
    CHECK(h.target_hardware.empty());
    CHECK(h.sender_protocol.size() == 2);
    CHECK(std::to_integer<int>(h.target_protocol[1]) == 0xdd);
}

TEST_CASE("ARP header: a cut anywhere before the last address byte gives no header") {
    const auto raw = request();
    rawdump::test::check_cuts_give_nothing(raw, raw.size(), decode_arp_header);
}
