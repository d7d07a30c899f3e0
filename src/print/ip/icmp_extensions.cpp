// ICMP multi-part extensions (RFC 4884, RFC 4950), in tcpdump 4.99.3's wording.
#include "src/print/ip/icmp_extensions.hpp"

#include <array>
#include <utility>

#include "src/print/base/checksum.hpp"
#include "src/print/base/hexdump.hpp"
#include "src/print/base/name_table.hpp"

namespace rawdump::print {
namespace {

// The extension structure sits after the ICMP header and 128 bytes of the original datagram.
constexpr std::size_t extension_offset = 8 + 128;
// tcpdump checks this much (its structure: up to the first byte after the extension header)
// before it looks at the extension; less captured is a cut.
constexpr std::size_t checked_length = extension_offset + 4 + 1;
constexpr std::size_t rfc4884_length_offset = 5;  // the original datagram's length, in words
constexpr unsigned supported_version = 2;
constexpr std::size_t extension_header_length = 4;  // version, reserved, checksum
constexpr std::size_t object_header_length = 4;     // length, class, C-type

enum class ObjectClass : std::uint8_t { MplsStack = 1, InterfaceInformation = 2 };
constexpr std::uint8_t mpls_stack_entry_ctype = 1;

constexpr std::array<std::pair<ObjectClass, std::string_view>, 2> object_names{{
    {ObjectClass::MplsStack, "MPLS Stack Entry"},
    {ObjectClass::InterfaceInformation, "Interface Identification"},
}};

}  // namespace

void print_icmp_extensions(Context& ctx, ByteReader message, std::uint32_t length) {
    if (length <= extension_offset) return;
    if (!message.has(checked_length)) return ctx.truncated("icmp");
    std::size_t remaining = length - extension_offset;  // the extension structure's length
    ByteReader extension = message.window(extension_offset, remaining);
    const bool all_captured = extension.size() == remaining;
    const bool verified = all_captured && checksum_finish(checksum_add(0, extension.all())) == 0;
    // Without RFC 4884's length field, only a valid checksum says an extension is there.
    if (message.u8_at(rfc4884_length_offset) == 0 && all_captured && !verified) return;

    const unsigned version = extension.u8_at(0) >> 4;
    ctx.print("\n\tICMP Multi-Part extension v{}", version);
    if (version != supported_version) return ctx.put(" packet not supported");
    if (all_captured)
        ctx.print(", checksum 0x{:04x} ({}correct), length {}", extension.be16_at(2),
                  verified ? "" : "in", remaining);

    remaining -= extension_header_length;
    std::size_t at = extension_header_length;
    // An object is shown only when more than its header is left.
    while (remaining > object_header_length) {
        ByteReader header = extension.window(at, object_header_length);
        if (header.size() < object_header_length) return ctx.truncated_unwind("icmp");
        const std::uint16_t object_length = header.be16();
        const std::uint8_t object_class = header.u8(), ctype = header.u8();
        const std::string_view name = name_of(object_names, static_cast<ObjectClass>(object_class));
        ctx.print("\n\t  {} Object ({}), Class-Type: {}, length {}", name.empty() ? "unknown" : name,
                  object_class, ctype, object_length);
        remaining -= object_header_length;
        at += object_header_length;
        if (object_length < object_header_length) return;  // no room for its own header
        const std::size_t body_length = object_length - object_header_length;
        if (static_cast<ObjectClass>(object_class) == ObjectClass::MplsStack && ctype == mpls_stack_entry_ctype) {
            ByteReader entry = extension.window(at, 4);
            if (entry.size() < 4) return ctx.truncated_unwind("icmp");
            const std::uint32_t raw = entry.be32();
            ctx.print("\n\t    label {}, tc {}{}, ttl {}", raw >> 12, (raw >> 9) & 7, (raw & 0x100) ? ", [S]" : "",
                      raw & 0xff);
        } else if (body_length > 0) {
            ByteReader body = extension.window(at, body_length);
            if (body.size() < body_length) return ctx.truncated_unwind("icmp");
            hex_dump(ctx.out, body.all(), "\n\t    ");
        }
        if (remaining < body_length) break;
        remaining -= body_length;
        at += body_length;
    }
}

}  // namespace rawdump::print
