// VXLAN (print-vxlan.c) and OTV (print-otv.c): an 8-byte header, then an Ethernet frame.
#include "src/print/app/vxlan.hpp"

#include "src/print/dispatch/link_types.hpp"

namespace rawdump::print {
namespace {

constexpr std::size_t overlay_header_length = 8;
constexpr std::uint8_t instance_flag = 0x08;  // the I bit: the identifier field is valid

// VXLAN calls a header without the I bit "invalid"; OTV shows a dot.
void print_flags(Context& ctx, std::uint8_t flags, std::string_view without_instance) {
    ctx.print("flags [{}] (0x{:02x}), ", (flags & instance_flag) ? "I" : without_instance, flags);
}

}  // namespace

void print_vxlan(Context& ctx, ByteReader payload, std::uint32_t length) {
    ctx.put("VXLAN");
    if (length < overlay_header_length) return ctx.truncated("vxlan");
    // Fields are printed as they are read; reading past the capture loses the link-header
    // length, as tcpdump's unchecked reads do.
    if (!payload.has(1)) return ctx.truncated_unwind("vxlan");
    ctx.put(", ");
    print_flags(ctx, payload.u8_at(0), "invalid");
    ByteReader vni = payload.window(4, 3);
    if (vni.size() < 3) return ctx.truncated_unwind("vxlan");
    ctx.print("vni {}\n", vni.be24());
    // The reserved byte is never read, but without it tcpdump stops inside VXLAN.
    if (!payload.has(overlay_header_length)) return ctx.truncated_unwind("vxlan");
    print_link_type(ctx, LinkType::En10mb, payload.window(overlay_header_length, payload.size()), length - overlay_header_length);
}

void print_otv(Context& ctx, ByteReader payload, std::uint32_t length) {
    ctx.put("OTV, ");
    if (length < overlay_header_length) return ctx.truncated("otv");
    ByteReader header = payload.window(0, overlay_header_length);
    // tcpdump prints each field as soon as it has read it, so a short capture ends mid-line
    // (and, read past, loses the link-header length as any unchecked read does).
    if (header.size() < 1) return ctx.truncated_unwind("otv");
    print_flags(ctx, header.u8(), ".");
    if (header.size() < 4) return ctx.truncated_unwind("otv");
    ctx.print("overlay {}, ", header.be24());
    if (header.size() < 7) return ctx.truncated_unwind("otv");
    ctx.print("instance {}\n", header.be24());
    if (header.size() < 8) return ctx.truncated_unwind("otv");
    print_link_type(ctx, LinkType::En10mb, payload.window(overlay_header_length, payload.size()), length - overlay_header_length);
}

}  // namespace rawdump::print
