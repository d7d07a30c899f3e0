// Sema (through compile()): refusals with libpcap's messages and the offending span.
#include <doctest/doctest.h>

#include <string>

#include "filter/compile.hpp"

using namespace rawdump;
using namespace rawdump::filter;

namespace {

struct Refusal {
    std::string message;
    std::string marked;  // the text under the caret span
};

Refusal refusal(const std::string& text, CompileOptions options = {}) {
    auto program = compile(text, options);
    REQUIRE_MESSAGE(!program.has_value(), text << " compiled");
    const Diagnostic& d = program.error();
    REQUIRE(d.offset <= text.size());
    return {d.message, text.substr(d.offset, d.length)};
}

}  // namespace

TEST_SUITE("filter.sema") {
    TEST_CASE("range and address checks") {
        auto r = refusal("tcp port 70000");
        CHECK(r.message == "port number 70000 greater than maximum 65535");
        CHECK(r.marked == "70000");

        r = refusal("host 999.1.1.1");
        CHECK(r.message == "invalid IPv4 address '999.1.1.1'");
        CHECK(r.marked == "999.1.1.1");

        r = refusal("host 1::2::3");
        CHECK(r.message == "invalid IPv6 address '1::2::3'");
        CHECK(r.marked == "1::2::3");
    }

    TEST_CASE("networks: libpcap's partial addresses, masks and refusals") {
        auto r = refusal("net 10.0.0.1/8");
        CHECK(r.message == "non-network bits set in \"10.0.0.1/8\"");
        CHECK(r.marked == "10.0.0.1");
        CHECK(refusal("net 10.0.0.0/33").message == "mask length must be <= 32");
        CHECK(refusal("net 10.0.0.1 mask 255.0.0.0").message ==
              "non-network bits set in \"10.0.0.1 mask 255.0.0.0\"");
        CHECK(refusal("net 2001:db8::/129").message == "mask length must be <= 128");
        CHECK(refusal("net ::1/64").message == "non-network bits set in \"::1/64\"");
        CHECK(refusal("host 1.2.3.4/32").message == "Mask syntax for networks only");
        CHECK(refusal("tcp net 10").message == "'tcp' modifier applied to net");
        CHECK(refusal("ip net ::/0").message == "'ip' modifier applied to ip6 net");
        CHECK(refusal("net 300.1").message == "invalid IPv4 address '300.1'");

        // Equivalent spellings compile to the same program.
        auto same = [](const char* a, const char* b) {
            auto x = compile(a, {});
            auto y = compile(b, {});
            REQUIRE(x);
            REQUIRE(y);
            CHECK_MESSAGE(*x == *y, a << " vs " << b);
        };
        same("net 10", "net 10.0.0.0/8");
        same("net 10.1", "net 10.1.0.0/16");
        same("net 192.168.1", "net 192.168.1.0 mask 255.255.255.0");
        same("net 10.0.0.0 mask 255.255", "net 10.0.0.0/16");
        same("net 1.2.3.4/32", "host 1.2.3.4");
        same("net 2001:db8::1/128", "host 2001:db8::1");
        same("host 10.1", "net 10.1.0.0/16");
    }

    TEST_CASE("link-layer primitives and their refusals") {
        CHECK(refusal("host 1:2:3:4:5:6").message == "ethernet address used in non-ether expression");
        CHECK(refusal("ether host 1.2.3.4").message == "illegal link layer address");
        auto r = refusal("ether host 1:2:3:4:5:6:7");
        CHECK(r.message == "bogus ethernet address 1:2:3:4:5:6:7");
        CHECK(refusal("ip6 broadcast").message == "only link-layer/IP broadcast filters supported");
        CHECK(refusal("tcp less 5").message.find("syntax error") == 0);
        CHECK(refusal("broadcast 5").marked == "5");

        CompileOptions cooked;
        cooked.link = LinkType::LinuxSll2;
        CHECK(refusal("ether host 1:2:3:4:5:6", cooked).message.find("ethernet addresses supported only") == 0);
        CHECK(refusal("broadcast", cooked).message == "not a broadcast link");
        CHECK(compile("tcp port 80", cooked).has_value());
    }

    TEST_CASE("qualifiers that do not fit the id") {
        auto r = refusal("ip6 host 10.0.0.1");
        CHECK(r.message == "'ip6' modifier applied to ip host");
        CHECK(r.marked == "ip6");

        r = refusal("ip host ::1");
        CHECK(r.message == "'ip' modifier applied to ip6 host");

        r = refusal("tcp host 10.0.0.1");
        CHECK(r.message == "'tcp' modifier applied to host");

        r = refusal("icmp port 5");
        CHECK(r.message == "illegal qualifier of 'port': 'icmp'");
        CHECK(r.marked == "icmp");
    }

    TEST_CASE("carry-over needs qualifiers to carry") {
        auto r = refusal("tcp or 80");
        CHECK(r.message.find("no qualifier to inherit") != std::string::npos);
        CHECK(r.marked == "80");
        // A parenthesised expression passes on what preceded it, like libpcap: nothing here.
        CHECK(refusal("(tcp port 1) or 2").marked == "2");
    }

    TEST_CASE("unimplemented constructs are refused by name, never compiled to something else") {
        auto r = refusal("tcp port 80 and vxlan 100");
        CHECK(r.message.starts_with("'vxlan' is not supported"));
        CHECK(r.marked == "vxlan 100");

        r = refusal("gateway router");
        CHECK(r.message == "'gateway' not supported in this configuration");
        CHECK(r.marked == "gateway");

        r = refusal("isis[0] = 17");
        CHECK(r.message == "'isis[]' is not supported");
        CHECK(r.marked == "isis");
        CHECK(refusal("wlan type mgt").message.find("not supported") != std::string::npos);
        CHECK(refusal("decnet host 10.0.0.0/8").message ==
              "'decnet host' other than AREA.NODE is not supported");
        CHECK(refusal("host example.com").message == "unknown host 'example.com'");
    }

    TEST_CASE("expressions that can never match are refused when optimising, like libpcap") {
        CHECK(refusal("tcp and udp").message == "expression rejects all packets");
        CHECK(refusal("ip and not ip").message == "expression rejects all packets");
        CHECK(refusal("tcp port 22 and udp").message == "expression rejects all packets");
        CompileOptions unoptimised;
        unoptimised.optimize = false;
        CHECK(compile("tcp and udp", unoptimised).has_value());
    }

    TEST_CASE("arithmetic: libpcap's refusals and constant folding") {
        auto r = refusal("ip[0:3] = 1");
        CHECK(r.message == "data size must be 1, 2, or 4");
        CHECK(r.marked == "3");
        CHECK(refusal("len > 1 / 0").message == "division by zero");
        CHECK(refusal("ip[0] % 0 = 1").message == "modulus by zero");
        // libpcap looks at the divisor's first instruction, `ld #0` for ip[0]'s index.
        CHECK(refusal("ip[1] / ip[0] = 0").message == "division by zero");
        CHECK(refusal("ip[0] << 32 = 0").message == "shift by more than 31 bits");
        CHECK(refusal("tcp[nosuch] = 1").message == "'nosuch' is not a number or a known constant");
        CHECK(refusal("0 = 1").message == "expression rejects all packets");
        auto always = compile("2 * 3 = 6", {});
        REQUIRE(always);
        REQUIRE(always->size() == 1);  // folded: accept everything
        CHECK((*always)[0].k == 262144u);

        auto named = compile("tcp[tcpflags] & (tcp-syn|tcp-ack) == tcp-syn", {});
        auto numeric = compile("tcp[13] & 18 == 2", {});
        REQUIRE(named);
        REQUIRE(numeric);
        CHECK(*named == *numeric);
    }

    TEST_CASE("port ranges: bounds, order and libpcap's reading of 'N-M'") {
        auto r = refusal("portrange 1-70000");
        CHECK(r.message == "port number 70000 greater than maximum 65535");
        CHECK(r.marked == "1-70000");
        CHECK(refusal("ip portrange 1-2").message == "illegal qualifier of 'portrange': 'ip'");
        CHECK(refusal("portrange 1.2.3.4").message == "'1.2.3.4' is not a port range");

        auto reversed = compile("portrange 2000-1000", {});
        auto ordered = compile("portrange 1000-2000", {});
        REQUIRE(reversed);
        REQUIRE(ordered);
        CHECK(*reversed == *ordered);
        auto trailing = compile("portrange 1-2-3", {});  // sscanf("%d-%d") stops after 2
        auto plain = compile("portrange 1-2", {});
        REQUIRE(trailing);
        REQUIRE(plain);
        CHECK(*trailing == *plain);
        auto single = compile("portrange 53", {});
        auto same = compile("portrange 53-53", {});
        REQUIRE(single);
        REQUIRE(same);
        CHECK(*single == *same);
    }

    TEST_CASE("proto: numbers and built-in names; libpcap's refusals") {
        auto by_name = compile("ip proto \\tcp", {});
        auto by_number = compile("ip proto 6", {});
        REQUIRE(by_name);
        REQUIRE(by_number);
        CHECK(*by_name == *by_number);
        auto ether_name = compile("ether proto \\arp", {});
        auto abbreviation = compile("arp", {});
        REQUIRE(ether_name);
        REQUIRE(abbreviation);
        CHECK(*ether_name == *abbreviation);
        auto any_ip = compile("proto 6", {});
        auto tcp = compile("tcp", {});  // `tcp` is `proto 6` over IPv4 or IPv6
        REQUIRE(any_ip);
        REQUIRE(tcp);
        CHECK(*any_ip == *tcp);

        auto r = refusal("ip proto \\ip6");
        CHECK(r.message == "unknown ip proto 'ip6'");
        CHECK(r.marked == "\\ip6");
        CHECK(refusal("tcp proto 6").message == "'tcp proto' is bogus");
        CHECK(refusal("arp proto 6").message == "arp does not encapsulate another protocol");
        CHECK(refusal("ether proto nosuch").message == "unknown ether proto 'nosuch'");
        CHECK(refusal("ether proto \\nosuch").message == "unknown ether proto 'nosuch'");
        CHECK(refusal("ip src proto 6").marked == "src");
    }

    TEST_CASE("port names go through the injected resolver") {
        CompileOptions options;
        CHECK(refusal("port http", options).message.find("port names") != std::string::npos);

        options.resolve_port = resolver_for(parse_services(
            "http 80/tcp www # web\n"
            "domain 53/tcp\n"
            "domain 53/udp\n"
            "ssh 22/tcp\n"));
        auto by_name = compile("port http", options);
        auto by_number = compile("tcp port 80", options);
        REQUIRE(by_name);
        REQUIRE(by_number);
        CHECK(*by_name == *by_number);  // tcp-only name => tcp port 80

        auto domain = compile("port domain", options);
        auto fifty_three = compile("port 53", options);
        REQUIRE(domain);
        REQUIRE(fifty_three);
        CHECK(*domain == *fifty_three);  // same number for tcp and udp => any transport

        CHECK(refusal("udp port ssh", options).message == "port 'ssh' is tcp");
        CHECK(refusal("port nosuch", options).message == "unknown port 'nosuch'");
        CHECK(compile("port www", options).has_value());  // aliases count

        // Ranges of names: both ends resolved; tcp-only ends make a tcp-only range.
        auto named_range = compile("portrange http-ssh", options);
        auto numeric_range = compile("tcp portrange 22-80", options);
        REQUIRE(named_range);
        REQUIRE(numeric_range);
        CHECK(*named_range == *numeric_range);
        CHECK(refusal("udp portrange http-ssh", options).message == "port in range 'http-ssh' is tcp");
        CHECK(refusal("portrange nosuch-ssh", options).message == "unknown port in range 'nosuch-ssh'");
        CHECK(refusal("portrange ssh", options).message == "unknown port in range 'ssh'");
    }

    TEST_CASE("blank expressions accept everything with the snap length") {
        CompileOptions options;
        options.snaplen = 96;
        auto program = compile("  ", options);
        REQUIRE(program);
        REQUIRE(program->size() == 1);
        CHECK((*program)[0] == Insn{op::ret | op::k, 0, 0, 96});
    }

    TEST_CASE("every named link type has a model (RAW, IPV4, IPV6, NULL, LOOP too)") {
        for (const auto& entry : link_type_names) {
            CompileOptions options;
            options.link = entry.type;
            if (entry.type == LinkType::Slip) {  // named for banners; filters refused by name
                auto refused = compile("tcp", options);
                REQUIRE_FALSE(refused.has_value());
                CHECK(refused.error().message == "link type SLIP is not supported by the filter compiler yet");
                continue;
            }
            CHECK_MESSAGE(compile("tcp", options).has_value(), entry.name);
        }
    }
}
