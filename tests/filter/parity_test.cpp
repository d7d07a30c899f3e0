// libpcap parity found by issue 9: host names resolve to every address of both families (in
// getaddrinfo()'s order), refusals only where libpcap refuses, its number wording, and
// diagnostics that stay readable for multi-line and huge -F files. Listings and messages
// are tcpdump 4.99.3 / libpcap 1.10.3's (`tcpdump -d`, /etc/hosts bind-mounted to the text
// below in a mount namespace); nothing here reads the machine's files.
#include <doctest/doctest.h>

#include <string>

#include "filter/compile.hpp"
#include "filter/dump.hpp"

using namespace rawdump;
using namespace rawdump::filter;

namespace {

constexpr std::string_view hosts_text =
    "127.0.0.1 localhost\n"
    "::1 localhost ip6-localhost\n"
    "10.1.2.3 multi\n"
    "10.1.2.4 multi\n"
    "fe80::1 multi\n";

CompileOptions with_hosts() {
    CompileOptions options;
    options.resolve_host = host_resolver_for(parse_hosts(hosts_text));
    return options;
}

std::string listing(const std::string& text, const CompileOptions& options = {}) {
    auto program = compile(text, options);
    REQUIRE_MESSAGE(program.has_value(), text << ": " << program.error().message);
    return dump(*program, DumpStyle::Assembly);
}

std::string message(const std::string& text, const CompileOptions& options = {}) {
    auto program = compile(text, options);
    REQUIRE_MESSAGE(!program.has_value(), text << " compiled");
    return program.error().message;
}

}  // namespace

