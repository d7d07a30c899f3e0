// Cooked captures: the LINUX_SLL/SLL2 header built from a sockaddr_ll, VLAN tags in it, -Q,
// and fix_program(): the kernel's verdicts on the bare packet equal the program's on the
// packet with its header.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <linux/filter.h>
#include <linux/if_arp.h>
#include <linux/if_ether.h>

#include <array>
#include <cstring>
#include <string>
#include <vector>

#include "filter/compile.hpp"
#include "filter/vm.hpp"
#include "platform/cooked_header.hpp"
#include "platform/link_types_linux.hpp"
#include "platform/ring_packet.hpp"

using namespace rawdump;
using namespace rawdump::platform;

namespace {

sockaddr_ll address(unsigned char pkttype, std::uint16_t protocol, int ifindex = 3) {
    sockaddr_ll a{};
    a.sll_family = AF_PACKET;
    a.sll_protocol = htons(protocol);
    a.sll_ifindex = ifindex;
    a.sll_hatype = ARPHRD_ETHER;
    a.sll_pkttype = pkttype;
    a.sll_halen = 6;
    const unsigned char mac[8] = {0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff, 0x77, 0x77};  // 0x77: stale
    std::memcpy(a.sll_addr, mac, 8);
    return a;
}

template <std::size_t N>
std::vector<int> ints(const std::array<std::byte, N>& bytes) {
    std::vector<int> out;
    for (auto b : bytes) out.push_back(std::to_integer<int>(b));
    return out;
}

// A TPACKET_V3 packet of a SOCK_DGRAM socket: data (the IP packet) at tp_mac after headroom.
struct CookedPacket {
    alignas(16) std::array<std::byte, 512> bytes{};
    static constexpr unsigned mac_offset = 128;
    tpacket3_hdr* header() { return reinterpret_cast<tpacket3_hdr*>(bytes.data()); }
    sockaddr_ll* sll() { return reinterpret_cast<sockaddr_ll*>(bytes.data() + TPACKET_ALIGN(sizeof(tpacket3_hdr))); }
    CookedPacket(const sockaddr_ll& a, unsigned length) {
        header()->tp_mac = header()->tp_net = mac_offset;
        header()->tp_snaplen = header()->tp_len = length;
        *sll() = a;
        for (unsigned i = 0; i < length; ++i) bytes[mac_offset + i] = std::byte(0x40 + i);
    }
};

}  // namespace

TEST_CASE("LINUX_SLL header: pkttype, hatype, halen, address (zero past halen), protocol") {
    std::array<std::byte, sll_header_length> out{};
    write_sll_header(address(PACKET_OUTGOING, ETH_P_IP), out);
    CHECK(ints(out) == std::vector<int>{0, 4, 0, 1, 0, 6, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff, 0, 0, 8, 0});
}

TEST_CASE("LINUX_SLL2 header: protocol, reserved, ifindex, hatype, pkttype, halen, address") {
    std::array<std::byte, sll2_header_length> out{};
    write_sll2_header(address(PACKET_HOST, ETH_P_IPV6, 0x01020304), out);
    CHECK(ints(out) == std::vector<int>{0x86, 0xdd, 0, 0, 1, 2, 3, 4, 0, 1, 0, 6,
                                        0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff, 0, 0});
}

TEST_CASE("a cooked frame starts with its header; lengths include it") {
    CookedPacket packet(address(PACKET_HOST, ETH_P_IP), 40);
    FrameRules rules;
    rules.cooked = CookedHeader::Sll2;
    const auto frame = ring_packet_to_frame(packet.header(), rules);
    REQUIRE(frame.has_value());
    CHECK(frame->bytes.size() == 60);
    CHECK(frame->wire_length == 60);
    CHECK(std::to_integer<int>(frame->bytes[0]) == 0x08);
    CHECK(std::to_integer<int>(frame->bytes[20]) == 0x40);  // the IP packet follows
}

