// Ring sizing (libpcap's create_ring numbers) and per-packet fix-ups on a synthetic block.
#include <doctest/doctest.h>

#include <linux/if_ether.h>

#include <array>
#include <cstring>

#include "platform/capture.hpp"
#include "platform/ring.hpp"
#include "platform/ring_packet.hpp"

using namespace rawdump;
using namespace rawdump::platform;

TEST_CASE("default ring: 2 MiB as 8 blocks of 256 KiB, one frame each") {
    const auto g = ring_geometry(2 * 1024 * 1024, 4096);
    CHECK(g.frame_size == 262144);
    CHECK(g.block_size == 262144);
    CHECK(g.block_count == 8);
    CHECK(g.frame_count == 8);
    CHECK(g.bytes() == 2u * 1024 * 1024);
}

TEST_CASE("ring sizing rounds the buffer up and never goes below one block") {
    CHECK(ring_geometry(2 * 1024 * 1024 + 1, 4096).block_count == 9);
    CHECK(ring_geometry(1000, 4096).block_count == 1);
    CHECK(ring_geometry(64 * 1024 * 1024, 65536).block_count == 256);
    auto g = ring_geometry(2 * 1024 * 1024, 4096);
    g = shrink_ring(g);
    CHECK(g.block_count == 7);
    CHECK(g.frame_count == 7);
}

namespace {

// One packet laid out as the kernel does it in a TPACKET_V3 block: header, sockaddr_ll,
// PACKET_RESERVE headroom, then the frame at tp_mac.
struct SyntheticPacket {
    alignas(16) std::array<std::byte, 512> bytes{};
    static constexpr unsigned mac_offset = 102;  // leaves > 4 bytes after the sockaddr_ll (ends at 68)

    tpacket3_hdr* header() { return reinterpret_cast<tpacket3_hdr*>(bytes.data()); }
    sockaddr_ll* address() {
        return reinterpret_cast<sockaddr_ll*>(bytes.data() + TPACKET_ALIGN(sizeof(tpacket3_hdr)));
    }
    std::byte* mac() { return bytes.data() + mac_offset; }

    SyntheticPacket(unsigned length, unsigned char pkttype) {
        header()->tp_mac = mac_offset;
        header()->tp_snaplen = length;
        header()->tp_len = length;
        header()->tp_sec = 1700000000;
        header()->tp_nsec = 123456789;
        address()->sll_pkttype = pkttype;
        for (unsigned i = 0; i < length; ++i) mac()[i] = std::byte(i);
    }
};

}  // namespace

TEST_CASE("lo's outgoing copy is dropped, other directions and interfaces are kept") {
    SyntheticPacket outgoing(60, PACKET_OUTGOING);
    CHECK_FALSE(ring_packet_to_frame(outgoing.header(), true, 262144).has_value());
    CHECK(ring_packet_to_frame(outgoing.header(), false, 262144).has_value());  // eth0 keeps it
    SyntheticPacket incoming(60, PACKET_HOST);
    const auto frame = ring_packet_to_frame(incoming.header(), true, 262144);
    REQUIRE(frame.has_value());
    CHECK(frame->time.seconds == 1700000000);
    CHECK(frame->time.nanoseconds == 123456789u);
    CHECK(frame->wire_length == 60);
    CHECK(frame->bytes.size() == 60);
    CHECK(frame->bytes.data() == incoming.mac());
}

TEST_CASE("caplen is clipped to the snaplen, wire length is not") {
    SyntheticPacket packet(200, PACKET_HOST);
    const auto frame = ring_packet_to_frame(packet.header(), false, 96);
    REQUIRE(frame.has_value());
    CHECK(frame->bytes.size() == 96);
    CHECK(frame->wire_length == 200);
}

TEST_CASE("a stripped VLAN tag is re-inserted after the MAC addresses, in the headroom") {
    SyntheticPacket packet(60, PACKET_HOST);
    packet.header()->tp_status = TP_STATUS_VLAN_VALID;
    packet.header()->hv1.tp_vlan_tci = 0x2064;  // priority 1, VLAN 100
    const auto frame = ring_packet_to_frame(packet.header(), false, 262144);
    REQUIRE(frame.has_value());
    CHECK(frame->bytes.size() == 64);
    CHECK(frame->wire_length == 64);
    CHECK(frame->bytes.data() == packet.mac() - 4);
    for (unsigned i = 0; i < 12; ++i) CHECK(frame->bytes[i] == std::byte(i));
    CHECK(frame->bytes[12] == std::byte{0x81});
    CHECK(frame->bytes[13] == std::byte{0x00});
    CHECK(frame->bytes[14] == std::byte{0x20});
    CHECK(frame->bytes[15] == std::byte{0x64});
    for (unsigned i = 12; i < 60; ++i) CHECK(frame->bytes[i + 4] == std::byte(i));
}

