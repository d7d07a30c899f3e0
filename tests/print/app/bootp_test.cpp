// BOOTP/DHCP as tcpdump 4.99.3's print-bootp.c shows it; every expected string was produced
// by the real tcpdump on the same UDP payload (ports 68 > 67, -n).
#include <doctest/doctest.h>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "src/print/app/bootp.hpp"
#include "src/print/app/bootp_option_table.hpp"
#include "src/print/base/context.hpp"
#include "src/print/base/tcp_sequence.hpp"
#include "tests/print/printer_harness.hpp"

using namespace rawdump;

namespace {

// A BOOTP message: the 236-byte fixed header (request from 00:11:22:33:44:55, xid 0x1234),
// then whatever vendor bytes are appended.
struct Message {
    std::vector<std::byte> bytes = std::vector<std::byte>(236);

    Message() {
        set(0, {1, 1, 6, 0, 0, 0, 0x12, 0x34});
        set(28, {0x00, 0x11, 0x22, 0x33, 0x44, 0x55});
    }
    Message& set(std::size_t at, std::initializer_list<int> values) {
        for (int v : values) bytes[at++] = static_cast<std::byte>(v);
        return *this;
    }
    Message& set(std::size_t at, std::string_view text) {
        for (char c : text) bytes[at++] = static_cast<std::byte>(c);
        return *this;
    }
    Message& add(std::initializer_list<int> values) {
        for (int v : values) bytes.push_back(static_cast<std::byte>(v));
        return *this;
    }
    Message& add(std::string_view text) {
        for (char c : text) bytes.push_back(static_cast<std::byte>(c));
        return *this;
    }
    Message& rfc1048() { return add({99, 130, 83, 99}); }
};

struct BootpResult {
    std::string text;
    bool unwound = false;
};

BootpResult bootp(const Message& m, int verbosity = 1, std::size_t captured = std::string_view::npos) {
    test::PrinterHarness h(test::PrinterHarness::options_for(verbosity, true));
    h.print_captured(print::print_bootp, m.bytes, captured);
    return {h.text(), h.ctx.unwound};
}

// DHCPDISCOVER with a parameter list that includes options 4.99.3 does not know.
Message discover() {
    Message m;
    m.set(4, {0x06, 0xe3, 0x28, 0x64});
    m.rfc1048()
        .add({53, 1, 1})
        .add({50, 4, 192, 168, 1, 4})
        .add({55, 9, 1, 28, 2, 3, 15, 6, 12, 108, 143})
        .add({61, 7, 1, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55})
        .add({12, 6})
        .add("host\x01\x80")
        .add({255});
    return m;
}

constexpr std::string_view discover_header =
    "BOOTP/DHCP, Request from 00:11:22:33:44:55, length 278, xid 0x6e32864, Flags [none]\n"
    "\t  Client-Ethernet-Address 00:11:22:33:44:55";

}  // namespace

TEST_CASE("the option table keeps tcpdump 4.99.3's names") {
    using print::bootp::option_info;
    CHECK(option_info(121).name == "Classless-Static-Route");
    CHECK(option_info(150).name == "TFTP-Server-Address");
    CHECK(option_info(161).name == "MUD-URL");
    CHECK(option_info(108).name == "Unknown");
}

TEST_CASE("without -v: operation, client address and length") {
    CHECK(bootp(discover(), 0).text == "BOOTP/DHCP, Request from 00:11:22:33:44:55, length 278");
}

TEST_CASE("a DHCPDISCOVER at -v") {
    CHECK(bootp(discover()).text == std::string(discover_header) +
                                        "\n"
                                        "\t  Vendor-rfc1048 Extensions\n"
                                        "\t    Magic Cookie 0x63825363\n"
                                        "\t    DHCP-Message (53), length 1: Discover\n"
                                        "\t    Requested-IP (50), length 4: 192.168.1.4\n"
                                        "\t    Parameter-Request (55), length 9: \n"
                                        "\t      Subnet-Mask (1), BR (28), Time-Zone (2), Default-Gateway (3)\n"
                                        "\t      Domain-Name (15), Domain-Name-Server (6), Hostname (12), Unknown (108)\n"
                                        "\t      Unknown (143)\n"
                                        "\t    Client-ID (61), length 7: ether 00:11:22:33:44:55\n"
                                        "\t    Hostname (12), length 6: \"host^AM-^@\"");
}