TEST_CASE("VLAN tags: LINUX_SLL gets the tag before its protocol field, LINUX_SLL2 none (libpcap)") {
    for (auto cooked : {CookedHeader::Sll, CookedHeader::Sll2}) {
        CookedPacket packet(address(PACKET_HOST, ETH_P_IP), 40);
        packet.header()->hv1.tp_vlan_tci = 0x2005;
        packet.header()->tp_status = TP_STATUS_VLAN_VALID;
        FrameRules rules;
        rules.cooked = cooked;
        rules.vlan_offset = vlan_offset_for(cooked == CookedHeader::Sll ? LinkType::LinuxSll : LinkType::LinuxSll2);
        const auto frame = ring_packet_to_frame(packet.header(), rules);
        REQUIRE(frame.has_value());
        const auto at = [&](std::size_t i) { return std::to_integer<int>(frame->bytes[i]); };
        if (cooked == CookedHeader::Sll) {
            CHECK(frame->bytes.size() == 16 + 4 + 40);
            CHECK(at(11) == 0xff);  // the address stays in place
            CHECK((at(14) == 0x81 && at(15) == 0x00 && at(16) == 0x20 && at(17) == 0x05));
            CHECK((at(18) == 0x08 && at(19) == 0x00 && at(20) == 0x40));
        } else {
            CHECK(frame->bytes.size() == 20 + 40);
            CHECK(at(20) == 0x40);
        }
    }
}

TEST_CASE("-Q keeps directions by sll_pkttype; lo's outgoing copy always goes (libpcap)") {
    FrameRules in, out, inout;
    in.directions = CaptureConfig::Directions::In;
    out.directions = CaptureConfig::Directions::Out;
    in.loopback_ifindex = out.loopback_ifindex = inout.loopback_ifindex = 1;
    const auto sent = address(PACKET_OUTGOING, ETH_P_IP, 3), got = address(PACKET_HOST, ETH_P_IP, 3);
    const auto lo_sent = address(PACKET_OUTGOING, ETH_P_IP, 1), lo_got = address(PACKET_HOST, ETH_P_IP, 1);
    CHECK(keep_direction(sent, inout));
    CHECK(keep_direction(got, inout));
    CHECK_FALSE(keep_direction(sent, in));
    CHECK(keep_direction(got, in));
    CHECK(keep_direction(sent, out));
    CHECK_FALSE(keep_direction(got, out));
    CHECK_FALSE(keep_direction(lo_sent, inout));
    CHECK_FALSE(keep_direction(lo_sent, out));  // so -Q out on lo sees nothing, as tcpdump
    CHECK(keep_direction(lo_got, in));
    auto broadcast = got;
    broadcast.sll_pkttype = PACKET_BROADCAST;
    CHECK_FALSE(keep_direction(broadcast, out));
}

TEST_CASE("fix_program: header fields become ancillary loads, the rest moves down") {
    using rawdump::filter::Insn;
    auto ins = [](std::uint16_t code, std::uint32_t k) { return KernelInsn{code, 0, 0, k}; };
    std::vector<KernelInsn> sll = {ins(BPF_LD | BPF_H | BPF_ABS, 0), ins(BPF_LD | BPF_H | BPF_ABS, 14),
                                   ins(BPF_LD | BPF_B | BPF_ABS, 25), ins(BPF_LDX | BPF_B | BPF_MSH, 16),
                                   ins(BPF_LD | BPF_H | BPF_IND, 18),
                                   ins(BPF_LD | BPF_B | BPF_ABS, SKF_AD_OFF + SKF_AD_VLAN_TAG_PRESENT),
                                   ins(BPF_RET | BPF_K, 262144)};
    REQUIRE(fix_cooked_program(sll, false));
    CHECK(sll[0].k == std::uint32_t(SKF_AD_OFF + SKF_AD_PKTTYPE));
    CHECK(sll[1].k == std::uint32_t(SKF_AD_OFF + SKF_AD_PROTOCOL));
    CHECK(sll[2].k == 9);
    CHECK(sll[3].k == 0);
    CHECK(sll[4].k == 2);
    CHECK(sll[5].k == std::uint32_t(SKF_AD_OFF + SKF_AD_VLAN_TAG_PRESENT));
    CHECK(sll[6].k == 262144);

    std::vector<KernelInsn> sll2 = {ins(BPF_LD | BPF_H | BPF_ABS, 0), ins(BPF_LD | BPF_W | BPF_ABS, 4),
                                    ins(BPF_LD | BPF_B | BPF_ABS, 10), ins(BPF_LD | BPF_B | BPF_ABS, 29)};
    REQUIRE(fix_cooked_program(sll2, true));
    CHECK(sll2[0].k == std::uint32_t(SKF_AD_OFF + SKF_AD_PROTOCOL));
    CHECK(sll2[1].k == std::uint32_t(SKF_AD_OFF + SKF_AD_IFINDEX));
    CHECK(sll2[2].k == std::uint32_t(SKF_AD_OFF + SKF_AD_PKTTYPE));
    CHECK(sll2[3].k == 9);

    std::vector<KernelInsn> hatype = {ins(BPF_LD | BPF_H | BPF_ABS, 2)};  // link[2:2]: userland
    CHECK_FALSE(fix_cooked_program(hatype, false));
    std::vector<KernelInsn> address2 = {ins(BPF_LD | BPF_W | BPF_ABS, 12)};
    CHECK_FALSE(fix_cooked_program(address2, true));
}

