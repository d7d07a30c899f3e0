// HTTP and the other text protocols as tcpdump 4.99.3's txtproto_print shows them; every
// expected string was produced by the real tcpdump on the same payload and ports.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "src/print/base/context.hpp"
#include "src/print/app/http.hpp"
#include "src/print/base/tcp_sequence.hpp"
#include "src/print/app/text_protocols.hpp"
#include "tests/print/printer_harness.hpp"

using namespace rawdump;

namespace {

struct HttpResult {
    std::string text;
    bool unwound = false;
};

using PrintFunction = void (*)(print::Context&, print::ByteReader, std::uint32_t);

// Prints `payload` with `printer` as the TCP payload of a segment declaring `declared` bytes (default: all
// of it), with only the first `captured` bytes in the capture (default: all of them).
HttpResult text(PrintFunction printer, std::string_view payload, int verbosity = 0,
                std::size_t captured = std::string_view::npos, std::size_t declared = std::string_view::npos) {
    test::PrinterHarness h(test::PrinterHarness::options_for(verbosity, false));
    std::vector<std::byte> bytes;
    for (char c : payload.substr(0, captured)) bytes.push_back(static_cast<std::byte>(c));
    auto length = static_cast<std::uint32_t>(declared == std::string_view::npos ? payload.size() : declared);
    printer(h.ctx, print::ByteReader{bytes}, length);
    return {h.text(), h.ctx.unwound};
}

HttpResult http(std::string_view payload, int verbosity = 0,
                std::size_t captured = std::string_view::npos, std::size_t declared = std::string_view::npos) {
    return text(print::print_http, payload, verbosity, captured, declared);
}

}  // namespace

TEST_CASE("a request shows its first line; -v every line with the length") {
    constexpr std::string_view request = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
    CHECK(http(request).text == ": HTTP: GET / HTTP/1.1");
    CHECK(http(request, 1).text == ": HTTP, length: 27\n\tGET / HTTP/1.1\n\tHost: x\n\t");
    CHECK(http("get / HTTP/1.1\r\n").text == ": HTTP: get / HTTP/1.1");  // methods in any case
    CHECK(http("PROPFIND /x HTTP/1.1\n").text == ": HTTP: PROPFIND /x HTTP/1.1");
}

TEST_CASE("a response is recognised by the three digits of its second token") {
    CHECK(http("HTTP/1.1 200 OK\r\nX: y\n\n", 1).text == ": HTTP, length: 23\n\tHTTP/1.1 200 OK\n\tX: y\n\t");
    CHECK(http("FOO 200\r\n").text == ": HTTP: FOO 200");
    CHECK(http("FOO 2000\r\n").text == ": HTTP");
    CHECK(http("200 OK\r\n").text == ": HTTP");
    CHECK(http("HTTP/1.1\r200 OK\r\n").text == ": HTTP");
    CHECK(http("HTTP/1.1 20\x80 OK\r\n").text == ": HTTP");
}

TEST_CASE("a body or binary data shows only the protocol name") {
    CHECK(http("<html><body>\r\n").text == ": HTTP");
    CHECK(http(" GET / HTTP\r\n").text == ": HTTP");
    CHECK(http("\r\nGET / HTTP\r\n").text == ": HTTP");
    CHECK(http("GET\x0b/ x\r\n", 1).text == ": HTTP");
    CHECK(http("GET / HT\x01TP/1.1\r\n").text == ": HTTP");           // recognised, not printable
    CHECK(http("GET \x0b/ x\r\n", 1).text == ": HTTP, length: 10");
}

TEST_CASE("tokens are at most 128 characters") {
    std::string fits = std::string(128, 'A') + " 200\r\n";
    std::string too_long = std::string(129, 'A') + " 200\r\n";
    CHECK(http(fits).text == ": HTTP: " + std::string(128, 'A') + " 200");
    CHECK(http(too_long).text == ": HTTP");
}

