// Issue #3 F2 additions: more IP protocols, 802.2 LLC, MAC spellings, protochain (unrolled,
// forward jumps only), host/network names, `ip broadcast`, `llc`.
#include <doctest/doctest.h>

#include <array>
#include <string>
#include <vector>

#include "filter/codegen_protochain.hpp"
#include "filter/compile.hpp"
#include "filter/hosts.hpp"
#include "filter/vm.hpp"

using namespace rawdump;
using namespace rawdump::filter;

namespace {

std::vector<std::byte> bytes(std::initializer_list<unsigned> values) {
    std::vector<std::byte> out;
    for (unsigned v : values) out.push_back(static_cast<std::byte>(v));
    return out;
}

struct Packet {
    std::vector<std::byte> data;
    Packet& u8(unsigned v) {
        data.push_back(static_cast<std::byte>(v & 0xff));
        return *this;
    }
    Packet& u16(unsigned v) { return u8(v >> 8).u8(v); }
    Packet& zeros(std::size_t n) {
        data.insert(data.end(), n, std::byte{0});
        return *this;
    }
};

// Ethernet + IPv6 whose chain is `headers` (each an 8-byte extension header) then `last`.
Packet ipv6_chain(const std::vector<unsigned>& headers, unsigned last) {
    Packet p;
    p.zeros(12).u16(0x86dd);
    p.u8(0x60).zeros(5).u8(headers.empty() ? last : headers[0]).u8(64).zeros(32);
    for (std::size_t i = 0; i < headers.size(); ++i)
        p.u8(i + 1 < headers.size() ? headers[i + 1] : last).u8(0).zeros(6);
    return p.zeros(20);
}

bool accepts(const std::string& expression, const Packet& packet, bool optimize = true) {
    CompileOptions options;
    options.optimize = optimize;
    auto program = compile(expression, options);
    REQUIRE_MESSAGE(program.has_value(), expression);
    return run(*program, packet.data, static_cast<std::uint32_t>(packet.data.size())) != 0;
}

std::string refusal(const std::string& text, CompileOptions options = {}) {
    auto program = compile(text, options);
    REQUIRE_MESSAGE(!program.has_value(), text << " compiled");
    return program.error().message;
}

}  // namespace