TEST_CASE("VLAN ID 0 counts when TP_STATUS_VLAN_VALID says so; 802.1ad TPID is kept") {
    SyntheticPacket zero(60, PACKET_HOST);
    zero.header()->tp_status = TP_STATUS_VLAN_VALID;
    const auto frame = ring_packet_to_frame(zero.header(), false, 262144);
    REQUIRE(frame.has_value());
    CHECK(frame->bytes.size() == 64);

    SyntheticPacket qinq(60, PACKET_HOST);
    qinq.header()->tp_status = TP_STATUS_VLAN_VALID | TP_STATUS_VLAN_TPID_VALID;
    qinq.header()->hv1.tp_vlan_tci = 7;
    qinq.header()->hv1.tp_vlan_tpid = ETH_P_8021AD;
    const auto tagged = ring_packet_to_frame(qinq.header(), false, 262144);
    REQUIRE(tagged.has_value());
    CHECK(tagged->bytes[12] == std::byte{0x88});
    CHECK(tagged->bytes[13] == std::byte{0xa8});

    SyntheticPacket untagged(60, PACKET_HOST);
    CHECK(ring_packet_to_frame(untagged.header(), false, 262144)->bytes.size() == 60);
}

TEST_CASE("TPACKET_V2 frames (--immediate-mode) hold the largest packet, as libpcap sizes them") {
    // 80 bytes of header room (tpacket2_hdr, sockaddr_ll, the 16-byte link header gap), the
    // reserve, then min(snaplen, 65535 + 18), rounded to TPACKET_ALIGNMENT.
    CHECK(frame_ring_frame_size(262144, 4) == TPACKET_ALIGN(80 + 4 + 65553));
    CHECK(frame_ring_frame_size(128, 4) == TPACKET_ALIGN(80 + 4 + 128));
    const auto big = ring_geometry(2 * 1024 * 1024, 4096, frame_ring_frame_size(262144, 4));
    CHECK(big.block_size == 131072);  // one 64 KiB frame per block
    CHECK(big.frame_count == 32);
    CHECK(big.block_count == 32);
    const auto small = ring_geometry(2 * 1024 * 1024, 4096, frame_ring_frame_size(128, 4));
    CHECK(small.block_size == 4096);
    CHECK(small.frame_count == small.block_count * (4096 / small.frame_size));
    CHECK(small.frame_count >= 9000);
}

TEST_CASE("a TPACKET_V2 frame becomes the same Frame: lo's duplicate skipped, VLAN tag put back") {
    alignas(16) std::array<std::byte, 512> bytes{};
    constexpr unsigned mac_offset = 102;
    auto* header = reinterpret_cast<tpacket2_hdr*>(bytes.data());
    auto* address = reinterpret_cast<sockaddr_ll*>(bytes.data() + TPACKET_ALIGN(sizeof(tpacket2_hdr)));
    header->tp_mac = mac_offset;
    header->tp_snaplen = 60;
    header->tp_len = 60;
    header->tp_sec = 1700000000;
    header->tp_nsec = 5;
    header->tp_status = TP_STATUS_USER | TP_STATUS_VLAN_VALID;
    header->tp_vlan_tci = 0x2064;
    for (unsigned i = 0; i < 60; ++i) bytes[mac_offset + i] = std::byte(i);
    FrameRules rules;
    rules.vlan_offset = 12;
    rules.loopback_ifindex = 1;

    address->sll_ifindex = 1;
    address->sll_pkttype = PACKET_OUTGOING;
    CHECK_FALSE(ring_packet_to_frame(header, rules).has_value());

    address->sll_pkttype = PACKET_HOST;
    const auto frame = ring_packet_to_frame(header, rules);
    REQUIRE(frame.has_value());
    CHECK(frame->time.seconds == 1700000000);
    CHECK(frame->time.nanoseconds == 5);
    CHECK(frame->bytes.size() == 64);
    CHECK(frame->wire_length == 64);
    CHECK(frame->bytes[12] == std::byte{0x81});
    CHECK(frame->bytes[14] == std::byte{0x20});
    CHECK(frame->bytes[15] == std::byte{0x64});
    CHECK(frame->bytes[16] == std::byte{12});
}
