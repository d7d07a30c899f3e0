// PPPoE (print-pppoe.c, tcpdump 4.99.3): the 6-byte header, then discovery tags or, in a
// session, a PPP frame.
//
// Tags are read without regard to the PPPoE length field once they start inside it, so a
// tag header straddling the end is read from the Ethernet padding, as tcpdump does.
#include <array>
#include <utility>

#include "src/print/link/pppoe.hpp"

#include "src/print/dispatch/carried.hpp"

namespace rawdump::print {
namespace {

constexpr std::uint32_t header_length = 6;
constexpr std::uint8_t code_session_data = 0x00;
constexpr std::uint8_t code_padi = 0x09;
// A PADI must fit an Ethernet frame with room for relay tags (RFC 2516 section 5.1).
constexpr std::uint32_t padi_max_length = 1484 - header_length;
// tcpdump copies at most this many characters of a text tag (MAXTAGPRINT - 1).
constexpr std::size_t max_tag_text = 79;

constexpr std::array<std::pair<std::uint8_t, std::string_view>, 6> code_names{{
    {0x09, "PADI"}, {0x07, "PADO"}, {0x19, "PADR"}, {0x65, "PADS"}, {0xa7, "PADT"}, {0x00, ""},
}};

constexpr std::uint16_t tag_end_of_list = 0x0000;
constexpr std::array<std::pair<std::uint16_t, std::string_view>, 11> tag_names{{
    {0x0000, "EOL"}, {0x0101, "Service-Name"}, {0x0102, "AC-Name"}, {0x0103, "Host-Uniq"},
    {0x0104, "AC-Cookie"}, {0x0105, "Vendor-Specific"}, {0x0110, "Relay-Session-ID"},
    {0x0120, "PPP-Max-Payload"}, {0x0201, "Service-Name-Error"}, {0x0202, "AC-System-Error"},
    {0x0203, "Generic-Error"},
}};

template <typename Table, typename Key>
const std::string_view* find(const Table& table, Key key) {
    for (const auto& [k, name] : table)
        if (k == key) return &name;
    return nullptr;
}

void print_tag_name(Context& ctx, std::uint16_t type) {
    if (auto name = find(tag_names, type))
        ctx.put(*name);
    else
        ctx.print("TAG-0x{:x}", type);
}

// " [Name "text"]" when most of the (first 79) bytes are printable ASCII, else " [Name 0x..]".
void print_tag_value(Context& ctx, std::uint16_t type, std::span<const std::byte> value) {
    std::size_t shown = value.size() < max_tag_text ? value.size() : max_tag_text;
    std::size_t printable = 0;
    for (std::size_t i = 0; i < shown; ++i) {
        auto c = std::to_integer<unsigned>(value[i]);
        if (c >= 0x20 && c <= 0x7e) ++printable;
    }
    ctx.put(" [");
    print_tag_name(ctx, type);
    if (printable > shown - printable) {
        ctx.put(" \"");
        for (std::size_t i = 0; i < shown; ++i) {
            auto c = std::to_integer<unsigned>(value[i]);
            ctx.put(c >= 0x20 && c <= 0x7e ? static_cast<char>(c) : '.');
        }
        ctx.put("\"]");
    } else {
        ctx.put(" 0x");
        for (auto b : value) ctx.print("{:02X}", std::to_integer<unsigned>(b));
        ctx.put(']');
    }
}

// Discovery tags up to the PPPoE length, or up to and including an end-of-list tag.
void print_tags(Context& ctx, ByteReader tags, std::uint32_t length) {
    std::uint16_t type = 0xffff;  // no tag yet
    while (type != tag_end_of_list && tags.position() < length) {
        type = tags.be16();
        std::uint16_t value_length = tags.be16();
        if (tags.truncated()) return ctx.truncated_unwind("pppoe");
        if (value_length == 0) {
            ctx.put(" [");
            print_tag_name(ctx, type);
            ctx.put(']');
            continue;
        }
        auto value = tags.bytes(value_length);
        if (tags.truncated()) return ctx.truncated_unwind("pppoe");
        print_tag_value(ctx, type, value);
    }
}

}  // namespace

void print_pppoe(Context& ctx, ByteReader packet, std::uint32_t length) {
    if (length < header_length) {
        ctx.print(" (length {} < {})", length, header_length);
        return ctx.put(" (invalid)");
    }
    length -= header_length;
    if (!packet.has(header_length)) return ctx.truncated_unwind("pppoe");
    std::uint8_t version_type = packet.u8();
    std::uint8_t code = packet.u8();
    std::uint16_t session = packet.be16();
    std::uint32_t pppoe_length = packet.be16();

    if ((version_type >> 4) != 1) ctx.print(" [ver {}]", version_type >> 4);
    if ((version_type & 0x0f) != 1) ctx.print(" [type {}]", version_type & 0x0f);
    ctx.put("PPPoE ");
    if (auto name = find(code_names, code))
        ctx.put(*name);
    else
        ctx.print("PAD-{:x}", code);
    if (code == code_padi && pppoe_length > padi_max_length) ctx.print(" [len {}!]", pppoe_length);
    if (pppoe_length > length) {
        ctx.print(" [len {} > {}!]", pppoe_length, length);
        pppoe_length = length;
    }
    if (session != 0) ctx.print(" [ses 0x{:x}]", session);

    ByteReader payload = packet.narrowed(packet.remaining());
    if (code != code_session_data) return print_tags(ctx, payload, pppoe_length);
    ctx.put(' ');
    print_ppp(ctx, payload, pppoe_length);
}

}  // namespace rawdump::print
