// Ethernet II (print-ether.c ether_common_print) and the raw-IP link types.
#include "src/print/hexdump.hpp"
#include "src/print/ip.hpp"
#include "src/print/link.hpp"
#include "src/print/protocols.hpp"

namespace rawdump::print {
namespace {

constexpr std::size_t ethernet_header_length = 14;
constexpr std::uint16_t max_length_field = 1500;  // smaller values are 802.3 lengths

struct EthernetHeader {
    MacAddress dst, src;
    std::uint16_t type = 0;
};

bool decode(ByteReader& r, EthernetHeader& h) {
    for (auto& b : h.dst.bytes) b = r.u8();
    for (auto& b : h.src.bytes) b = r.u8();
    h.type = r.be16();
    return !r.truncated();
}

void print_type(Context& ctx, std::uint16_t type) {
    auto name = ethertype_name(type);
    if (!ctx.options.quiet)
        ctx.print("ethertype {} (0x{:04x})", name.empty() ? std::string_view{"Unknown"} : name, type);
    else if (name.empty())
        ctx.print("Unknown Ethertype (0x{:04x})", type);
    else
        ctx.put(name);
}

// -e prefix: "src > dst, ethertype IPv4 (0x0800), length 74: ".
void print_header(Context& ctx, const EthernetHeader& h, std::uint32_t wire_length) {
    ctx.mac(h.src);
    ctx.put(" > ");
    ctx.mac(h.dst);
    ctx.put(", ");
    if (h.type <= max_length_field)
        ctx.print("802.3");
    else
        print_type(ctx, h.type);
    ctx.print(", length {}: ", wire_length);
}

}  // namespace

std::size_t print_ethernet(Context& ctx, ByteReader frame, std::uint32_t wire_length) {
    ByteReader r = frame;
    EthernetHeader h;
    if (!decode(r, h) || wire_length < ethernet_header_length) {
        ctx.truncated("ether");
        return frame.size();
    }
    if (ctx.options.link_header) print_header(ctx, h, wire_length);
    std::uint32_t length = wire_length - ethernet_header_length;
    ByteReader payload = frame.window(ethernet_header_length, frame.size());
    if (!print_ethertype(ctx, h.type, payload, length)) {
        // Not decoded: the link header (even without -e) and the payload in hex and ASCII.
        if (!ctx.options.link_header) print_header(ctx, h, wire_length);
        if (!ctx.options.quiet) hex_ascii_dump(ctx.out, payload.all());
    }
    return ethernet_header_length;
}

bool print_ethertype(Context& ctx, std::uint16_t type, ByteReader payload, std::uint32_t length) {
    switch (static_cast<EtherType>(type)) {
    case EtherType::Ipv4:
        print_ipv4(ctx, payload, length);
        return true;
    case EtherType::Ipv6:
        print_ipv6(ctx, payload, length);
        return true;
    case EtherType::Arp:
    case EtherType::ReverseArp:
        print_arp(ctx, payload, length);
        return true;
    default:
        return false;
    }
}

std::size_t print_raw_ip(Context& ctx, ByteReader frame, std::uint32_t wire_length) {
    if (ctx.options.link_header) ctx.put("ip: ");
    if (!frame.has(1)) {
        ctx.truncated("ip");
        return 0;
    }
    if ((frame.window(0, 1).u8() >> 4) == 6)
        print_ipv6(ctx, frame, wire_length);
    else
        print_ipv4(ctx, frame, wire_length);
    return 0;
}

}  // namespace rawdump::print
