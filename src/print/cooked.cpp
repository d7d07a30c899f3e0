// Linux cooked-mode headers (print-sll.c): LINKTYPE_LINUX_SLL (16 bytes) and
// LINKTYPE_LINUX_SLL2 (20 bytes, the `-i any` format).
#include <net/if.h>

#include <array>
#include <utility>

#include "src/print/hexdump.hpp"
#include "src/print/link.hpp"
#include "src/print/protocols.hpp"

namespace rawdump::print {
namespace {

constexpr std::size_t sll_header_length = 16;
constexpr std::size_t sll2_header_length = 20;
constexpr std::uint16_t max_length_field = 1500;

enum class PacketType : std::uint8_t { Host = 0, Broadcast = 1, Multicast = 2, OtherHost = 3, Outgoing = 4 };

constexpr std::array<std::pair<PacketType, std::string_view>, 5> packet_types{{
    {PacketType::Host, "In"}, {PacketType::Broadcast, "B"}, {PacketType::Multicast, "M"},
    {PacketType::OtherHost, "P"}, {PacketType::Outgoing, "Out"},
}};

std::string_view packet_type_name(unsigned type) {
    for (const auto& [k, n] : packet_types)
        if (static_cast<unsigned>(k) == type) return n;
    return "?";
}

struct CookedHeader {
    unsigned packet_type = 0;
    std::uint16_t hardware_type = 0;
    std::uint8_t address_length = 0;
    MacAddress address;              // meaningful when address_length == 6
    std::uint16_t protocol = 0;
    std::uint32_t interface_index = 0;  // v2 only
};

bool decode_v1(ByteReader r, CookedHeader& h) {
    h.packet_type = r.be16();
    h.hardware_type = r.be16();
    h.address_length = static_cast<std::uint8_t>(r.be16());
    for (auto& b : h.address.bytes) b = r.u8();
    r.skip(2);
    h.protocol = r.be16();
    return !r.truncated();
}

bool decode_v2(ByteReader r, CookedHeader& h) {
    h.protocol = r.be16();
    r.skip(2);
    h.interface_index = r.be32();
    h.hardware_type = r.be16();
    h.packet_type = r.u8();
    h.address_length = r.u8();
    for (auto& b : h.address.bytes) b = r.u8();
    return !r.truncated();
}

// The -e part after the direction: "00:11:22:33:44:55 ethertype IPv4 (0x0800), length 49: ".
void print_header(Context& ctx, const CookedHeader& h, std::uint32_t wire_length) {
    if (h.address_length == 6) {
        ctx.mac(h.address);
        ctx.put(' ');
    }
    if (!ctx.options.quiet) {
        if (h.protocol <= max_length_field) {
            if (h.protocol == 1)
                ctx.put("802.3");
            else if (h.protocol == 4)
                ctx.put("802.2");
            else
                ctx.print("ethertype Unknown (0x{:04x})", h.protocol);
        } else {
            auto name = ethertype_name(h.protocol);
            ctx.print("ethertype {} (0x{:04x})", name.empty() ? std::string_view{"Unknown"} : name, h.protocol);
        }
    }
    ctx.print(", length {}: ", wire_length);
}

std::size_t print_payload(Context& ctx, const CookedHeader& h, ByteReader frame, std::size_t header_length,
                          std::uint32_t wire_length, auto&& print_link_header) {
    ByteReader payload = frame.window(header_length, frame.size());
    std::uint32_t length = wire_length - static_cast<std::uint32_t>(header_length);
    if (h.protocol <= max_length_field || !print_ethertype(ctx, h.protocol, payload, length)) {
        // 802.2/802.3 payloads and unknown protocols: header and hex (LLC comes later).
        if (!ctx.options.link_header) print_link_header();
        if (ctx.default_dump()) hex_ascii_dump(ctx.out, payload.all());
    }
    return header_length;
}

}  // namespace

std::size_t print_linux_sll(Context& ctx, ByteReader frame, std::uint32_t wire_length) {
    CookedHeader h;
    if (!decode_v1(frame, h) || wire_length < sll_header_length) {
        ctx.truncated("sll");
        return frame.size();
    }
    auto link_header = [&] {
        ctx.print("{:>3} ", packet_type_name(h.packet_type));
        print_header(ctx, h, wire_length);
    };
    if (ctx.options.link_header) link_header();
    return print_payload(ctx, h, frame, sll_header_length, wire_length, link_header);
}

std::size_t print_linux_sll2(Context& ctx, ByteReader frame, std::uint32_t wire_length) {
    CookedHeader h;
    if (!decode_v2(frame, h) || wire_length < sll2_header_length) {
        ctx.truncated("sll2");
        return frame.size();
    }
    // The interface name is resolved on this host, as tcpdump does (it may be wrong for a
    // file from elsewhere).
    char name[IF_NAMESIZE + 1] = "?";
    if (!if_indextoname(h.interface_index, name)) name[0] = '?', name[1] = '\0';
    ctx.print("{:<5} {:<3} ", name, packet_type_name(h.packet_type));
    auto link_header = [&] {
        ctx.print("ifindex {} ", h.interface_index);
        print_header(ctx, h, wire_length);
    };
    if (ctx.options.link_header) link_header();
    return print_payload(ctx, h, frame, sll2_header_length, wire_length, link_header);
}

}  // namespace rawdump::print