TEST_SUITE("filter.protocols") {
    TEST_CASE("protochain walks IPv6 extension headers with forward jumps only") {
        for (unsigned depth = 0; depth <= protochain_max_headers; ++depth) {
            std::vector<unsigned> chain;
            for (unsigned i = 0; i < depth; ++i) chain.push_back(std::array{0u, 60u, 43u, 44u}[i % 4]);
            CAPTURE(depth);
            CHECK(accepts("protochain 6", ipv6_chain(chain, 6)));
            CHECK(accepts("ip6 protochain 6", ipv6_chain(chain, 6), false));
            CHECK_FALSE(accepts("protochain 17", ipv6_chain(chain, 6)));
            CHECK_FALSE(accepts("ip protochain 6", ipv6_chain(chain, 6)));
        }
        // Past the bound the walk stops (libpcap's loop would go on).
        std::vector<unsigned> deep(protochain_max_headers + 1, 60);
        CHECK_FALSE(accepts("protochain 6", ipv6_chain(deep, 6)));
        // A header type that is stepped over is also found itself.
        CHECK(accepts("protochain 44", ipv6_chain({0, 44}, 6)));

        auto program = compile("protochain 6 or protochain 17", {});
        REQUIRE(program);
        CHECK(program->size() <= kernel_max_insns);
        for (const Insn& insn : *program) {  // no `ja` with a wrapped (backward) offset
            if (op::cls(insn.code) == op::jmp && (insn.code & 0xf0) == op::ja)
                CHECK(insn.k < program->size());
        }
    }

    TEST_CASE("protochain ends on an AH header that libpcap's loop revisits forever") {
        // IPv6, next header AH; the AH at 40 says next header AH, length 8. libpcap's AH
        // step sets X = (8 + 2) * 4 = 40 from the IPv6 header: the same AH again, so its
        // loop never ends (tcpdump -r hangs in bpf_filter). The bounded walk stops.
        Packet p;
        p.zeros(12).u16(0x86dd);
        p.u8(0x60).zeros(3).u16(60).u8(51).u8(64).zeros(32);
        p.u8(51).u8(8).zeros(58);
        CHECK_FALSE(accepts("ip6 protochain 6", p));
        CHECK(accepts("ip6 protochain 51", p));
    }

    TEST_CASE("protochain over IPv4 steps over AH as libpcap 1.10.3 computes it") {
        Packet p;
        p.zeros(12).u16(0x0800);
        p.u8(0x45).zeros(8).u8(51).zeros(2).u8(6).zeros(7);  // IPv4 (AH), source 6.0.0.0
        p.u8(51).u8(1).zeros(10);                            // AH at 20: next AH, 12 bytes
        p.u8(17).u8(1).zeros(10);                            // AH at 32: next UDP
        p.zeros(20);
        // After the first AH libpcap sets X = (1 + 2) * 4 = 12 from the IP header instead
        // of 32, so it reads the second "AH" from the source address: next header 6.
        CHECK(accepts("protochain 6", p));
        CHECK_FALSE(accepts("ip protochain 17", p));
    }

    TEST_CASE("protochain refusals") {
        CHECK(refusal("tcp protochain 6") == "bad protocol applied for 'protochain'");
        CHECK(refusal("protochain nosuch") == "unknown ip proto 'nosuch'");
        CHECK(refusal("protochain 1.2.3.4") == "'protochain' modifier applied to ip host");
    }

    TEST_CASE("802.2 LLC protocols on Ethernet") {
        Packet stp;
        stp.zeros(12).u16(38).u8(0x42).u8(0x42).u8(0x03).zeros(35);
        CHECK(accepts("stp", stp));
        CHECK(accepts("ether proto \\stp", stp));
        CHECK(accepts("llc", stp));
        CHECK(accepts("llc u", stp));
        CHECK_FALSE(accepts("llc i", stp));
        CHECK_FALSE(accepts("iso", stp));
        Packet novell;
        novell.zeros(12).u16(38).u16(0xffff).zeros(36);
        CHECK(accepts("ipx", novell));
        CHECK_FALSE(accepts("llc", novell));
        Packet snap_atalk;
        snap_atalk.zeros(12).u16(40).u16(0xaaaa).u8(3).u8(0x08).u8(0x00).u8(0x07).u16(0x809b).zeros(30);
        CHECK(accepts("atalk", snap_atalk));
        CHECK_FALSE(accepts("aarp", snap_atalk));
        CHECK(refusal("llc foo") == "unknown LLC type name \"foo\"");
    }

    TEST_CASE("MAC address spellings libpcap's scanner takes") {
        Packet p;
        p.u8(0xab).u8(0xcd).u8(0xef).u8(0).u8(0).u8(3).zeros(6).u16(0x0800).zeros(20);
        for (const char* spelling : {"abcdef000003", "ab.cd.ef.00.00.03", "Ab.cD.ef.0.0.3",
                                     "abcd.ef00.0003", "ab-cd-ef-0-0-3", "ab:cd:ef:00:00:03"})
            CHECK_MESSAGE(accepts(std::string("ether dst ") + spelling, p), spelling);
        CHECK(refusal("host abcdef000003") == "ethernet address used in non-ether expression");
    }

    TEST_CASE("IP protocols igmp, igrp, pim, vrrp, carp, ah, esp") {
        Packet igmp;
        igmp.zeros(12).u16(0x0800).u8(0x45).zeros(8).u8(2).zeros(10).u8(0x11).zeros(7);
        CHECK(accepts("igmp", igmp));
        CHECK(accepts("igmp[0] == 0x11", igmp));
        CHECK(accepts("ip proto \\igmp", igmp));
        CHECK_FALSE(accepts("pim or vrrp or carp or ah or esp or igrp", igmp));
        CHECK(refusal("ah[0] = 1") == "unsupported index operation");
    }

    TEST_CASE("hosts(5) and networks(5) text") {
        const HostsTable hosts = parse_hosts(
            "127.0.0.1 localhost loghost # comment\n"
            "::1 localhost ip6-localhost\n"
            "not-an-address foo\n"
            "10.1.2.3 Router\n");
        REQUIRE(hosts.count("localhost") == 1);
        CHECK(hosts.at("localhost").size() == 2);
        CHECK(hosts.at("localhost")[1].ipv6);
        CHECK(hosts.count("foo") == 0);
        const auto resolve = host_resolver_for(hosts);
        REQUIRE(resolve("ROUTER").size() == 1);
        CHECK(resolve("router")[0].bytes[3] == 3);

        const NetworksTable networks = parse_networks("loopback 127.0.0.0\nten 10\n");
        CHECK(networks.at("loopback") == 0x7f000000u);
        CHECK(networks.at("ten") == 10u);

        CompileOptions options;
        options.resolve_host = resolve;
        options.resolve_network = network_resolver_for(networks);
        Packet p;
        p.zeros(12).u16(0x0800).u8(0x45).zeros(11).u8(10).u8(1).u8(2).u8(3).u8(10).u8(9).u8(9).u8(9);
        auto a = compile("src host router and dst net ten", options);
        REQUIRE(a);
        CHECK(run(*a, p.data, static_cast<std::uint32_t>(p.data.size())) != 0);
        CHECK(compile("ip6 host ip6-localhost", options).has_value());
        CHECK(refusal("ip6 host router", options) ==
              "unknown host 'router' for specified address family");
        CHECK(refusal("host nosuch", options) == "unknown host 'nosuch'");
        CHECK(refusal("net nosuch", options) == "unknown network 'nosuch'");
    }

    TEST_CASE("ip broadcast uses the netmask (0 without one, as tcpdump -d)") {
        Packet p;
        p.zeros(12).u16(0x0800).u8(0x45).zeros(15).u8(255).u8(255).u8(255).u8(255);
        CHECK(accepts("ip broadcast", p));
        CompileOptions options;
        options.netmask = 0xffffff00;
        p.data[33] = std::byte{0x40};  // x.x.x.255 -> x.x.x.64? keep host part all ones:
        p.data[33] = std::byte{0xff};
        p.data[30] = std::byte{10};
        auto program = compile("ip broadcast", options);
        REQUIRE(program);
        CHECK(run(*program, p.data, static_cast<std::uint32_t>(p.data.size())) != 0);
        (void)bytes;
    }
}
