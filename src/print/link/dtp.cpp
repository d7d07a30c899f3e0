// Cisco's Dynamic Trunking Protocol (print-dtp.c, tcpdump 4.99.3): a version byte, then
// type-length-value records (the length includes the 4-byte record header).
#include <array>
#include <utility>

#include "src/print/link/dtp.hpp"

namespace rawdump::print {
namespace {

enum class DtpTlv : std::uint16_t { Domain = 1, Status = 2, DtpType = 3, Neighbor = 4 };
constexpr std::array<std::pair<std::uint16_t, std::string_view>, 4> tlv_names{{
    {1, "Domain"}, {2, "Status"}, {3, "DTP type"}, {4, "Neighbor"},
}};
constexpr std::size_t tlv_header_length = 4;

}  // namespace

void print_dtp(Context& ctx, ByteReader message, std::uint32_t length) {
    if (length < 1) return ctx.put(" (invalid)");
    if (!message.has(1)) return ctx.truncated_unwind("dtp");
    ctx.print("DTPv{}, length {}", message.u8_at(0), length);
    if (ctx.options.verbosity == 0) return;
    // Each field is printed as soon as it is read; the first one not captured ends the line.
    for (std::size_t at = 1; at < length;) {
        // Too short a rest (by the declared length) for a TLV header is malformed, not cut.
        if (length - at < tlv_header_length) {
            ctx.print("[{} bytes remaining] (invalid)", length - at);
            // tcpdump then insists on the rest of the message having been captured.
            if (!message.has(length)) ctx.truncated_unwind("dtp");
            return;
        }
        ByteReader header = message.window(at, tlv_header_length);
        if (header.size() < tlv_header_length) return ctx.truncated_unwind("dtp");
        std::uint16_t type = header.be16();
        std::uint16_t tlv_length = header.be16();
        if (type == 0 || tlv_length == 0) return;  // would loop forever
        if (tlv_length < tlv_header_length) return ctx.put(" (invalid)");
        std::string_view name = "Unknown";
        for (const auto& [k, n] : tlv_names)
            if (k == type) name = n;
        ctx.print("\n\t{} (0x{:04x}) TLV, length {}", name, type, tlv_length);
        if (tlv_length > length - at) {
            ctx.print("[invalid TLV length {}]", tlv_length);
            ctx.put(" (invalid)");
            // tcpdump then insists on the rest of the message having been captured.
            if (!message.has(length)) ctx.truncated_unwind("dtp");
            return;
        }
        const std::size_t value_at = at + tlv_header_length;
        const std::size_t value_length = tlv_length - tlv_header_length;
        switch (static_cast<DtpTlv>(type)) {
        case DtpTlv::Domain:
            ctx.put(", ");
            for (std::size_t i = 0; i < value_length; ++i) {  // the name stops at a NUL
                ByteReader c = message.window(value_at + i, 1);
                if (c.size() < 1) return ctx.truncated_unwind("dtp");
                if (c.u8_at(0) == 0) break;
                print_escaped(ctx, c);
            }
            break;
        case DtpTlv::Status:
        case DtpTlv::DtpType:
            if (tlv_length != 5) return ctx.put(" (invalid)");
            if (!message.has(value_at + 1)) return ctx.truncated_unwind("dtp");
            ctx.print(", 0x{:x}", message.u8_at(value_at));
            break;
        case DtpTlv::Neighbor: {
            if (tlv_length != 10) return ctx.put(" (invalid)");
            if (!message.has_at(value_at, 6)) return ctx.truncated_unwind("dtp");
            ctx.put(", ");
            ctx.mac(message.mac_at(value_at));
            break;
        }
        default:
            // An unknown value is skipped, but only once it has been captured.
            if (!message.has(at + tlv_length)) return ctx.truncated_unwind("dtp");
            break;
        }
        at += tlv_length;
    }
}

}  // namespace rawdump::print