TEST_CASE("a reply with every address, file names and trailing data at -vv") {
    Message m;
    m.set(0, {2, 1, 6, 1}).set(8, {0, 3, 0x80, 0x00});
    m.set(12, {192, 168, 1, 1, 192, 168, 1, 4, 192, 168, 1, 2, 192, 168, 1, 3});
    m.set(44, "server").set(108, "pxelinux.0");
    m.rfc1048()
        .add({53, 1, 5})
        .add({51, 4, 0, 1, 0x51, 0x80})
        .add({2, 4, 0xff, 0xff, 0xf1, 0xf0})
        .add({33, 8, 10, 0, 0, 1, 10, 0, 0, 2})
        .add({33, 3, 1, 2, 3})
        .add({255});
    CHECK(bootp(m, 2).text ==
          "BOOTP/DHCP, Reply, length 271, hops 1, xid 0x1234, secs 3, Flags [Broadcast] (0x8000)\n"
          "\t  Client-IP 192.168.1.1\n"
          "\t  Your-IP 192.168.1.4\n"
          "\t  Server-IP 192.168.1.2\n"
          "\t  Gateway-IP 192.168.1.3\n"
          "\t  Client-Ethernet-Address 00:11:22:33:44:55\n"
          "\t  sname \"server\"\n"
          "\t  file \"pxelinux.0\"\n"
          "\t  Vendor-rfc1048 Extensions\n"
          "\t    Magic Cookie 0x63825363\n"
          "\t    DHCP-Message (53), length 1: ACK\n"
          "\t    Lease-Time (51), length 4: 86400\n"
          "\t    Time-Zone (2), length 4: -3600\n"
          "\t    Static-Route (33), length 8: (10.0.0.1:10.0.0.2)\n"
          "\t    Static-Route (33), length 3: \n"
          "\t  trailing data length 3");
}

TEST_CASE("options with their own decoding (RFC 3004, 3442, 4702, 3046, 5859)") {
    Message m;
    m.rfc1048()
        .add({77, 7, 3})
        .add("abc")
        .add({2})
        .add("de")
        .add({121, 13, 0, 10, 0, 0, 1, 24, 192, 168, 1, 10, 0, 0, 1})
        .add({81, 7, 5, 0, 0})
        .add("host")
        .add({82, 9, 1, 2})
        .add("ab")
        .add({9, 3, 1, 2, 3})
        .add({46, 1, 8})
        .add({52, 1, 7})
        .add({150, 8, 1, 2, 3, 4, 5, 6, 7, 8})
        .add({200, 6, 1, 2, 3, 4, 5, 6})
        .add({255});
    CHECK(bootp(m).text ==
          "BOOTP/DHCP, Request from 00:11:22:33:44:55, length 309, xid 0x1234, Flags [none]\n"
          "\t  Client-Ethernet-Address 00:11:22:33:44:55\n"
          "\t  Vendor-rfc1048 Extensions\n"
          "\t    Magic Cookie 0x63825363\n"
          "\t    User-Class (77), length 7: \n"
          "\t      instance#1: \"abc\", length 3\n"
          "\t      instance#2: \"de\", length 2\n"
          "\t    Classless-Static-Route (121), length 13: (default:10.0.0.1),(192.168.1.0/24:10.0.0.1)\n"
          "\t    FQDN (81), length 7: [SE] \"host\"\n"
          "\t    Agent-Information (82), length 9: \n"
          "\t      Circuit-ID SubOption 1, length 2: ab\n"
          "\t      Unknown SubOption 9, length 3: \n"
          "\t\t0x0000:  0102 03\n"
          "\t    Netbios-Node (46), length 1: h-node\n"
          "\t    OO (52), length 1: #7\n"
          "\t    TFTP-Server-Address (150), length 8: 1.2.3.4,5.6.7.8\n"
          "\t    Unknown (200), length 6: 258,772,1286");
}