TEST_SUITE("filter.parity") {
    TEST_CASE("host names: every address of both families, as libpcap orders them") {
        CHECK(listing("host localhost", with_hosts()) == R"((000) ldh      [12]
(001) jeq      #0x86dd          jt 2	jf 18
(002) ld       [22]
(003) jeq      #0x0             jt 4	jf 10
(004) ld       [26]
(005) jeq      #0x0             jt 6	jf 10
(006) ld       [30]
(007) jeq      #0x0             jt 8	jf 10
(008) ld       [34]
(009) jeq      #0x1             jt 29	jf 10
(010) ld       [38]
(011) jeq      #0x0             jt 12	jf 30
(012) ld       [42]
(013) jeq      #0x0             jt 14	jf 30
(014) ld       [46]
(015) jeq      #0x0             jt 16	jf 30
(016) ld       [50]
(017) jeq      #0x1             jt 29	jf 30
(018) jeq      #0x800           jt 19	jf 23
(019) ld       [26]
(020) jeq      #0x7f000001      jt 29	jf 21
(021) ld       [30]
(022) jeq      #0x7f000001      jt 29	jf 30
(023) jeq      #0x806           jt 25	jf 24
(024) jeq      #0x8035          jt 25	jf 30
(025) ld       [28]
(026) jeq      #0x7f000001      jt 29	jf 27
(027) ld       [38]
(028) jeq      #0x7f000001      jt 29	jf 30
(029) ret      #262144
(030) ret      #0
)");
        CHECK(listing("host multi", with_hosts()) == R"((000) ldh      [12]
(001) jeq      #0x800           jt 2	jf 7
(002) ld       [26]
(003) jeq      #0xa010203       jt 32	jf 4
(004) jeq      #0xa010204       jt 32	jf 5
(005) ld       [30]
(006) jeq      #0xa010203       jt 32	jf 14
(007) jeq      #0x806           jt 9	jf 8
(008) jeq      #0x8035          jt 9	jf 15
(009) ld       [28]
(010) jeq      #0xa010203       jt 32	jf 11
(011) jeq      #0xa010204       jt 32	jf 12
(012) ld       [38]
(013) jeq      #0xa010203       jt 32	jf 14
(014) jeq      #0xa010204       jt 32	jf 33
(015) jeq      #0x86dd          jt 16	jf 33
(016) ld       [22]
(017) jeq      #0xfe800000      jt 18	jf 24
(018) ld       [26]
(019) jeq      #0x0             jt 20	jf 24
(020) ld       [30]
(021) jeq      #0x0             jt 22	jf 24
(022) ld       [34]
(023) jeq      #0x1             jt 32	jf 24
(024) ld       [38]
(025) jeq      #0xfe800000      jt 26	jf 33
(026) ld       [42]
(027) jeq      #0x0             jt 28	jf 33
(028) ld       [46]
(029) jeq      #0x0             jt 30	jf 33
(030) ld       [50]
(031) jeq      #0x1             jt 32	jf 33
(032) ret      #262144
(033) ret      #0
)");
        // `arp`/`rarp` reach the name's IPv6 address and refuse it; `ip` skips it.
        CHECK(message("arp host localhost", with_hosts()) == "'arp' modifier applied to ip6 host");
        CHECK(message("rarp host multi", with_hosts()) == "'rarp' modifier applied to ip6 host");
        CHECK(listing("ip host localhost", with_hosts()).find("0x86dd") == std::string::npos);
        CHECK(message("ip host ip6-localhost", with_hosts()) ==
              "unknown host 'ip6-localhost' for specified address family");
    }

    TEST_CASE("refused only where libpcap refuses") {
        // libpcap's optimiser cannot tell that TCP is never IPX: it compiles to a program
        // that matches nothing, so rawdump compiles too (and its program rejects all).
        auto program = compile("tcp and ipx", {});
        REQUIRE(program.has_value());
        CHECK(dump(*program, DumpStyle::Assembly) == "(000) ret      #0\n");
        CHECK(message("tcp and udp") == "expression rejects all packets");
        CHECK(message("ip and arp") == "expression rejects all packets");
        // Inside MPLS, libpcap's link-type test takes only ip and ip6, also for LLC SAPs.
        CHECK(message("not mpls 0 and llc disc and stp") == "unsupported protocol over mpls");
        CHECK(message("mpls and ipx") == "unsupported protocol over mpls");
        CHECK(message("mpls and ether proto 0x42") == "unsupported protocol over mpls");
        CHECK(compile("not mpls and llc", {}).has_value());
    }

    TEST_CASE("numbers: a 0-prefixed number with 8 or 9 is not octal, as libpcap says") {
        CHECK(message("len = 08") == "number 08 contains non-octal digit");
        CHECK(message("port 019") == "number 019 contains non-octal digit");
        CHECK(message("less 09") == "number 09 contains non-octal digit");
        CHECK(message("len = 4294967296") == "number 4294967296 overflows 32 bits");
        CHECK(message("len = 077777777777") == "number 077777777777 overflows 32 bits");
    }

    TEST_CASE("a prefix length is a number too (fuzzing: /018 fell through to the mask parser)") {
        CHECK(message("net 10.0.0/018 and not 0.0/24") == "number 018 contains non-octal digit");
        CHECK(message("net ::/09") == "number 09 contains non-octal digit");
        CHECK(message("net 10.0.0/99999999999") == "number 99999999999 overflows 32 bits");
        CHECK(compile("net ::/0x10", {}).has_value());
    }

    TEST_CASE("a byte above 0x7f is a syntax error at that byte (fuzzing: x3::alnum's assertion)") {
        const std::string text = "ip[0] | i\x90\xa4\xce\xa9 ^ ip[2] = 0";
        auto program = compile(text, {});
        REQUIRE_FALSE(program.has_value());
        CHECK(program.error().message == "syntax error in filter expression: unexpected non-ASCII character");
        CHECK(program.error().offset == 9);
        CHECK_FALSE(compile("host caf\xc3\xa9", {}).has_value());
    }

    TEST_CASE("diagnostics: the caret under the token on its own line of a -F file") {
        const std::string text = "tcp\n  and port\n  http and\n  ip6 hots 1\n";
        auto program = compile(text, {});
        REQUIRE_FALSE(program.has_value());
        const std::string rendered = render(program.error(), text);
        CHECK(rendered == "syntax error in filter expression: expected 'and', 'or' or the end of "
                          "the expression (line 4)\n"
                          "    ip6 hots 1\n"
                          "        ^~~~");
        // A point at the end of a line belongs to that line.
        CHECK(render(Diagnostic{3, 0, "m"}, "tcp\nudp") == "m (line 1)\n  tcp\n     ^");
        CHECK(render(Diagnostic{5, 3, "m"}, "tcp\r\nudp") == "m (line 2)\n  udp\n  ^~~");
        // A file's final newline does not count as a second line.
        CHECK(render(Diagnostic{4, 4, "m"}, "tcp port\n") == "m\n  tcp port\n      ^~~~");
        // One-line expressions render as before.
        CHECK(render(Diagnostic{4, 4, "m"}, "tcp port") == "m\n  tcp port\n      ^~~~");
    }

    TEST_CASE("diagnostics: a huge expression is echoed as a window around the error") {
        std::string text(5'000'000, ' ');
        text.replace(0, 3, "tcp");
        const std::size_t bad = 3'000'000;
        text.replace(bad, 10, "port 99999");
        auto program = compile(text, {});
        REQUIRE_FALSE(program.has_value());
        CHECK(program.error().message == "port number 99999 greater than maximum 65535");
        const std::string rendered = render(program.error(), text);
        CHECK(rendered.size() < 2 * (window_reach + max_span_shown) + 200);
        const std::string window = rendered.substr(rendered.find('\n') + 1);
        CHECK(window.starts_with("  ..."));
        // The caret is under the number.
        const std::string first = window.substr(0, window.find('\n'));
        const std::string caret = window.substr(window.find('\n') + 1);
        CHECK(first.substr(caret.find('^'), 5) == "99999");
        // A long span is shown cut, with its start marked.
        std::string wide = "tcp and " + std::string(1000, 'x');
        const std::string cut = render(Diagnostic{8, 1000, "m"}, wide);
        CHECK(cut.size() < 3 * max_span_shown + 2 * window_reach);
        CHECK(cut.ends_with(std::string(max_span_shown - 1, '~')));
    }
}
