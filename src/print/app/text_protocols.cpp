// FTP, SMTP, WHOIS, RTSP and SIP through the text-protocol printer. FTP's data and SMTP's mail
// bodies travel elsewhere or in later segments, so tcpdump treats every payload on these
// ports as a request or response; RTSP and SIP payloads must start like one, as HTTP's do.
// SSH shows only its version line, which must be whole, printable and end in the segment.
#include "src/print/app/text_protocols.hpp"

#include <array>
#include <optional>
#include <string_view>

#include "src/print/app/text_protocol.hpp"

namespace rawdump::print {
namespace {

// RFC 2326 methods.
constexpr std::array<std::string_view, 11> rtsp_methods{
    "DESCRIBE", "ANNOUNCE", "GET_PARAMETER", "OPTIONS", "PAUSE", "PLAY",
    "RECORD", "REDIRECT", "SETUP", "SET_PARAMETER", "TEARDOWN",
};

// print-sip.c's methods (RFC 3261 and its extensions, plus a few tcpdump keeps).
constexpr std::array<std::string_view, 17> sip_methods{
    "ACK", "BYE", "CANCEL", "DO", "INFO", "INVITE", "MESSAGE", "NOTIFY", "OPTIONS",
    "PRACK", "QAUTH", "REFER", "REGISTER", "SPRACK", "SUBSCRIBE", "UPDATE", "PUBLISH",
};

constexpr TextProtocol ftp{"ftp", "FTP", {}, ResponseCode::FirstToken};
constexpr TextProtocol smtp{"smtp", "SMTP", {}, ResponseCode::FirstToken};
constexpr TextProtocol whois{"whois", "WHOIS", {}, ResponseCode::FirstToken};
constexpr TextProtocol rtsp{"rtsp", "RTSP", rtsp_methods, ResponseCode::SecondToken};
constexpr TextProtocol sip{"sip", "SIP", sip_methods, ResponseCode::SecondToken};

constexpr std::string_view ssh_version_prefix = "SSH-";  // RFC 4253 4.2
constexpr std::uint8_t first_printable = 0x20, last_printable = 0x7e;

// Where the SSH version line ends (its CR LF or LF), or nothing when the payload is not
// one whole printable line. Sets `cut` when the capture ends first.
std::optional<std::size_t> ssh_version_line_end(const ByteReader& payload, std::uint32_t length, bool& cut) {
    auto byte_at = [&](std::size_t index) -> std::optional<std::uint8_t> {
        ByteReader one = payload.window(index, 1);
        if (!one.has(1)) {
            cut = true;
            return std::nullopt;
        }
        return one.u8();
    };
    // All four prefix bytes are read even from a shorter payload: running out of them is
    // truncation (" [|ssh]"), as with tcpdump's GET macros.
    for (std::size_t i = 0; i < ssh_version_prefix.size(); ++i) {
        auto c = byte_at(i);
        if (!c || *c != static_cast<std::uint8_t>(ssh_version_prefix[i])) return std::nullopt;
    }
    for (std::size_t index = ssh_version_prefix.size(); index < length; ++index) {
        auto c = byte_at(index);
        if (!c) return std::nullopt;
        if (*c == '\n') return index;
        if (*c == '\r') {
            if (index + 1 >= length) return std::nullopt;
            auto next = byte_at(index + 1);
            if (!next || *next != '\n') return std::nullopt;
            return index;
        }
        if (*c < first_printable || *c > last_printable) return std::nullopt;  // tabs too
    }
    return std::nullopt;  // no line end in this segment
}

void print_after_colon(Context& ctx, const TextProtocol& protocol, ByteReader payload, std::uint32_t length) {
    ctx.put(": ");
    print_text_protocol(ctx, protocol, payload, length);
}

}  // namespace

void print_ftp(Context& ctx, ByteReader payload, std::uint32_t length) {
    print_after_colon(ctx, ftp, payload, length);
}
void print_smtp(Context& ctx, ByteReader payload, std::uint32_t length) {
    print_after_colon(ctx, smtp, payload, length);
}
void print_whois(Context& ctx, ByteReader payload, std::uint32_t length) {
    print_after_colon(ctx, whois, payload, length);
}
void print_rtsp(Context& ctx, ByteReader payload, std::uint32_t length) {
    print_after_colon(ctx, rtsp, payload, length);
}

void print_sip(Context& ctx, ByteReader payload, std::uint32_t length) {
    print_text_protocol(ctx, sip, payload, length);
}

void print_ssh(Context& ctx, ByteReader payload, std::uint32_t length) {
    bool cut = false;
    auto end = ssh_version_line_end(payload, length, cut);
    if (cut) return ctx.truncated_unwind("ssh");
    if (!end) return;
    ctx.put(": SSH: ");
    for (std::byte b : payload.window(0, *end).all()) ctx.put(static_cast<char>(b));
}

}  // namespace rawdump::print