TEST_CASE("-vvv shows padding and what follows END") {
    Message m;
    m.rfc1048().add({0, 0, 0, 1, 4, 255, 255, 255, 0, 255, 0, 0});
    CHECK(bootp(m, 3).text ==
          "BOOTP/DHCP, Request from 00:11:22:33:44:55, length 252, xid 0x1234, Flags [none] (0x0000)\n"
          "\t  Client-Ethernet-Address 00:11:22:33:44:55\n"
          "\t  Vendor-rfc1048 Extensions\n"
          "\t    Magic Cookie 0x63825363\n"
          "\t    PAD (0), length 0, occurs 3\n"
          "\t    Subnet-Mask (1), length 4: 255.255.255.0\n"
          "\t    END (255), length 0\n"
          "\t    PAD (0), length 0, occurs 2");
}

TEST_CASE("other vendor areas") {
    Message cmu;
    cmu.add("CMU").add({0, 3, 0, 0, 0, 255, 255, 255, 0, 10, 0, 0, 1});
    cmu.bytes.resize(300);
    CHECK(bootp(cmu).text ==
          "BOOTP/DHCP, Request from 00:11:22:33:44:55, length 300, xid 0x1234, Flags [none]\n"
          "\t  Client-Ethernet-Address 00:11:22:33:44:55 vend-cmu F:0x3 DG:10.0.0.1 SM:255.255.255.0");
    Message other;
    other.add({0x12, 0x34, 0x56, 0x78});
    CHECK(bootp(other).text.ends_with("\n\t  Vendor-#0x12345678"));
    Message unknown;
    unknown.set(0, {0, 6, 0, 0, 0, 0, 0, 0}).rfc1048();
    CHECK(bootp(unknown).text ==
          "BOOTP/DHCP, unknown (0x00), length 240, htype 6, hlen 0, Flags [none]\n"
          "\t  Vendor-rfc1048 Extensions\n"
          "\t    Magic Cookie 0x63825363");
}

TEST_CASE("an sname without NUL ends the packet with the marker, without unwinding") {
    Message m;
    m.set(44, std::string(64, 'A')).rfc1048();
    auto r = bootp(m);
    CHECK(r.text ==
          "BOOTP/DHCP, Request from 00:11:22:33:44:55, length 240, xid 0x1234, Flags [none]\n"
          "\t  Client-Ethernet-Address 00:11:22:33:44:55\n"
          "\t  sname \"" + std::string(64, 'A') + "\" [|bootp]");
    CHECK(!r.unwound);
}

TEST_CASE("truncation: GET-style reads unwind, ND_TCHECK-style checks do not") {
    auto cut = bootp(discover(), 1, 11);
    CHECK(cut.text == "BOOTP/DHCP, Request [|bootp]");  // the client address was not captured
    CHECK(cut.unwound);
    cut = bootp(discover(), 1, 238);  // the magic cookie is checked with ND_TCHECK
    CHECK(cut.text == std::string(discover_header) + " [|bootp]");
    CHECK(!cut.unwound);
    cut = bootp(discover(), 1, 243);  // cut between two options: no marker at all
    CHECK(cut.text.ends_with("DHCP-Message (53), length 1: Discover"));
    cut = bootp(discover(), 1, 244);  // an option's length byte is a GET
    CHECK(cut.text.ends_with("DHCP-Message (53), length 1: Discover [|bootp]"));
    CHECK(cut.unwound);
    cut = bootp(discover(), 1, 247);  // an option's body is checked with ND_TCHECK
    CHECK(cut.text.ends_with("Requested-IP (50), length 4:  [|bootp]"));
    CHECK(!cut.unwound);
}

TEST_CASE("BOOTP cut at every length never reads past the capture") {
    const std::string full = bootp(discover(), 3).text;
    for (std::size_t captured = 0; captured < discover().bytes.size(); ++captured) {
        CAPTURE(captured);
        std::string text = bootp(discover(), 3, captured).text;
        constexpr std::string_view marker = " [|bootp]";
        if (text.ends_with(marker)) text.resize(text.size() - marker.size());
        CHECK(full.starts_with(text));
    }
}
