// Linux cooked-mode headers (print-sll.c): LINKTYPE_LINUX_SLL (16 bytes) and
// LINKTYPE_LINUX_SLL2 (20 bytes, the `-i any` format).

#include <array>
#include <utility>

#include "src/print/base/hexdump.hpp"
#include "src/print/link/cooked.hpp"
#include "src/print/dispatch/ethertypes.hpp"
#include "src/print/link/llc.hpp"
#include "src/print/base/protocols.hpp"

namespace rawdump::print {
namespace {

constexpr std::size_t sll_header_length = 16;
constexpr std::size_t sll2_header_length = 20;
constexpr std::uint16_t max_length_field = 1500;

// Protocol values up to 1500 are Linux's own numbers, not ethertypes (<linux/if_ether.h>).
enum class CookedProtocol : std::uint16_t { NovellRaw = 1, Llc = 4 };  // ETH_P_802_3, ETH_P_802_2

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
    std::uint16_t address_length = 0;  // 16 bits in v1, 8 in v2
    MacAddress address;                // meaningful when address_length == 6
    std::uint16_t protocol = 0;
    std::uint32_t interface_index = 0;  // v2 only
};

bool decode_v1(ByteReader r, CookedHeader& h) {
    h.packet_type = r.be16();
    h.hardware_type = r.be16();
    h.address_length = r.be16();
    h.address = r.mac();
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
    h.address = r.mac();
    r.skip(2);  // the address field is 8 bytes long: the header must be all there
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
            if (h.protocol == static_cast<std::uint16_t>(CookedProtocol::NovellRaw))
                ctx.put("802.3");
            else if (h.protocol == static_cast<std::uint16_t>(CookedProtocol::Llc))
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

// An 802.2 LLC payload: the LLC printer without addresses (a cooked header has only the
// sender's). Undecoded, it is dumped from the LLC header on, which -x then also shows.
std::size_t print_llc_payload(Context& ctx, ByteReader payload, std::uint32_t length, std::size_t header_length) {
    LlcResult llc = print_llc(ctx, payload, length, nullptr, nullptr);
    if (llc.decoded) return header_length + llc.header_length;
    if (ctx.default_dump()) hex_ascii_dump(ctx.out, payload.all());
    return header_length;
}

// What follows the cooked header. `print_link_header(length)` prints the -e text, for tcpdump
// shows it without -e too when it cannot decode the protocol.
std::size_t print_payload(Context& ctx, const CookedHeader& h, ByteReader frame, std::size_t header_length,
                          std::uint32_t wire_length, auto&& print_link_header) {
    const std::size_t cooked_length = header_length;
    std::uint32_t length = wire_length - static_cast<std::uint32_t>(header_length);
    std::uint16_t protocol = h.protocol;
    if (protocol <= max_length_field) {
        ByteReader payload = frame.window(header_length, frame.size());
        switch (static_cast<CookedProtocol>(protocol)) {
        case CookedProtocol::Llc:
            return print_llc_payload(ctx, payload, length, header_length);
        case CookedProtocol::NovellRaw:  // IPX has no printer here: header and hex
            if (!ctx.options.link_header) print_link_header(wire_length);
            break;
        default:  // tcpdump prints nothing for the other Linux protocol numbers, only the hex
            break;
        }
        if (ctx.default_dump()) hex_ascii_dump(ctx.out, payload.all());
        return header_length;
    }
    // 802.1Q tags (only that ethertype on a cooked link): "vlan N, p P, " under -e, and the
    // encapsulated type's name in every mode; a length there means LLC.
    bool llc = false;
    while (protocol == static_cast<std::uint16_t>(EtherType::Vlan)) {
        ByteReader tag = frame.window(header_length, 4);
        if (tag.size() < 4 || length < 4) {
            ctx.truncated("vlan");
            return frame.size();
        }
        std::uint16_t tci = tag.be16();
        protocol = tag.be16();
        if (ctx.options.link_header)
            ctx.print("vlan {}, p {}{}, ", tci & 0xfff, tci >> 13, (tci & 0x1000) ? ", DEI" : "");
        // A length is named as the LLC it stands for, which has no ethertype name.
        const std::string_view name = protocol > max_length_field ? ethertype_name(protocol) : std::string_view{};
        ctx.print("ethertype {}, ", name.empty() ? std::string_view{"Unknown"} : name);
        header_length += 4;
        length -= 4;
        if (protocol <= max_length_field) {
            llc = true;
            break;
        }
    }
    ByteReader payload = frame.window(header_length, frame.size());
    if (llc) return print_llc_payload(ctx, payload, length, header_length);
    if (!print_ethertype(ctx, protocol, payload, length)) {
        // Not decoded: the link header (even without -e, with the length left after the
        // tags) and the payload in hex.
        if (!ctx.options.link_header) print_link_header(length + static_cast<std::uint32_t>(cooked_length));
        if (ctx.default_dump()) hex_ascii_dump(ctx.out, payload.all());
    }
    return header_length;
}

}  // namespace

std::size_t print_linux_sll(Context& ctx, ByteReader frame, std::uint32_t wire_length) {
    CookedHeader h;
    if (!decode_v1(frame, h) || wire_length < sll_header_length) {
        ctx.truncated("sll");
        return 0;  // no header to skip: tcpdump's -x/-X/-A still dump the whole frame
    }
    auto link_header = [&](std::uint32_t shown_length) {
        ctx.print("{:>3} ", packet_type_name(h.packet_type));
        print_header(ctx, h, shown_length);
    };
    if (ctx.options.link_header) link_header(wire_length);
    return print_payload(ctx, h, frame, sll_header_length, wire_length, link_header);
}

std::size_t print_linux_sll2(Context& ctx, ByteReader frame, std::uint32_t wire_length) {
    CookedHeader h;
    if (!decode_v2(frame, h) || wire_length < sll2_header_length) {
        ctx.truncated("sll2");
        return 0;  // no header to skip: tcpdump's -x/-X/-A still dump the whole frame
    }
    // The interface name as this host knows it, as tcpdump asks (it may be wrong for a file
    // from elsewhere); the command line hands the lookup in.
    std::string_view name = ctx.interfaces.interface_name(h.interface_index);
    if (name.empty()) name = "?";
    ctx.print("{:<5} {:<3} ", name, packet_type_name(h.packet_type));
    auto link_header = [&](std::uint32_t shown_length) {
        ctx.print("ifindex {} ", h.interface_index);
        print_header(ctx, h, shown_length);
    };
    if (ctx.options.link_header) link_header(wire_length);
    return print_payload(ctx, h, frame, sll2_header_length, wire_length, link_header);
}

}  // namespace rawdump::print
