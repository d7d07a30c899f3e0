// Compiled programs run on hand-built frames: each primitive matches what it should and
// nothing else, with and without the optimiser.
#include <doctest/doctest.h>

#include <array>
#include <string>
#include <vector>

#include "filter/compile.hpp"
#include "filter/vm.hpp"

using namespace rawdump;
using namespace rawdump::filter;

namespace {

// A minimal frame builder: Ethernet + IPv4/IPv6/ARP + TCP/UDP ports.
class Frame {
public:
    Frame& u8(unsigned v) {
        bytes_.push_back(static_cast<std::byte>(v & 0xff));
        return *this;
    }
    Frame& u16(unsigned v) { return u8(v >> 8).u8(v); }
    Frame& u32(std::uint32_t v) { return u16(v >> 16).u16(v & 0xffff); }
    Frame& zeros(std::size_t n) {
        bytes_.insert(bytes_.end(), n, std::byte{0});
        return *this;
    }
    Frame& ethernet(unsigned type) { return zeros(12).u16(type); }
    // version/IHL, fragment field, protocol, addresses; options fill (ihl-5) words.
    Frame& ipv4(unsigned protocol, std::uint32_t src, std::uint32_t dst, unsigned fragment = 0,
                unsigned ihl = 5) {
        u8(0x40 | ihl).u8(0).u16(0).u16(0).u16(fragment).u8(64).u8(protocol).u16(0).u32(src).u32(dst);
        return zeros((ihl - 5) * 4);
    }
    Frame& ipv6(unsigned next_header, const std::array<std::uint32_t, 4>& src,
                const std::array<std::uint32_t, 4>& dst) {
        u32(0x60000000).u16(0).u8(next_header).u8(64);
        for (auto w : src) u32(w);
        for (auto w : dst) u32(w);
        return *this;
    }
    Frame& ports(unsigned src, unsigned dst) { return u16(src).u16(dst).zeros(16); }
    Frame& arp(std::uint32_t sender, std::uint32_t target) {
        u16(1).u16(0x0800).u8(6).u8(4).u16(1).zeros(6).u32(sender).zeros(6).u32(target);
        return *this;
    }
    const std::vector<std::byte>& bytes() const { return bytes_; }

private:
    std::vector<std::byte> bytes_;
};

constexpr std::uint32_t ip(unsigned a, unsigned b, unsigned c, unsigned d) {
    return a << 24 | b << 16 | c << 8 | d;
}
constexpr std::array<std::uint32_t, 4> doc6_1{0x20010db8, 0, 0, 1};  // 2001:db8::1
constexpr std::array<std::uint32_t, 4> doc6_2{0x20010db8, 0, 0, 2};

// Verdict of `expression` on `frame`, checking optimised and unoptimised agree.
bool matches(const std::string& expression, const Frame& frame) {
    CompileOptions optimised;
    CompileOptions plain;
    plain.optimize = false;
    auto a = compile(expression, optimised);
    auto b = compile(expression, plain);
    REQUIRE_MESSAGE(a.has_value(), expression);
    REQUIRE_MESSAGE(b.has_value(), expression);
    const auto& packet = frame.bytes();
    const auto wire = static_cast<std::uint32_t>(packet.size());
    const bool verdict = run(*a, packet, wire) != 0;
    CHECK_MESSAGE(verdict == (run(*b, packet, wire) != 0), expression);
    return verdict;
}

const Frame tcp4_80 = Frame().ethernet(0x0800).ipv4(6, ip(10, 0, 0, 1), ip(192, 168, 1, 1)).ports(40000, 80);
const Frame udp4_53 = Frame().ethernet(0x0800).ipv4(17, ip(10, 0, 0, 2), ip(10, 0, 0, 1)).ports(53, 33333);
const Frame tcp6_22 = Frame().ethernet(0x86dd).ipv6(6, doc6_1, doc6_2).ports(22, 50000);
const Frame icmp4 = Frame().ethernet(0x0800).ipv4(1, ip(10, 0, 0, 1), ip(10, 0, 0, 2)).zeros(8);
const Frame arp_request = Frame().ethernet(0x0806).arp(ip(10, 0, 0, 1), ip(10, 0, 0, 2));

}  // namespace

