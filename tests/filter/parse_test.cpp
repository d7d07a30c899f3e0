// Parser: tree shape, libpcap precedence, qualifier carry-over forms, syntax errors + positions.
#include <doctest/doctest.h>

#include <string>

#include "filter/ast_print.hpp"
#include "filter/parse.hpp"

using namespace rawdump;
using namespace rawdump::filter;

namespace {

std::string shape(const std::string& text) {
    auto parsed = parse(text);
    REQUIRE_MESSAGE(parsed.has_value(), text << ": " << (parsed ? "" : parsed.error().message));
    return ast::to_sexpr(parsed->tree);
}

Diagnostic syntax_error_of(const std::string& text) {
    auto parsed = parse(text);
    REQUIRE_MESSAGE(!parsed.has_value(), text << " parsed");
    return parsed.error();
}

}  // namespace

TEST_SUITE("filter.parse") {
    TEST_CASE("primitives keep their qualifiers") {
        CHECK(shape("tcp") == "tcp");
        CHECK(shape("tcp port 22") == "(tcp port 22)");
        CHECK(shape("src host 10.0.0.1") == "(src host 10.0.0.1)");
        CHECK(shape("ip6 dst host ::1") == "(ip6 dst host ::1)");
        CHECK(shape("src or dst port 5") == "(src or dst port 5)");
        CHECK(shape("dst and src host 1.2.3.4") == "(src and dst host 1.2.3.4)");
        CHECK(shape("src 1.2.3.4") == "(src 1.2.3.4)");
        CHECK(shape("ether host aa:bb:cc:dd:ee:ff") == "(ether host aa:bb:cc:dd:ee:ff)");
        CHECK(shape("net 10.0.0.0/8") == "(net 10.0.0.0/8)");
        CHECK(shape("portrange 1-1024") == "(portrange 1-1024)");
        CHECK(shape("portrange ftp-ssh") == "(portrange ftp-ssh)");
    }

    TEST_CASE("and and or have equal precedence and group to the left") {
        CHECK(shape("tcp or udp and icmp") == "(and (or tcp udp) icmp)");
        CHECK(shape("tcp and udp or icmp") == "(or (and tcp udp) icmp)");
        CHECK(shape("tcp && udp || icmp") == "(or (and tcp udp) icmp)");
    }

    TEST_CASE("not binds tighter than and/or") {
        CHECK(shape("not tcp and udp") == "(and (not tcp) udp)");
        CHECK(shape("! tcp || udp") == "(or (not tcp) udp)");
        CHECK(shape("not not ip") == "(not (not ip))");
        CHECK(shape("not (tcp or udp)") == "(not (or tcp udp))");
    }

    TEST_CASE("parentheses regroup") {
        CHECK(shape("tcp and (udp or icmp)") == "(and tcp (or udp icmp))");
        CHECK(shape("((ip))") == "ip");
    }

    TEST_CASE("bare ids after and/or are kept for qualifier carry-over") {
        CHECK(shape("tcp port 22 or 80") == "(or (tcp port 22) (id 80))");
        CHECK(shape("host a or b and not c") == "(and (or (host a) (id b)) (id (not c)))");
        CHECK(shape("tcp port 1 and (2 or 3)") == "(and (tcp port 1) (id (or 2 3)))");
        CHECK(shape("host (a or b)") == "(host (or a b))");
    }

    TEST_CASE("keywords are whole words") {
        CHECK(shape("host tcp-syn") == "(host tcp-syn)");
        CHECK(shape("port \\ssh") == "(port \\ssh)");
    }

    TEST_CASE("not-yet-supported constructs still parse, for sema to refuse with a span") {
        CHECK(shape("vlan 100 and tcp") == "(and (other vlan 100) tcp)");
        CHECK(shape("ether broadcast") == "(other ether broadcast)");
    }

    TEST_CASE("arithmetic follows libpcap's precedence") {
        CHECK(shape("tcp[13] & 2 != 0 and port 80") == "(and (!= (& tcp[13] 2) 0) (port 80))");
        CHECK(shape("len > 64") == "(> len 64)");
        CHECK(shape("ip[0] + ip[1] * ip[2] = 0") == "(= (+ ip[0] (* ip[1] ip[2])) 0)");
        CHECK(shape("ip[0] | ip[1] & ip[2] << 1 = 0") == "(= (| ip[0] (& ip[1] (<< ip[2] 1))) 0)");
        CHECK(shape("ip[0] - ip[1] - ip[2] = 0") == "(= (- (- ip[0] ip[1]) ip[2]) 0)");
        CHECK(shape("udp[0:2] = 53") == "(= udp[0:2] 53)");
        CHECK(shape("(len - 4) > 60") == "(> (- len 4) 60)");
        // libpcap gives % and ^ no precedence: they take the rest of the expression.
        CHECK(shape("ip[0] + ip[1] % ip[2] - ip[3] = 0") == "(= (+ ip[0] (% ip[1] (- ip[2] ip[3]))) 0)");
        CHECK(shape("ip[0] & ip[1] ^ ip[2] | ip[3] = 0") == "(= (& ip[0] (^ ip[1] (| ip[2] ip[3]))) 0)");
        // || and && stay logical.
        CHECK(shape("len > 1 || len < 2") == "(or (> len 1) (< len 2))");
        CHECK(shape("tcp[tcpflags] & (tcp-syn|tcp-ack) != 0") == "(!= (& tcp[tcpflags] (| tcp-syn tcp-ack)) 0)");
        CHECK(shape("ether broadcast") == "(other ether broadcast)");
    }

    TEST_CASE("node spans point at the source text") {
        const std::string text = "  tcp  port   80 ";
        auto parsed = parse(text);
        REQUIRE(parsed);
        const auto* primitive = boost::get<ast::Primitive>(&parsed->tree.first);
        REQUIRE(primitive != nullptr);
        const auto& positions = parsed->positions;
        const auto whole = positions.span_of(*primitive);
        CHECK(text.substr(whole.offset, whole.length) == "tcp  port   80");
        REQUIRE(primitive->head.kind.has_value());
        const auto kind = positions.span_of(*primitive->head.kind);
        CHECK(text.substr(kind.offset, kind.length) == "port");
        const auto* value = boost::get<ast::Value>(&primitive->id);
        REQUIRE(value != nullptr);
        const auto id = positions.span_of(*value);
        CHECK(text.substr(id.offset, id.length) == "80");
    }

    TEST_CASE("a missing id names what the qualifier wanted, at the end of input") {
        const auto error = syntax_error_of("tcp port");
        CHECK(error.message == "syntax error in filter expression: expected a port number or name");
        CHECK(error.offset == 8);
        CHECK(render(error, "tcp port") ==
              "syntax error in filter expression: expected a port number or name\n"
              "  tcp port\n"
              "          ^");
        CHECK(syntax_error_of("src host").message ==
              "syntax error in filter expression: expected a host address or name");
    }

    TEST_CASE("other syntax errors say what was expected and where") {
        auto error = syntax_error_of("tcp port 80 80");
        CHECK(error.message ==
              "syntax error in filter expression: expected 'and', 'or' or the end of the expression");
        CHECK(error.offset == 12);
        CHECK(error.length == 2);

        error = syntax_error_of("tcp and");
        CHECK(error.offset == 7);
        CHECK(error.message.find("after 'and'/'or'") != std::string::npos);

        error = syntax_error_of("(tcp or udp");
        CHECK(error.message == "syntax error in filter expression: expected ')'");
        CHECK(error.offset == 11);

        CHECK(syntax_error_of("foo").offset == 0);
        CHECK(syntax_error_of("ip6 tcp").offset == 4);
        CHECK(syntax_error_of("port -1").offset == 5);
    }
}
