// HTTP: a text protocol whose responses carry the status code in their second token.
#include "src/print/app/http.hpp"

#include <array>
#include <string_view>

#include "src/print/app/text_protocol.hpp"

namespace rawdump::print {
namespace {

// The request methods tcpdump recognises, WebDAV and its relatives included.
constexpr std::array<std::string_view, 38> http_methods{
    "GET", "PUT", "COPY", "HEAD", "LOCK", "MOVE", "POLL", "POST", "BCOPY", "BMOVE", "MKCOL",
    "TRACE", "LABEL", "MERGE", "DELETE", "SEARCH", "UNLOCK", "REPORT", "UPDATE", "NOTIFY",
    "BDELETE", "CONNECT", "OPTIONS", "CHECKIN", "PROPFIND", "CHECKOUT", "CCM_POST", "SUBSCRIBE",
    "PROPPATCH", "BPROPFIND", "BPROPPATCH", "UNCHECKOUT", "MKACTIVITY", "MKWORKSPACE",
    "UNSUBSCRIBE", "RPC_CONNECT", "VERSION-CONTROL", "BASELINE-CONTROL",
};

constexpr TextProtocol http{"http", "HTTP", http_methods, ResponseCode::SecondToken};

}  // namespace

void print_http(Context& ctx, ByteReader payload, std::uint32_t length) {
    ctx.put(": ");
    print_text_protocol(ctx, http, payload, length);
}

}  // namespace rawdump::print