TEST_SUITE("filter.codegen") {
    TEST_CASE("protocol primitives") {
        CHECK(matches("ip", tcp4_80));
        CHECK_FALSE(matches("ip", tcp6_22));
        CHECK(matches("ip6", tcp6_22));
        CHECK(matches("arp", arp_request));
        CHECK_FALSE(matches("arp", tcp4_80));
        CHECK(matches("tcp", tcp4_80));
        CHECK(matches("tcp", tcp6_22));
        CHECK_FALSE(matches("tcp", udp4_53));
        CHECK(matches("udp", udp4_53));
        CHECK(matches("icmp", icmp4));
        CHECK_FALSE(matches("icmp", tcp4_80));
    }

    TEST_CASE("ipv6 transport is found behind one fragment header") {
        const Frame fragmented = Frame().ethernet(0x86dd).ipv6(44, doc6_1, doc6_2).u8(6).zeros(7).ports(80, 80);
        CHECK(matches("tcp", fragmented));
        CHECK_FALSE(matches("udp", fragmented));
        // ...but `port` does not look through it (libpcap's gen_port6).
        CHECK_FALSE(matches("tcp port 80", fragmented));
    }

    TEST_CASE("ports, directions and carry-over") {
        CHECK(matches("port 80", tcp4_80));
        CHECK(matches("tcp port 80", tcp4_80));
        CHECK_FALSE(matches("udp port 80", tcp4_80));
        CHECK(matches("dst port 80", tcp4_80));
        CHECK_FALSE(matches("src port 80", tcp4_80));
        CHECK(matches("src port 40000 and dst port 80", tcp4_80));
        CHECK_FALSE(matches("src and dst port 80", tcp4_80));
        CHECK(matches("tcp port 22 or 80", tcp4_80));
        CHECK(matches("tcp port 22 or 80", tcp6_22));
        CHECK_FALSE(matches("tcp port 21 or 23", tcp6_22));
        CHECK(matches("udp port 53", udp4_53));
        CHECK_FALSE(matches("port 53", tcp4_80));
        CHECK(matches("not port 53", tcp4_80));
    }

    TEST_CASE("ipv4 ports honour the header length and skip non-first fragments") {
        const Frame with_options =
            Frame().ethernet(0x0800).ipv4(6, ip(10, 0, 0, 1), ip(10, 0, 0, 2), 0, 6).ports(1234, 80);
        CHECK(matches("tcp dst port 80", with_options));
        const Frame later_fragment =
            Frame().ethernet(0x0800).ipv4(6, ip(10, 0, 0, 1), ip(10, 0, 0, 2), 0x0003).ports(80, 80);
        CHECK_FALSE(matches("port 80", later_fragment));
        CHECK(matches("tcp", later_fragment));  // the protocol test ignores fragmentation
        const Frame first_fragment =
            Frame().ethernet(0x0800).ipv4(6, ip(10, 0, 0, 1), ip(10, 0, 0, 2), 0x2000).ports(80, 80);
        CHECK(matches("port 80", first_fragment));
    }

    TEST_CASE("hosts: ipv4 also matches arp/rarp addresses, ipv6 all 128 bits") {
        CHECK(matches("host 10.0.0.1", tcp4_80));
        CHECK(matches("src host 10.0.0.1", tcp4_80));
        CHECK_FALSE(matches("dst host 10.0.0.1", tcp4_80));
        CHECK(matches("host 10.0.0.1", arp_request));
        CHECK(matches("dst host 10.0.0.2", arp_request));
        CHECK_FALSE(matches("ip host 10.0.0.1", arp_request));
        CHECK(matches("arp host 10.0.0.1", arp_request));
        CHECK(matches("host 10.0.0.1 and 192.168.1.1", tcp4_80));
        CHECK_FALSE(matches("host 10.0.0.1 and not 192.168.1.1", tcp4_80));
        CHECK(matches("host 2001:db8::1", tcp6_22));
        CHECK(matches("src host 2001:db8::1 and dst host 2001:db8::2", tcp6_22));
        CHECK_FALSE(matches("host 2001:db8::3", tcp6_22));
        CHECK_FALSE(matches("host 2001:db8::1", tcp4_80));
    }

    TEST_CASE("networks compare the masked address") {
        CHECK(matches("net 10.0.0.0/8", tcp4_80));
        CHECK(matches("src net 10", tcp4_80));
        CHECK_FALSE(matches("dst net 10", tcp4_80));
        CHECK(matches("dst net 192.168.0.0/16", tcp4_80));
        CHECK_FALSE(matches("net 172.16.0.0/12", tcp4_80));
        CHECK(matches("net 10.0.0.0/8", arp_request));
        CHECK_FALSE(matches("ip net 10.0.0.0/8", arp_request));
        CHECK(matches("net 2001:db8::/32", tcp6_22));
        CHECK(matches("src net 2001:db8::/127 and dst net 2001:db8::2/128", tcp6_22));
        CHECK_FALSE(matches("net 2001:db9::/32", tcp6_22));
        CHECK(matches("net ::/0", tcp6_22));
        CHECK_FALSE(matches("net ::/0", tcp4_80));
    }

    TEST_CASE("link-layer primitives and lengths") {
        Frame to_all = Frame().u32(0xffffffff).u16(0xffff).u16(0x0200).u32(1).u16(0x0800)
                           .ipv4(17, ip(10, 0, 0, 1), ip(10, 0, 0, 255)).ports(68, 67);
        CHECK(matches("broadcast", to_all));
        CHECK(matches("ether multicast", to_all));
        CHECK(matches("ether src 02:00:00:00:00:01", to_all));
        CHECK_FALSE(matches("ether dst 02:00:00:00:00:01", to_all));
        CHECK(matches("ether host 0200.0000.0001", to_all));
        CHECK_FALSE(matches("broadcast", tcp4_80));  // builder's destination is all zeros
        CHECK_FALSE(matches("multicast", tcp4_80));
        const Frame igmp = Frame().ethernet(0x0800).ipv4(2, ip(10, 0, 0, 1), ip(224, 0, 0, 1)).zeros(8);
        CHECK(matches("ip multicast", igmp));
        CHECK_FALSE(matches("ip multicast", tcp4_80));
        // tcp4_80 is 14 + 20 + 20 = 54 bytes long.
        CHECK(matches("less 54", tcp4_80));
        CHECK_FALSE(matches("less 53", tcp4_80));
        CHECK(matches("greater 54", tcp4_80));
        CHECK_FALSE(matches("greater 55", tcp4_80));
    }

    TEST_CASE("arithmetic relations on packet data") {
        CHECK(matches("ip[9] = 6", tcp4_80));
        CHECK(matches("ip[0] & 0xf = 5", tcp4_80));
        CHECK(matches("tcp[2:2] = 80", tcp4_80));          // destination port
        CHECK(matches("tcp[0:2] - tcp[2:2] = 39920", tcp4_80));
        CHECK_FALSE(matches("udp[2:2] = 80", tcp4_80));    // guard: not UDP
        CHECK(matches("udp[0:2] = 53", udp4_53));
        CHECK(matches("ether[12:2] = 0x800", tcp4_80));
        CHECK(matches("ip[16:4] = 0xc0a80101", tcp4_80));  // 192.168.1.1
        CHECK(matches("ip6[6] = 6", tcp6_22));
        CHECK_FALSE(matches("ip6[6] = 6", tcp4_80));
        CHECK(matches("len - 14 = 40", tcp4_80));
        CHECK(matches("ip[(ip[0] & 0xf) + 3] = 64", tcp4_80));  // a computed index: ip[8], the TTL
        CHECK_FALSE(matches("ip[(ip[0] & 0xf) + 3] = 65", tcp4_80));
        // Index past the end of the capture: the load rejects the packet.
        CHECK_FALSE(matches("ip[1000] = 0", tcp4_80));
        CHECK(matches("not ip[1000] = 0", tcp4_80) == false);
    }

    TEST_CASE("truncated frames reject when a needed byte is missing") {
        Frame cut;
        for (std::size_t i = 0; i < 30; ++i) cut.u8(std::to_integer<unsigned>(tcp4_80.bytes()[i]));
        CHECK(matches("ip", cut));
        CHECK_FALSE(matches("tcp port 80", cut));
        CHECK_FALSE(matches("host 192.168.1.1", cut));
    }

    TEST_CASE("accepting programs return the snap length") {
        CompileOptions options;
        options.snaplen = 96;
        auto program = compile("ip", options);
        REQUIRE(program);
        CHECK(run(*program, tcp4_80.bytes(), 100) == 96);
    }
}
