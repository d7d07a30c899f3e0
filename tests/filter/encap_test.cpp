// F1: encapsulations (vlan, mpls, pppoe), link types without an EtherType (RAW, IPV4, IPV6,
// NULL, LOOP) and Linux metadata (inbound, outbound, ifindex): listings character for
// character against tcpdump -y LINK -d (texts produced by tcpdump 4.99.3 / libpcap 1.10.3),
// libpcap's error messages, and the options that change the program (live, savefile).
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "filter/compile.hpp"
#include "filter/dump.hpp"
#include "src/core/link_type.hpp"

using namespace rawdump;
using namespace rawdump::filter;

namespace {

struct Listing {
    std::string_view link;
    std::string_view expression;
    std::string_view tcpdump;
};

constexpr Listing listings[] = {
    {"EN10MB", "vlan 10 and ip",
             "(000) ldh      [12]\n"
             "(001) jeq      #0x8100          jt 4\tjf 2\n"
             "(002) jeq      #0x88a8          jt 4\tjf 3\n"
             "(003) jeq      #0x9100          jt 4\tjf 10\n"
             "(004) ldh      [14]\n"
             "(005) and      #0xfff\n"
             "(006) jeq      #0xa             jt 7\tjf 10\n"
             "(007) ldh      [16]\n"
             "(008) jeq      #0x800           jt 9\tjf 10\n"
             "(009) ret      #262144\n"
             "(010) ret      #0\n"
             ""},
    {"EN10MB", "vlan and vlan 20 and ip",
             "(000) ldh      [12]\n"
             "(001) jeq      #0x8100          jt 4\tjf 2\n"
             "(002) jeq      #0x88a8          jt 4\tjf 3\n"
             "(003) jeq      #0x9100          jt 4\tjf 14\n"
             "(004) ldh      [16]\n"
             "(005) jeq      #0x8100          jt 8\tjf 6\n"
             "(006) jeq      #0x88a8          jt 8\tjf 7\n"
             "(007) jeq      #0x9100          jt 8\tjf 14\n"
             "(008) ldh      [18]\n"
             "(009) and      #0xfff\n"
             "(010) jeq      #0x14            jt 11\tjf 14\n"
             "(011) ldh      [20]\n"
             "(012) jeq      #0x800           jt 13\tjf 14\n"
             "(013) ret      #262144\n"
             "(014) ret      #0\n"
             ""},
    {"EN10MB", "vlan 10 and tcp port 80",
             "(000) ldh      [12]\n"
             "(001) jeq      #0x8100          jt 4\tjf 2\n"
             "(002) jeq      #0x88a8          jt 4\tjf 3\n"
             "(003) jeq      #0x9100          jt 4\tjf 26\n"
             "(004) ldh      [14]\n"
             "(005) and      #0xfff\n"
             "(006) jeq      #0xa             jt 7\tjf 26\n"
             "(007) ldh      [16]\n"
             "(008) jeq      #0x86dd          jt 9\tjf 15\n"
             "(009) ldb      [24]\n"
             "(010) jeq      #0x6             jt 11\tjf 26\n"
             "(011) ldh      [58]\n"
             "(012) jeq      #0x50            jt 25\tjf 13\n"
             "(013) ldh      [60]\n"
             "(014) jeq      #0x50            jt 25\tjf 26\n"
             "(015) jeq      #0x800           jt 16\tjf 26\n"
             "(016) ldb      [27]\n"
             "(017) jeq      #0x6             jt 18\tjf 26\n"
             "(018) ldh      [24]\n"
             "(019) jset     #0x1fff          jt 26\tjf 20\n"
             "(020) ldxb     4*([18]&0xf)\n"
             "(021) ldh      [x + 18]\n"
             "(022) jeq      #0x50            jt 25\tjf 23\n"
             "(023) ldh      [x + 20]\n"
             "(024) jeq      #0x50            jt 25\tjf 26\n"
             "(025) ret      #262144\n"
             "(026) ret      #0\n"
             ""},
    {"EN10MB", "mpls 100 and ip",
             "(000) ldh      [12]\n"
             "(001) jeq      #0x8847          jt 2\tjf 12\n"
             "(002) ld       [14]\n"
             "(003) and      #0xfffff000\n"
             "(004) jeq      #0x64000         jt 5\tjf 12\n"
             "(005) ldb      [16]\n"
             "(006) and      #0x1\n"
             "(007) jeq      #0x1             jt 8\tjf 12\n"
             "(008) ldb      [18]\n"
             "(009) and      #0xf0\n"
             "(010) jeq      #0x40            jt 11\tjf 12\n"
             "(011) ret      #262144\n"
             "(012) ret      #0\n"
             ""},
    {"EN10MB", "mpls and mpls 100",
             "(000) ldh      [12]\n"
             "(001) jeq      #0x8847          jt 2\tjf 8\n"
             "(002) ldb      [16]\n"
             "(003) jset     #0x1             jt 8\tjf 4\n"
             "(004) ld       [18]\n"
             "(005) and      #0xfffff000\n"
             "(006) jeq      #0x64000         jt 7\tjf 8\n"
             "(007) ret      #262144\n"
             "(008) ret      #0\n"
             ""},
    {"EN10MB", "pppoes 3 and ip",
             "(000) ldh      [12]\n"
             "(001) jeq      #0x8864          jt 2\tjf 8\n"
             "(002) ld       [14]\n"
             "(003) and      #0xffff\n"
             "(004) jeq      #0x3             jt 5\tjf 8\n"
             "(005) ldh      [20]\n"
             "(006) jeq      #0x21            jt 7\tjf 8\n"
             "(007) ret      #262144\n"
             "(008) ret      #0\n"
             ""},
    {"EN10MB", "pppoes and ip6 and tcp",
             "(000) ldh      [12]\n"
             "(001) jeq      #0x8864          jt 2\tjf 10\n"
             "(002) ldh      [20]\n"
             "(003) jeq      #0x57            jt 4\tjf 10\n"
             "(004) ldb      [28]\n"
             "(005) jeq      #0x6             jt 9\tjf 6\n"
             "(006) jeq      #0x2c            jt 7\tjf 10\n"
             "(007) ldb      [62]\n"
             "(008) jeq      #0x6             jt 9\tjf 10\n"
             "(009) ret      #262144\n"
             "(010) ret      #0\n"
             ""},
    {"EN10MB", "vlan and pppoes 5 and ip",
             "(000) ldh      [12]\n"
             "(001) jeq      #0x8100          jt 4\tjf 2\n"
             "(002) jeq      #0x88a8          jt 4\tjf 3\n"
             "(003) jeq      #0x9100          jt 4\tjf 12\n"
             "(004) ldh      [16]\n"
             "(005) jeq      #0x8864          jt 6\tjf 12\n"
             "(006) ld       [18]\n"
             "(007) and      #0xffff\n"
             "(008) jeq      #0x5             jt 9\tjf 12\n"
             "(009) ldh      [24]\n"
             "(010) jeq      #0x21            jt 11\tjf 12\n"
             "(011) ret      #262144\n"
             "(012) ret      #0\n"
             ""},
        {"RAW", "host 1.2.3.4",
             "(000) ldb      [0]\n"
             "(001) and      #0xf0\n"
             "(002) jeq      #0x40            jt 3\tjf 8\n"
             "(003) ld       [12]\n"
             "(004) jeq      #0x1020304       jt 7\tjf 5\n"
             "(005) ld       [16]\n"
             "(006) jeq      #0x1020304       jt 7\tjf 8\n"
             "(007) ret      #262144\n"
             "(008) ret      #0\n"
             ""},
    {"NULL", "ip6",
             "(000) ld       [0]\n"
             "(001) jeq      #0xa000000       jt 2\tjf 3\n"
             "(002) ret      #262144\n"
             "(003) ret      #0\n"
             ""},
    {"NULL", "port 80",
             "(000) ld       [0]\n"
             "(001) jeq      #0xa000000       jt 2\tjf 10\n"
             "(002) ldb      [10]\n"
             "(003) jeq      #0x84            jt 6\tjf 4\n"
             "(004) jeq      #0x6             jt 6\tjf 5\n"
             "(005) jeq      #0x11            jt 6\tjf 23\n"
             "(006) ldh      [44]\n"
             "(007) jeq      #0x50            jt 22\tjf 8\n"
             "(008) ldh      [46]\n"
             "(009) jeq      #0x50            jt 22\tjf 23\n"
             "(010) jeq      #0x2000000       jt 11\tjf 23\n"
             "(011) ldb      [13]\n"
             "(012) jeq      #0x84            jt 15\tjf 13\n"
             "(013) jeq      #0x6             jt 15\tjf 14\n"
             "(014) jeq      #0x11            jt 15\tjf 23\n"
             "(015) ldh      [10]\n"
             "(016) jset     #0x1fff          jt 23\tjf 17\n"
             "(017) ldxb     4*([4]&0xf)\n"
             "(018) ldh      [x + 4]\n"
             "(019) jeq      #0x50            jt 22\tjf 20\n"
             "(020) ldh      [x + 6]\n"
             "(021) jeq      #0x50            jt 22\tjf 23\n"
             "(022) ret      #262144\n"
             "(023) ret      #0\n"
             ""},
    {"LOOP", "ip",
             "(000) ld       [0]\n"
             "(001) jeq      #0x2             jt 2\tjf 3\n"
             "(002) ret      #262144\n"
             "(003) ret      #0\n"
             ""},
        {"EN10MB", "inbound",
             "(000) ldh      [type]\n"
             "(001) jeq      #0x4             jt 2\tjf 3\n"
             "(002) ret      #0\n"
             "(003) ret      #262144\n"
             ""},
    {"EN10MB", "outbound",
             "(000) ldh      [type]\n"
             "(001) jeq      #0x4             jt 2\tjf 3\n"
             "(002) ret      #262144\n"
             "(003) ret      #0\n"
             ""},
    {"EN10MB", "ifindex 3",
             "(000) ld       [ifidx]\n"
             "(001) jeq      #0x3             jt 2\tjf 3\n"
             "(002) ret      #262144\n"
             "(003) ret      #0\n"
             ""},
    {"LINUX_SLL", "inbound",
             "(000) ldh      [0]\n"
             "(001) jeq      #0x4             jt 2\tjf 3\n"
             "(002) ret      #0\n"
             "(003) ret      #262144\n"
             ""},
    {"LINUX_SLL2", "outbound",
             "(000) ldb      [10]\n"
             "(001) jeq      #0x4             jt 2\tjf 3\n"
             "(002) ret      #262144\n"
             "(003) ret      #0\n"
             ""},
    {"LINUX_SLL2", "ifindex 2",
             "(000) ld       [4]\n"
             "(001) jeq      #0x2             jt 2\tjf 3\n"
             "(002) ret      #262144\n"
             "(003) ret      #0\n"
             ""},
};

struct Refusal {
    std::string_view link;
    std::string_view expression;
    std::string_view message;
};

constexpr Refusal refusals[] = {
    {"EN10MB", "vlan 5000", "VLAN tag 5000 greater than maximum 4095"},
    {"EN10MB", "mpls 2000000", "MPLS label 2000000 greater than maximum 1048575"},
    {"EN10MB", "pppoes 70000", "PPPoE session number 70000 greater than maximum 65535"},
    {"EN10MB", "mpls and vlan", "no VLAN match after MPLS"},
    {"EN10MB", "mpls and arp", "unsupported protocol over mpls"},
    {"EN10MB", "pppoes and vlan", "no VLAN support for PPP"},
    {"EN10MB", "pppoes and ether host 1:2:3:4:5:6", "ethernet addresses supported only on ethernet/FDDI/token ring/802.11/ATM LANE/Fibre Channel"},
    {"RAW", "vlan", "no VLAN support for Raw IP"},
    {"RAW", "mpls", "no MPLS support for Raw IP"},
    {"LINUX_SLL", "vlan", "no VLAN support for Linux cooked v1"},
    {"LINUX_SLL2", "mpls", "no MPLS support for Linux cooked v2"},
    {"NULL", "ether host 1:2:3:4:5:6", "ethernet addresses supported only on ethernet/FDDI/token ring/802.11/ATM LANE/Fibre Channel"},
    {"IPV6", "ether broadcast", "not a broadcast link"},
    {"LOOP", "ether multicast", "link-layer multicast filters supported only on ethernet/FDDI/token ring/ARCNET/802.11/ATM LANE/Fibre Channel"},
};

CompileOptions on(std::string_view link) {
    CompileOptions options;
    options.link = *link_type_from_name(link);
    return options;
}

}  // namespace

