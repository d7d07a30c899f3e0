// Line-oriented text protocols (HTTP, RTSP, FTP, SMTP, ...) as tcpdump's txtproto_print
// shows them: the protocol's name, then the first line (default) or every line (-v).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print {

// Which token of a response line carries the 3-digit status ("HTTP/1.1 200 OK": the second).
enum class ResponseCode { FirstToken, SecondToken };

struct TextProtocol {
    std::string_view name;                    // lower case, as in " [|http]"
    std::string_view label;                   // printed before the text: "HTTP"
    std::span<const std::string_view> commands;  // request words; empty: every payload is text
    ResponseCode response_code = ResponseCode::FirstToken;
};

// `payload` is the transport payload clipped to the capture; `length` is what the
// transport header declares. Lines are shown only when the payload starts like a
// request or response, so the middle of a body is not mistaken for a header.
void print_text_protocol(Context& ctx, const TextProtocol& protocol, ByteReader payload,
                         std::uint32_t length);

}  // namespace rawdump::print
