// txtproto_print's rules, observed on tcpdump 4.99.3:
// - a payload is a request/response when its first token is one of the protocol's commands
//   (any case) or the token holding the response code is exactly three digits;
// - a token is at most 128 printable ASCII characters ending at a space, tab, CR or LF; a
//   non-ASCII or control character, or the end of the capture, means "no token";
// - a line ends at LF or CR LF and may hold only printable ASCII and tabs; anything else
//   (a lone CR, binary data) silently ends the text;
// - text that reaches the declared length without a line ending is printed and marked
//   " [|proto]"; running out of captured bytes first prints nothing of that line and
//   ends the packet as tcpdump's longjmp does.
#include "src/print/app/text_protocol.hpp"

#include <array>
#include <optional>

namespace rawdump::print {
namespace {

constexpr std::size_t max_token_length = 128;
constexpr std::size_t response_code_digits = 3;
constexpr std::uint8_t first_printable = 0x20, last_printable = 0x7e, ascii_limit = 0x80;
constexpr std::uint8_t tab = '\t', cr = '\r', lf = '\n', space = ' ';

bool printable(std::uint8_t c) { return c >= first_printable && c <= last_printable; }
bool blank_or_eol(std::uint8_t c) { return c == space || c == tab || c == cr || c == lf; }
bool digit(char c) { return c >= '0' && c <= '9'; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// The byte at `index` of the payload, or nothing when the capture ended before it.
std::optional<std::uint8_t> byte_at(const ByteReader& payload, std::size_t index) {
    ByteReader one = payload.window(index, 1);
    if (!one.has(1)) return std::nullopt;
    return one.u8();
}

struct Token {
    std::array<char, max_token_length> text{};
    std::size_t size = 0;
    std::string_view view() const { return {text.data(), size}; }
};

// Reads the token at `index` and the blanks after it; returns the index of what follows,
// or 0 when there is no token there (0 cannot follow a token, so it is free to mean that).
std::size_t fetch_token(const ByteReader& payload, std::uint32_t length, std::size_t index, Token& token) {
    token.size = 0;
    for (; index < length; ++index) {
        auto c = byte_at(payload, index);
        if (!c || *c >= ascii_limit) return 0;
        if (blank_or_eol(*c)) break;
        if (!printable(*c) || token.size == max_token_length) return 0;
        token.text[token.size++] = static_cast<char>(*c);
    }
    if (token.size == 0) return 0;
    // Only spaces are skipped: tcpdump tests for a printable character before it tests for
    // blanks, so a tab (not printable) ends the skip like the start of the next token.
    for (; index < length; ++index) {
        auto c = byte_at(payload, index);
        if (!c || *c != space) break;
    }
    return index;
}

bool is_command(std::string_view token, std::span<const std::string_view> commands) {
    for (std::string_view command : commands) {
        if (command.size() != token.size()) continue;
        bool same = true;
        for (std::size_t i = 0; i < token.size() && same; ++i) same = lower(token[i]) == lower(command[i]);
        if (same) return true;
    }
    return false;
}

bool is_response_code(std::string_view token) {
    if (token.size() != response_code_digits) return false;
    for (char c : token)
        if (!digit(c)) return false;
    return true;
}

bool looks_like_request_or_response(const TextProtocol& protocol, const ByteReader& payload,
                                    std::uint32_t length) {
    if (protocol.commands.empty()) return true;
    Token token;
    std::size_t next = fetch_token(payload, length, 0, token);
    if (next == 0) return false;
    bool matched = is_command(token.view(), protocol.commands);
    if (protocol.response_code == ResponseCode::SecondToken) next = fetch_token(payload, length, next, token);
    return matched || (next != 0 && is_response_code(token.view()));
}

void put_text(Context& ctx, std::string_view prefix, const ByteReader& payload, std::size_t start,
              std::size_t size) {
    ctx.put(prefix);
    for (std::byte b : payload.window(start, size).all()) ctx.put(static_cast<char>(b));
}

// Prints the line starting at `start`; returns where the next one starts, or 0 when the
// text ends here (binary data, a lone CR, the declared length or the capture).
std::size_t print_line(Context& ctx, const TextProtocol& protocol, const ByteReader& payload,
                       std::uint32_t length, std::size_t start, std::string_view prefix) {
    for (std::size_t index = start; index < length; ++index) {
        auto c = byte_at(payload, index);
        if (!c) {
            ctx.truncated_unwind(protocol.name);
            return 0;
        }
        if (*c == lf) {
            put_text(ctx, prefix, payload, start, index - start);
            return index + 1;
        }
        if (*c == cr) {
            if (index + 1 >= length) return 0;  // the LF, if any, is in another segment
            auto next = byte_at(payload, index + 1);
            if (!next) {
                ctx.truncated_unwind(protocol.name);
                return 0;
            }
            if (*next != lf) return 0;
            put_text(ctx, prefix, payload, start, index - start);
            return index + 2;
        }
        if (!printable(*c) && *c != tab) return 0;
    }
    put_text(ctx, prefix, payload, start, length - start);
    ctx.truncated(protocol.name);
    return 0;
}

}  // namespace

void print_text_protocol(Context& ctx, const TextProtocol& protocol, ByteReader payload,
                         std::uint32_t length) {
    bool text = looks_like_request_or_response(protocol, payload, length);
    ctx.put(protocol.label);
    if (!text) return;
    if (ctx.options.verbosity == 0) {
        print_line(ctx, protocol, payload, length, 0, ": ");
        return;
    }
    ctx.print(", length: {}", length);
    for (std::size_t index = 0; index < length;) {
        index = print_line(ctx, protocol, payload, length, index, "\n\t");
        if (index == 0) break;
    }
}

}  // namespace rawdump::print