namespace {

// An IPv4/TCP packet from 10.0.0.1:1234 to 10.0.0.2:port.
std::vector<std::byte> tcp_packet(std::uint16_t port) {
    std::vector<unsigned char> p = {0x45, 0, 0, 40, 0, 1, 0, 0, 64, 6, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2,
                                    0x04, 0xd2, static_cast<unsigned char>(port >> 8),
                                    static_cast<unsigned char>(port & 0xff), 0, 0, 0, 0, 0, 0, 0, 0,
                                    0x50, 0x02, 0x20, 0, 0, 0, 0, 0};
    std::vector<std::byte> out;
    for (auto b : p) out.push_back(std::byte(b));
    return out;
}

}  // namespace

TEST_CASE("kernel verdicts of fixed programs equal the header programs' verdicts") {
    const char* expressions[] = {"tcp port 80", "inbound", "outbound", "ip and tcp dst port 80",
                                 "not tcp port 80", "ip6", "inbound and tcp port 80", "ifindex 3",
                                 "tcp[tcpflags] & tcp-syn != 0", ""};
    for (bool sll2 : {false, true}) {
        for (const char* expression : expressions) {
            rawdump::filter::CompileOptions options;
            options.link = sll2 ? rawdump::LinkType::LinuxSll2 : rawdump::LinkType::LinuxSll;
            options.live = true;
            auto program = rawdump::filter::compile(expression, options);
            if (!program) {
                CHECK_MESSAGE(!sll2, expression);  // ifindex is SLL2's only
                continue;
            }
            std::vector<KernelInsn> fixed;
            for (const auto& insn : *program) fixed.push_back({insn.code, insn.jt, insn.jf, insn.k});
            REQUIRE(fix_cooked_program(fixed, sll2));
            std::vector<rawdump::filter::Insn> kernel;
            for (const auto& insn : fixed) kernel.push_back({insn.code, insn.jt, insn.jf, insn.k});
            for (unsigned char pkttype : {PACKET_HOST, PACKET_OUTGOING, PACKET_BROADCAST}) {
                for (std::uint16_t port : {80, 443}) {
                    for (int ifindex : {3, 4}) {
                        const auto payload = tcp_packet(port);
                        const auto a = address(pkttype, ETH_P_IP, ifindex);
                        std::vector<std::byte> whole(sll2 ? sll2_header_length : sll_header_length);
                        if (sll2) write_sll2_header(a, std::span<std::byte, sll2_header_length>(whole.data(), sll2_header_length));
                        else write_sll_header(a, std::span<std::byte, sll_header_length>(whole.data(), sll_header_length));
                        whole.insert(whole.end(), payload.begin(), payload.end());
                        rawdump::filter::Ancillary ancillary;
                        ancillary.pkttype = pkttype;
                        ancillary.protocol = ETH_P_IP;
                        ancillary.ifindex = static_cast<std::uint32_t>(ifindex);
                        // Programs may read ancillary data themselves (`ifindex` on LINUX_SLL).
                        const auto expected = rawdump::filter::run(*program, whole, static_cast<std::uint32_t>(whole.size()), ancillary);
                        const auto actual = rawdump::filter::run(kernel, payload, static_cast<std::uint32_t>(payload.size()), ancillary);
                        const std::string text = expression;
                        CAPTURE(text);
                        CAPTURE(sll2);
                        CAPTURE(int(pkttype));
                        CHECK((expected != 0) == (actual != 0));
                    }
                }
            }
        }
    }
}