TEST_SUITE("filter.encapsulations") {
    TEST_CASE("programs are libpcap's, instruction for instruction") {
        for (const auto& listing : listings) {
            CAPTURE(listing.link);
            CAPTURE(listing.expression);
            auto program = compile(listing.expression, on(listing.link));
            REQUIRE_MESSAGE(program.has_value(), program.error().message);
            CHECK(dump(*program, DumpStyle::Assembly) == listing.tcpdump);
        }
    }

    TEST_CASE("libpcap's refusals, with its messages") {
        for (const auto& refusal : refusals) {
            CAPTURE(refusal.link);
            CAPTURE(refusal.expression);
            auto program = compile(refusal.expression, on(refusal.link));
            REQUIRE_FALSE(program.has_value());
            CHECK(program.error().message == refusal.message);
        }
    }

    TEST_CASE("a range error points at the number; a context error at the primitive") {
        auto vlan = compile("ip or vlan 5000", on("EN10MB"));
        REQUIRE_FALSE(vlan.has_value());
        CHECK(vlan.error().offset == 11);
        CHECK(vlan.error().length == 4);
        auto after_mpls = compile("mpls and vlan 10", on("EN10MB"));
        REQUIRE_FALSE(after_mpls.has_value());
        CHECK(after_mpls.error().offset == 9);
        CHECK(after_mpls.error().length == 7);
    }

    TEST_CASE("offsets shift only for what follows the encapsulation") {
        // `ip or vlan`: the ip test reads the outer EtherType; `vlan or ip` the inner one.
        auto before = compile("ip or vlan", on("EN10MB"));
        auto after = compile("vlan or ip", on("EN10MB"));
        REQUIRE(before.has_value());
        REQUIRE(after.has_value());
        CHECK(dump(*before, DumpStyle::Assembly).find("[16]") == std::string::npos);
        CHECK(dump(*after, DumpStyle::Assembly).find("ldh      [16]") != std::string::npos);
    }

    TEST_CASE("vxlan is refused by name") {
        for (const char* text : {"vxlan", "vxlan 7"}) {
            auto program = compile(text, on("EN10MB"));
            REQUIRE_FALSE(program.has_value());
            CHECK(program.error().message.find("vxlan") != std::string::npos);
        }
    }

    TEST_CASE("geneve: libpcap's tests; what follows it reads run-time offsets") {
        auto program = compile("geneve 12345", on("EN10MB"));
        REQUIRE(program.has_value());
        const std::string text = dump(*program, DumpStyle::Assembly);
        CHECK(text.find("ldh      [x + 16]") != std::string::npos);  // IPv4 UDP dst port
        CHECK(text.find("jeq      #0x17c1") != std::string::npos);   // 6081
        CHECK(text.find("jeq      #0x303900") != std::string::npos);  // VNI << 8
        CHECK(text.find("ld       [66]") != std::string::npos);      // IPv6 VNI word
        // What follows reads the inner frame through the scratch words (verdicts:
        // linktypes.txt); the inner IPv4 header length is added to the run-time base.
        auto inner = compile("geneve and tcp port 80", on("EN10MB"));
        REQUIRE(inner.has_value());
        const std::string inner_text = dump(*inner, DumpStyle::Assembly);
        CHECK(inner_text.find("jeq      #0x6558") != std::string::npos);  // inner Ethernet?
        CHECK(inner_text.find("ldx      M[15]") != std::string::npos);
        CHECK(inner_text.find("ldh      [x + 2]") != std::string::npos);
        // Reached without `geneve` matching, the offsets were never computed (libpcap reads
        // unwritten scratch words there): refused at the geneve.
        for (const char* unreached : {"geneve or ip", "(geneve or ip) and udp", "not geneve and tcp",
                                      "geneve or geneve"}) {
            CAPTURE(unreached);
            auto refused = compile(unreached, on("EN10MB"));
            REQUIRE_FALSE(refused.has_value());
            CHECK(refused.error().message.starts_with("what follows 'geneve' must be reached only"));
            CHECK(refused.error().offset == std::string_view(unreached).find("geneve"));
        }
        auto protochain = compile("geneve and protochain 6", on("EN10MB"));
        REQUIRE_FALSE(protochain.has_value());
        CHECK(protochain.error().message == "'protochain' not supported with variable length headers");
        for (const char* metadata : {"geneve and inbound", "geneve and ifindex 7", "geneve and not outbound"}) {
            CAPTURE(metadata);
            auto refused = compile(metadata, on("LINUX_SLL2"));
            REQUIRE_FALSE(refused.has_value());
            CHECK(refused.error().message.find("after 'geneve' is not supported") != std::string::npos);
            CHECK(refused.error().offset == 0);
        }
        for (const char* fine : {"ip or geneve", "geneve and less 100", "not geneve",
                                 "vlan and geneve 5", "tcp or geneve", "not geneve or tcp",
                                 "geneve and geneve and geneve and udp"})
            CHECK(compile(fine, on("EN10MB")).has_value());
        // A live `vlan` after geneve is the inner frame's inline tag (no metadata there).
        CompileOptions live = on("EN10MB");
        live.live = true;
        auto live_inner = compile("geneve and vlan 10", live);
        REQUIRE(live_inner.has_value());
        CHECK(dump(*live_inner, DumpStyle::Assembly).find("vlanp") == std::string::npos);
        auto big = compile("geneve 16777216", on("EN10MB"));
        REQUIRE_FALSE(big.has_value());
        CHECK(big.error().message == "Geneve VNI 16777216 greater than maximum 16777215");
    }

    TEST_CASE("live programs test the kernel's VLAN metadata, as libpcap does") {
        CompileOptions options = on("EN10MB");
        options.live = true;
        auto vlan = compile("vlan", options);
        REQUIRE(vlan.has_value());
        // tcpdump -i lo -d vlan
        CHECK(dump(*vlan, DumpStyle::Assembly) ==
              "(000) ldb      [vlanp]\n"
              "(001) jeq      #0x1             jt 6\tjf 2\n"
              "(002) ldh      [12]\n"
              "(003) jeq      #0x8100          jt 6\tjf 4\n"
              "(004) jeq      #0x88a8          jt 6\tjf 5\n"
              "(005) jeq      #0x9100          jt 6\tjf 7\n"
              "(006) ret      #262144\n"
              "(007) ret      #0\n");
        auto id = compile("vlan 10", options);
        REQUIRE(id.has_value());
        const std::string text = dump(*id, DumpStyle::Assembly);
        CHECK(text.find("ldb      [vlan_tci]") != std::string::npos);  // 1.10.3's ldb
        CHECK(text.find("ldh      [14]") != std::string::npos);
        // What follows a live vlan: read untagged or 4 bytes on, chosen by [vlanp] (libpcap
        // keeps that offset in M[]); verdicts against libpcap's in test_live_vlan.cpp.
        auto after = compile("vlan and ip", options);
        REQUIRE(after.has_value());
        CHECK(dump(*after, DumpStyle::Assembly) ==
              "(000) ldb      [vlanp]\n"
              "(001) jeq      #0x1             jt 6\tjf 2\n"
              "(002) ldh      [12]\n"
              "(003) jeq      #0x8100          jt 6\tjf 4\n"
              "(004) jeq      #0x88a8          jt 6\tjf 5\n"
              "(005) jeq      #0x9100          jt 6\tjf 15\n"
              "(006) ldb      [vlanp]\n"
              "(007) jeq      #0x1             jt 8\tjf 10\n"
              "(008) ldh      [12]\n"
              "(009) jeq      #0x800           jt 14\tjf 10\n"
              "(010) ldb      [vlanp]\n"
              "(011) jeq      #0x1             jt 15\tjf 12\n"
              "(012) ldh      [16]\n"
              "(013) jeq      #0x800           jt 14\tjf 15\n"
              "(014) ret      #262144\n"
              "(015) ret      #0\n");
        // Refused where libpcap's offset would depend on the path taken, or after a second
        // encapsulation: the span is the live vlan's.
        for (const char* text : {"(ip or vlan) and tcp", "vlan and vlan 20", "vlan and mpls",
                                 "vlan and pppoes and ip"}) {
            CAPTURE(text);
            auto refused = compile(text, options);
            REQUIRE_FALSE(refused.has_value());
            CHECK(refused.error().offset == std::string_view(text).find("vlan"));
            CHECK(refused.error().length == 4);
        }
        CHECK(compile("ip and vlan 10 and inbound", options).has_value());
    }

    TEST_CASE("savefiles: NULL/LOOP IPv6 by the BSD AF values; no metadata on Ethernet") {
        CompileOptions options = on("NULL");
        options.savefile = true;
        auto ip6 = compile("ip6", options);
        REQUIRE(ip6.has_value());
        CHECK(dump(*ip6, DumpStyle::Assembly) ==
              "(000) ld       [0]\n"
              "(001) jeq      #0x1e000000      jt 4\tjf 2\n"
              "(002) jeq      #0x18000000      jt 4\tjf 3\n"
              "(003) jeq      #0x1c000000      jt 4\tjf 5\n"
              "(004) ret      #262144\n"
              "(005) ret      #0\n");
        CompileOptions ether = on("EN10MB");
        ether.savefile = true;
        auto inbound = compile("inbound", ether);
        REQUIRE_FALSE(inbound.has_value());
        CHECK(inbound.error().message == "inbound/outbound not supported on Ethernet when reading savefiles");
        CompileOptions cooked = on("LINUX_SLL2");
        cooked.savefile = true;
        CHECK(compile("inbound and ifindex 2", cooked).has_value());
    }
}
