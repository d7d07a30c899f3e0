// The Ethernet header and its VLAN tags decoded into structs: every field, and no header
// from a cut one.
#include <doctest/doctest.h>

#include "src/print/link/ethernet_header.hpp"
#include "tests/print/packets.hpp"

using namespace rawdump::print;
using rawdump::test::bytes;
using rawdump::test::ethernet;

TEST_CASE("Ethernet header: destination, source and EtherType") {
    const auto raw = ethernet(0x08, 0x00);
    const auto h = rawdump::test::decoded(raw, decode_ethernet_header);
    CHECK(h.destination == MacAddress{{0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb}});
    CHECK(h.source == MacAddress{{0x00, 0x11, 0x22, 0x33, 0x44, 0x55}});
    CHECK(h.type == 0x0800);
    CHECK_FALSE(h.is_length());
}

TEST_CASE("Ethernet header: a type field up to 1500 is an 802.3 length") {
    CHECK(decode_ethernet_header(ByteReader{ethernet(0x05, 0xdc)})->is_length());
    CHECK_FALSE(decode_ethernet_header(ByteReader{ethernet(0x05, 0xdd)})->is_length());
}

TEST_CASE("Ethernet header: a cut before its 14 bytes gives no header") {
    const auto raw = ethernet(0x86, 0xdd);
    rawdump::test::check_cuts_give_nothing(raw, EthernetHeader::size, decode_ethernet_header);
}

TEST_CASE("VLAN tag: priority, DEI, VLAN id and the next type") {
    const auto raw = bytes({0xb0, 0x64, 0x08, 0x06});  // p 5, DEI, vlan 100, ARP
    const auto tag = decode_vlan_tag(ByteReader{raw});
    REQUIRE(tag);
    CHECK(tag->priority == 5);
    CHECK(tag->drop_eligible);
    CHECK(tag->id == 100);
    CHECK(tag->type == 0x0806);
    const auto plain = decode_vlan_tag(ByteReader{bytes({0x0f, 0xff, 0x86, 0xdd})});
    REQUIRE(plain);
    CHECK(plain->priority == 0);
    CHECK_FALSE(plain->drop_eligible);
    CHECK(plain->id == 4095);
    for (std::size_t n = 0; n < VlanTag::size; ++n) {
        CAPTURE(n);
        CHECK_FALSE(decode_vlan_tag(ByteReader{std::span(raw).first(n)}));
    }
}