TEST_CASE("where the text ends") {
    // Text up to the declared length without a line end: printed, then marked.
    CHECK(http("GET / HTTP/1.1").text == ": HTTP: GET / HTTP/1.1 [|http]");
    CHECK(http("GET / HTTP/1.1\r\nHost: x\r\nbody-no-eol", 1).text ==
          ": HTTP, length: 36\n\tGET / HTTP/1.1\n\tHost: x\n\tbody-no-eol [|http]");
    CHECK_FALSE(http("GET").unwound);
    // A CR as the last declared byte, or before anything but LF, ends the text silently.
    CHECK(http("GET / HTTP/1.1\r\nHost: x\r", 1).text == ": HTTP, length: 24\n\tGET / HTTP/1.1");
    CHECK(http("GET / HTTP/1.1\rHost: x\r\n").text == ": HTTP");
    CHECK(http("GET / HTTP/1.1\r\nHo\x01st: x\r\nfoo\r\n", 1).text == ": HTTP, length: 31\n\tGET / HTTP/1.1");
    CHECK(http("GET\t/\tHTTP\r\n\tX\r\n", 1).text == ": HTTP, length: 16\n\tGET\t/\tHTTP\n\t\tX");
}

TEST_CASE("a capture cut inside a line loses that line, as tcpdump's longjmp does") {
    constexpr std::string_view request = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
    auto cut = http(request, 0, 10);
    CHECK(cut.text == ": HTTP [|http]");
    CHECK(cut.unwound);
    CHECK(http(request, 1, 10).text == ": HTTP, length: 27 [|http]");
    CHECK(http(request, 0, 20).text == ": HTTP: GET / HTTP/1.1");
    CHECK(http(request, 1, 20).text == ": HTTP, length: 27\n\tGET / HTTP/1.1 [|http]");
    // A token cut by the capture is no token: the response code is not seen.
    CHECK(http("HTTP/1.1 200 OK\r\n\r\n", 0, 12).text == ": HTTP");
    // Nothing is read past what was captured even when much more was declared.
    CHECK(http("GET / HTTP/1.1\r\n", 1, 16, 5000).text == ": HTTP, length: 5000\n\tGET / HTTP/1.1 [|http]");
}

TEST_CASE("FTP, SMTP and WHOIS take any text; RTSP needs its methods or a status") {
    CHECK(text(print::print_ftp, "220 hello there\r\nline2\r\n").text == ": FTP: 220 hello there");
    CHECK(text(print::print_smtp, "220 hello there\r\nline2\r\n", 1).text ==
          ": SMTP, length: 24\n\t220 hello there\n\tline2");
    CHECK(text(print::print_whois, "no eol").text == ": WHOIS: no eol [|whois]");
    CHECK(text(print::print_ftp, "\x01\x02binary").text == ": FTP");
    CHECK(text(print::print_ftp, "USER x\r\n", 0, 3).text == ": FTP [|ftp]");
    CHECK(text(print::print_rtsp, "SET_PARAMETER rtsp://x RTSP/1.0\r\n").text ==
          ": RTSP: SET_PARAMETER rtsp://x RTSP/1.0");
    CHECK(text(print::print_rtsp, "RTSP/1.0 200 OK\r\n\r\n").text == ": RTSP: RTSP/1.0 200 OK");
    CHECK(text(print::print_rtsp, "GET rtsp://x RTSP/1.0\r\n").text == ": RTSP");
}

TEST_CASE("SSH shows a whole version line and nothing else") {
    CHECK(text(print::print_ssh, "SSH-2.0-OpenSSH_9.2\r\n").text == ": SSH: SSH-2.0-OpenSSH_9.2");
    CHECK(text(print::print_ssh, "SSH-2.0-x\nmore").text == ": SSH: SSH-2.0-x");
    CHECK(text(print::print_ssh, "SSH-2.0-x").text.empty());       // no line end
    CHECK(text(print::print_ssh, "SSH-2.0-\t\r\n").text.empty());  // a tab is not printable here
    CHECK(text(print::print_ssh, "ssh-2.0\r\n").text.empty());
    auto short_payload = text(print::print_ssh, "SS");
    CHECK(short_payload.text == " [|ssh]");
    CHECK(short_payload.unwound);
    CHECK(text(print::print_ssh, "SSH-2.0-OpenSSH_9.2\r\n", 0, 10).text == " [|ssh]");
}
