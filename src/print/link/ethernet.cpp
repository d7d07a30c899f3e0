// Ethernet II (print-ether.c ether_common_print) and the raw-IP link types.
#include "src/print/link/ethernet_header.hpp"
#include "src/print/link/eapol.hpp"
#include "src/print/link/lldp.hpp"
#include "src/print/link/slow_protocols.hpp"
#include "src/print/base/hexdump.hpp"
#include "src/print/dispatch/ethertypes.hpp"
#include "src/print/link/ethernet.hpp"
#include "src/print/link/llc.hpp"
#include "src/print/base/protocols.hpp"

namespace rawdump::print {
namespace {

constexpr std::size_t ethernet_header_length = EthernetHeader::size;

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
void print_header(Context& ctx, const EthernetHeader& h, std::uint16_t type, std::uint32_t wire_length) {
    ctx.mac(h.source);
    ctx.put(" > ");
    ctx.mac(h.destination);
    ctx.put(", ");
    if (type <= EthernetHeader::max_length_field)
        ctx.print("802.3");
    else
        print_type(ctx, type);
    ctx.print(", length {}: ", wire_length);
}

bool is_vlan_tag(std::uint16_t type) {
    switch (static_cast<EtherType>(type)) {
    case EtherType::Vlan:
    case EtherType::QinQ:
    case EtherType::Vlan9100:
    case EtherType::Vlan9200:
        return true;
    default:
        return false;
    }
}

// An 802.3 length field (or a jumbo frame): an LLC header follows. The frame may be padded:
// everything below sees only what the length field covers, and no more than the frame
// holds. Returns the LLC header's length.
std::size_t print_llc_payload(Context& ctx, const EthernetHeader& h, ByteReader payload, std::uint16_t type,
                              std::uint32_t length, bool after_vlan) {
    const bool jumbo = type == static_cast<std::uint16_t>(EtherType::Jumbo);
    const std::uint32_t llc_length = type < length && !jumbo ? type : length;
    // -e shows that length (the field's value only when the frame holds it all), except
    // after VLAN tags where tcpdump runs "802.3" into the LLC text; nothing for jumbo.
    if (ctx.options.link_header && !jumbo) {
        if (after_vlan)
            ctx.put("802.3");
        else
            ctx.print("802.3, length {}: ", llc_length);
    }
    ByteReader llc_frame = payload.narrowed(llc_length);
    LlcResult llc = print_llc(ctx, llc_frame, llc_length, &h.source, &h.destination);
    if (!llc.decoded && ctx.default_dump()) hex_ascii_dump(ctx.out, llc_frame.all());
    return llc.header_length;
}

}  // namespace

std::size_t print_ethernet(Context& ctx, ByteReader frame, std::uint32_t wire_length) {
    // An encapsulated frame (Geneve, VXLAN, GRE) may have more bytes captured than the outer
    // header's length leaves it: tcpdump calls that malformed before reading anything.
    if (frame.size() > wire_length) {
        ctx.print("[length {} < caplen {}] (invalid)", wire_length, frame.size());
        return frame.size();
    }
    const std::optional<EthernetHeader> decoded = decode_ethernet_header(frame);
    if (!decoded || wire_length < ethernet_header_length) {
        ctx.truncated("ether");
        return frame.size();
    }
    const EthernetHeader& h = *decoded;
    std::size_t header_length = ethernet_header_length;
    std::uint32_t length = wire_length - ethernet_header_length;
    std::uint16_t type = h.type;
    bool printed_length = false;
    // -e: "src > dst, ethertype X (0x..), length N: " with each VLAN tag's fields after it.
    auto print_type_and_length = [&](std::uint16_t t) {
        print_type(ctx, t);
        if (printed_length) return ctx.put(", ");
        ctx.print(", length {}: ", wire_length);
        printed_length = true;
    };
    if (ctx.options.link_header) {
        ctx.mac(h.source);
        ctx.put(" > ");
        ctx.mac(h.destination);
        ctx.put(", ");
    }
    // 802.1Q / 802.1ad tags: 2 bytes TCI, then the next type.
    while (is_vlan_tag(type)) {
        const std::optional<VlanTag> tag = decode_vlan_tag(frame.window(header_length, VlanTag::size));
        if (!tag || length < VlanTag::size) {
            ctx.truncated("vlan");
            return frame.size();
        }
        if (ctx.options.link_header) {
            print_type_and_length(type);
            ctx.print("vlan {}, p {}{}, ", tag->id, tag->priority, tag->drop_eligible ? ", DEI" : "");
        }
        type = tag->type;
        header_length += VlanTag::size;
        length -= VlanTag::size;
    }
    ByteReader payload = frame.window(header_length, frame.size());
    // Jumbo frames carry LLC too, their length being the frame's.
    const bool jumbo = type == static_cast<std::uint16_t>(EtherType::Jumbo);
    if (type <= EthernetHeader::max_length_field || jumbo)
        return header_length + print_llc_payload(ctx, h, payload, type, length, printed_length);
    if (ctx.options.link_header) print_type_and_length(type);
    if (!print_ethertype(ctx, type, payload, length)) {
        // Not decoded: the link header (even without -e) and the payload in hex and ASCII.
        if (!ctx.options.link_header) print_header(ctx, h, type, wire_length);
        if (ctx.default_dump()) hex_ascii_dump(ctx.out, payload.all());
    }
    return header_length;
}

}  // namespace rawdump::print
