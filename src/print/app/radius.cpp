// RADIUS (print-radius.c radius_print, tcpdump 4.99.3): code, identifier and length; with -v
// the authenticator and one line per attribute, the value as radius_attributes.cpp shows it;
// with -vv each value in hex too.
#include "src/print/app/radius.hpp"

#include <array>
#include <string_view>
#include <utility>

#include "src/print/base/hexdump.hpp"
#include "src/print/app/radius_attributes.hpp"

namespace rawdump::print {
namespace {

using radius::Message;

constexpr std::size_t header_length = 20;  // code, identifier, length, authenticator
constexpr std::size_t authenticator_offset = 4, authenticator_length = 16;
constexpr std::size_t attribute_header_length = 2;

// RFC 2865, 2866, 5176 codes.
constexpr std::array<std::pair<unsigned, std::string_view>, 15> codes{{
    {1, "Access-Request"}, {2, "Access-Accept"}, {3, "Access-Reject"}, {4, "Accounting-Request"},
    {5, "Accounting-Response"}, {11, "Access-Challenge"}, {12, "Status-Server"}, {13, "Status-Client"},
    {40, "Disconnect-Request"}, {41, "Disconnect-ACK"}, {42, "Disconnect-NAK"}, {43, "CoA-Request"},
    {44, "CoA-ACK"}, {45, "CoA-NAK"}, {255, "Reserved"},
}};

std::string_view code_name(unsigned code) {
    for (const auto& [value, name] : codes)
        if (value == code) return name;
    return "Unknown Command";
}

// radius_attrs_print: the attributes in `length` bytes from `offset`. A bogus length ends the
// list after its line; a header cut by the capture or the length ends it with the marker.
void print_attributes(Context& ctx, Message& m, std::size_t offset, std::uint32_t length) {
    while (length > 0) {
        if (length < attribute_header_length || offset + attribute_header_length > m.bytes.size())
            return ctx.truncated(m.protocol);
        ByteReader header = m.bytes.window(offset, attribute_header_length);
        std::uint8_t type = header.u8();
        std::uint8_t attribute_length = header.u8();
        ctx.print("\n\t  {} Attribute ({}), length: {}", radius::attribute_name(type), type, attribute_length);
        if (attribute_length < attribute_header_length) return ctx.put(" (bogus, must be >= 2)");
        if (attribute_length > length) return ctx.put(" (bogus, goes past end of packet)");
        ctx.put(", Value: ");
        std::uint32_t value_length = attribute_length - attribute_header_length;
        std::size_t value_offset = offset + attribute_header_length;
        if (value_length > 0) radius::print_attribute_value(ctx, m, type, value_offset, value_length);
        if (ctx.unwound) return;
        // print_unknown_data: as much of the value as was captured.
        if (ctx.options.verbosity > 1) hex_dump(ctx.out, m.bytes.window(value_offset, value_length).all(), "\n\t    ");
        length -= attribute_length;
        offset += attribute_length;
    }
}

}  // namespace

void print_radius(Context& ctx, ByteReader message, std::uint32_t length) {
    Message m{message};
    if (!message.has(header_length)) return ctx.truncated(m.protocol);
    ByteReader header = message.window(0, header_length);
    unsigned code = header.u8();
    unsigned identifier = header.u8();
    std::uint32_t declared = header.be16();
    if (declared < header_length) return ctx.truncated(m.protocol);
    // The message's own length, but never past the datagram.
    if (declared > length) declared = length;

    if (ctx.options.verbosity < 1)
        return ctx.print("RADIUS, {} ({}), id: 0x{:02x} length: {}", code_name(code), code, identifier, declared);
    ctx.print("RADIUS, length: {}\n\t{} ({}), id: 0x{:02x}, Authenticator: ", declared, code_name(code), code,
              identifier);
    for (std::byte b : message.window(authenticator_offset, authenticator_length).all())
        ctx.print("{:02x}", std::to_integer<unsigned>(b));
    if (declared > header_length) print_attributes(ctx, m, header_length, declared - header_length);
}

}  // namespace rawdump::print
