// Geneve (print-geneve.c of tcpdump 4.99.3).
#include "src/print/app/geneve.hpp"

#include <array>
#include <string_view>
#include <utility>

#include "src/print/dispatch/ethertypes.hpp"
#include "src/print/dispatch/link_types.hpp"
#include "src/print/base/protocols.hpp"

namespace rawdump::print {
namespace {

constexpr std::size_t fixed_header_length = 8;
constexpr std::uint16_t transparent_ethernet = 0x6558;  // ETHERTYPE_TEB: a whole frame follows
constexpr std::uint8_t option_length_mask = 0x3f;      // header option length, in 4-byte words
constexpr std::uint8_t option_data_mask = 0x1f;        // per-option data length, in words
constexpr std::uint8_t critical_option = 0x80;

// bittok2str_nosep: the set flags' names run together ("OC"), or "none".
constexpr std::array<std::pair<std::uint8_t, std::string_view>, 8> flag_names{{
    {0x80, "O"}, {0x40, "C"}, {0x20, "R1"}, {0x10, "R2"}, {0x08, "R3"}, {0x04, "R4"}, {0x02, "R5"}, {0x01, "R6"},
}};

std::string_view option_class_name(std::uint16_t option_class) {
    switch (option_class) {
    case 0x0100: return "Linux";
    case 0x0101: return "Open vSwitch";
    case 0x0102: return "Open Virtual Networking (OVN)";
    case 0x0103: return "In-band Network Telemetry (INT)";
    case 0x0104: return "VMware";
    default: break;
    }
    if (option_class <= 0x00ff) return "Standard";
    if (option_class >= 0xfff0) return "Experimental";
    return "Unknown";
}

// The -e name of the protocol field; TEB is not among the link printer's EtherType names.
std::string_view protocol_name(std::uint16_t protocol) {
    if (protocol == transparent_ethernet) return "TEB";
    auto name = ethertype_name(protocol);
    return name.empty() ? std::string_view{"unknown"} : name;
}

// -v: "class X (0x..) type 0x.. len N", with the data words from -vv. The options were
// checked to be captured before this runs, so nothing here can run out.
void print_options(Context& ctx, ByteReader options) {
    std::string_view separator;
    while (options.remaining() > 0) {
        ctx.put(separator);
        separator = ", ";
        ByteReader option = options.narrowed(options.remaining());
        const std::uint16_t option_class = option.be16();
        const std::uint8_t type = option.u8();
        const std::uint32_t option_length = 4 + (option.u8() & option_data_mask) * 4u;
        ctx.print("class {} (0x{:x}) type 0x{:x}{} len {}", option_class_name(option_class), option_class, type,
                  (type & critical_option) ? "(C)" : "", option_length);
        if (option_length > options.remaining()) return ctx.put(" [bad length]");
        if (ctx.options.verbosity > 1 && option_length > 4) {
            ctx.put(" data");
            for (std::uint32_t at = 4; at < option_length; at += 4) ctx.print(" {:08x}", option.be32());
        }
        options.skip(option_length);
    }
}

}  // namespace

void print_geneve(Context& ctx, ByteReader payload, std::uint32_t length) {
    ctx.put("Geneve");
    if (length < fixed_header_length) {
        ctx.print(" [length {} < {}]", length, fixed_header_length);
        return ctx.put(" (invalid)");
    }
    if (!payload.has(fixed_header_length)) return ctx.truncated("geneve");
    ByteReader r = payload;
    const std::uint8_t version_and_length = r.u8();
    const unsigned version = version_and_length >> 6;
    if (version != 0) return ctx.print(" ERROR: unknown-version {}", version);
    const std::uint8_t flags = r.u8();
    const std::uint16_t protocol = r.be16();
    const std::uint32_t vni = r.be24();
    const std::uint8_t reserved = r.u8();
    length -= fixed_header_length;

    ctx.put(", Flags [");
    bool any = false;
    for (const auto& [bit, name] : flag_names) {
        if (!(flags & bit)) continue;
        ctx.put(name);
        any = true;
    }
    ctx.print("{}], vni 0x{:x}", any ? "" : "none", vni);
    if (reserved != 0) ctx.print(", rsvd 0x{:x}", reserved);
    if (ctx.options.link_header) ctx.print(", proto {} (0x{:04x})", protocol_name(protocol), protocol);

    const std::uint32_t options_length = (version_and_length & option_length_mask) * 4u;
    if (length < options_length)
        return ctx.print(" truncated-geneve - {} bytes missing", options_length - length);
    if (!r.has(options_length)) return ctx.truncated("geneve");
    if (options_length > 0) {
        ctx.put(", options [");
        if (ctx.options.verbosity > 0)
            print_options(ctx, r.narrowed(options_length));
        else
            ctx.print("{} bytes", options_length);
        ctx.put(']');
    }
    r.skip(options_length);
    length -= options_length;

    // The inner packet starts its own line from -v on.
    ctx.put(ctx.options.verbosity > 0 ? "\n\t" : ": ");
    ByteReader inner = r.narrowed(r.remaining());
    if (print_ethertype(ctx, protocol, inner, length)) return;
    if (protocol == transparent_ethernet)
        print_link_type(ctx, LinkType::En10mb, inner, length);
    else
        ctx.print("geneve-proto-0x{:x}", protocol);
}

}  // namespace rawdump::print
