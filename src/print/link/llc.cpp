// IEEE 802.2 LLC (print-llc.c llc_print / snap_print, tcpdump 4.99.3). U frames have a
// one-byte control field, I and S frames a two-byte little-endian one. SAP 0x42 is spanning
// tree; SNAP (0xaa) carries an OUI and a protocol id, of which Cisco's PVST+ is decoded.
#include <array>
#include <utility>

#include "src/print/base/name_table.hpp"
#include "src/print/link/llc.hpp"

#include "src/print/link/cdp.hpp"
#include "src/print/link/dtp.hpp"
#include "src/print/base/hexdump.hpp"
#include "src/print/dispatch/ethertypes.hpp"
#include "src/print/base/protocols.hpp"
#include "src/print/link/stp.hpp"

namespace rawdump::print {
namespace {

constexpr std::uint8_t sap_ip = 0x06;
constexpr std::uint8_t sap_stp = 0x42;
constexpr std::uint8_t sap_snap = 0xaa;
constexpr std::uint8_t sap_global = 0xff;
constexpr std::uint8_t group_bit = 0x01;     // in the DSAP: a group address
constexpr std::uint8_t response_bit = 0x01;  // in the SSAP: a response
constexpr std::uint16_t unnumbered_information = 0x03;
constexpr std::uint8_t u_format = 0x03;
constexpr std::uint8_t s_format = 0x01;
constexpr std::uint16_t u_poll = 0x10;
constexpr std::uint16_t is_poll = 0x0100;
constexpr std::size_t snap_length = 5;

constexpr std::array<std::pair<std::uint8_t, std::string_view>, 15> sap_names{{
    {0x00, "Null"}, {0xff, "Global"}, {0x02, "802.1B I"}, {0x03, "802.1B G"}, {0x06, "IP"}, {0x04, "SNA"},
    {0x0e, "ProWay NM"}, {0x42, "STP"}, {0x4e, "RS511"}, {0x7e, "ISO8208"}, {0x8e, "ProWay"}, {0xaa, "SNAP"},
    {0xe0, "IPX"}, {0xf0, "NetBeui"}, {0xfe, "OSI"},
}};
constexpr std::array<std::pair<std::uint8_t, std::string_view>, 8> u_commands{{
    {0x03, "ui"}, {0xe3, "test"}, {0xaf, "xid"}, {0x63, "ua"}, {0x43, "disc"}, {0x0f, "dm"}, {0x6f, "sabme"},
    {0x87, "frmr"},
}};
constexpr std::array<std::string_view, 3> supervisory_names{"Receiver Ready", "Receiver not Ready", "Reject"};

// Cisco's SNAP protocol ids (OUI 00:00:0c).
constexpr std::uint32_t oui_cisco = 0x00000c;
constexpr std::array<std::pair<std::uint16_t, std::string_view>, 6> cisco_protocols{{
    {0x2000, "CDP"}, {0x2003, "VTP"}, {0x2004, "DTP"}, {0x0111, "UDLD"}, {0x010b, "PVST"}, {0x010c, "VLAN Bridge"},
}};
constexpr std::uint16_t cisco_pvst = 0x010b;
constexpr std::uint16_t cisco_vlan_bridge = 0x010c;
constexpr std::uint16_t cisco_dtp = 0x2004;
constexpr std::uint16_t cisco_cdp = 0x2000;


// llc_flag_values: the first match of the response bit and the poll/final bit.
std::string_view flag_name(unsigned bits) {
    switch (bits) {
    case 0: return "Command";
    case response_bit: return "Response";
    case u_poll: case is_poll: return "Poll";
    case response_bit | u_poll: case response_bit | is_poll: return "Final";
    default: return "?";
    }
}

void print_sap(Context& ctx, std::uint8_t sap, std::string_view unknown_format) {
    if (auto name = name_of(sap_names, sap); !name.empty())
        ctx.put(name);
    else
        ctx.print(fmt::runtime(unknown_format), sap);
}

bool print_snap_payload(Context& ctx, std::uint32_t oui, std::uint16_t protocol, ByteReader payload,
                        std::uint32_t payload_length);

// "oui Cisco (0x00000c), pid PVST (0x010b), length 42: ".
// "oui Ethernet (0x000000), ethertype IPv4 (0x0800), length N: "; `with_ethernet_oui` false
// leaves out the OUI when it is 0 (an encapsulated ethertype), as tcpdump does without -e.
void print_snap_header(Context& ctx, std::uint32_t oui, std::uint16_t protocol, std::uint32_t length,
                       bool with_ethernet_oui = true) {
    auto oui_text = oui_name(oui);
    std::string_view protocol_text =
        oui == oui_cisco ? name_of(cisco_protocols, protocol) : (oui == 0 ? ethertype_name(protocol) : "");
    if (oui != 0 || with_ethernet_oui)
        ctx.print("oui {} (0x{:06x}), ", oui_text.empty() ? "Unknown" : oui_text, oui);
    ctx.print("{} {} (0x{:04x}), length {}: ", oui == 0 ? "ethertype" : "pid",
              protocol_text.empty() ? "Unknown" : protocol_text, protocol, length - snap_length);
}

// SNAP: false when no printer claims the OUI and protocol id (tcpdump then shows the
// addresses and the SNAP header even without -e).
bool print_snap(Context& ctx, ByteReader snap, std::uint32_t length, const MacAddress* source,
                const MacAddress* destination) {
    std::uint32_t oui = snap.be24();
    std::uint16_t protocol = snap.be16();
    if (ctx.options.link_header) print_snap_header(ctx, oui, protocol, length);
    if (print_snap_payload(ctx, oui, protocol, snap.window(snap_length, snap.size()), length - snap_length))
        return true;
    if (!ctx.options.link_header) {
        if (source && destination) {
            ctx.mac(*source);
            ctx.put(" > ");
            ctx.mac(*destination);
            ctx.put(' ');
        }
        ctx.put("SNAP, ");
        print_snap_header(ctx, oui, protocol, length, false);
    }
    return false;
}

bool print_snap_payload(Context& ctx, std::uint32_t oui, std::uint16_t protocol, ByteReader payload,
                        std::uint32_t payload_length) {
    if (oui == 0) return print_ethertype(ctx, protocol, payload, payload_length);
    if (oui == oui_cisco && (protocol == cisco_pvst || protocol == cisco_vlan_bridge)) {
        print_stp(ctx, payload, payload_length);
        return true;
    }
    if (oui == oui_cisco && protocol == cisco_dtp) {
        print_dtp(ctx, payload, payload_length);
        return true;
    }
    if (oui == oui_cisco && protocol == cisco_cdp) {
        print_cdp(ctx, payload, payload_length);
        return true;
    }
    // VTP and UDLD have no printer here yet.
    return false;
}

}  // namespace

LlcResult print_llc(Context& ctx, ByteReader payload, std::uint32_t length, const MacAddress* source,
                    const MacAddress* destination) {
    std::size_t captured = payload.size();
    if (captured < 3 || length < 3) {
        ctx.truncated("llc");
        hex_ascii_dump(ctx.out, payload.all());
        return {captured < 3 ? captured : length, true};
    }
    std::uint8_t dsap_field = payload.u8_at(0), ssap_field = payload.u8_at(1);
    std::uint16_t control = payload.u8_at(2);
    bool unnumbered = (control & u_format) == u_format;
    std::size_t header_length = 3;
    if (!unnumbered) {
        if (captured < 4 || length < 4) {
            ctx.truncated("llc");
            hex_ascii_dump(ctx.out, payload.all());
            return {captured < 4 ? captured : length, true};
        }
        ByteReader two = payload.window(2, 2);
        unsigned low = two.u8();
        unsigned high = two.u8();
        control = static_cast<std::uint16_t>(low | high << 8);
        header_length = 4;
    }
    // Novell's "raw 802.3" IPX has no LLC header at all.
    if (dsap_field == sap_global && ssap_field == sap_global) {
        if (ctx.options.link_header) ctx.put("IPX 802.3: ");
        return {0, false};  // IPX has no printer here yet: the caller dumps it
    }
    std::uint8_t dsap = dsap_field & ~group_bit, ssap = ssap_field & ~response_bit;
    if (ctx.options.link_header) {
        ctx.put("LLC, dsap ");
        print_sap(ctx, dsap, "Unknown");
        ctx.print(" (0x{:02x}) {}, ssap ", dsap, (dsap_field & group_bit) ? "Group" : "Individual");
        print_sap(ctx, ssap, "Unknown");
        ctx.print(" (0x{:02x}) {}", ssap, flag_name(ssap_field & response_bit));
        if (unnumbered)
            ctx.print(", ctrl 0x{:02x}: ", control);
        else
            ctx.print(", ctrl 0x{:04x}: ", control);
    }
    ByteReader body = payload.window(header_length, captured);
    std::uint32_t body_length = length - static_cast<std::uint32_t>(header_length);

    if (ssap == sap_snap && dsap == sap_snap && control == unnumbered_information) {
        if (!body.has(snap_length) || body_length < snap_length) {
            ctx.truncated("snap");
            return {header_length + snap_length, true};
        }
        bool decoded = print_snap(ctx, body, body_length, source, destination);
        return {header_length + snap_length, decoded};
    }
    if (ssap == sap_stp && dsap == sap_stp && control == unnumbered_information) {
        print_stp(ctx, body, body_length);
        return {header_length, true};
    }
    if (ssap == sap_ip && dsap == sap_ip && control == unnumbered_information) {
        print_network(ctx, EtherType::Ipv4, body, body_length);
        return {header_length, true};
    }

    if (!ctx.options.link_header) {
        // "src [ssap] > dst dsap "; a link without addresses keeps only the SAPs, and the
        // " > " only when there is a source SAP to show.
        const bool addresses = source && destination;
        if (addresses) ctx.mac(*source);
        if (ssap != dsap) {
            if (addresses) ctx.put(' ');
            print_sap(ctx, ssap, "Unknown SSAP 0x{:02x}");
        }
        if (addresses || ssap != dsap) ctx.put(" > ");
        if (addresses) {
            ctx.mac(*destination);
            ctx.put(' ');
        }
        print_sap(ctx, dsap, "Unknown DSAP 0x{:02x}");
        ctx.put(' ');
    }
    unsigned response = ssap_field & response_bit;
    if (unnumbered) {
        auto command = name_of(u_commands, static_cast<std::uint8_t>(control & 0xef));
        ctx.put("Unnumbered, ");
        if (command.empty())
            ctx.print("{:02x}", control & 0xef);
        else
            ctx.put(command);
        ctx.print(", Flags [{}], length {}", flag_name(response | (control & u_poll)), length);
        constexpr std::uint16_t xid = 0xaf;
        constexpr std::uint8_t xid_format = 0x81;
        if ((control & ~u_poll) == xid && body_length != 0) {
            if (body.size() < 1) {
                ctx.truncated("llc");
                return {header_length, true};
            }
            if (body.u8_at(0) == xid_format) {
                if (body.size() < 3 || body_length < 3) {
                    ctx.truncated("llc");
                    hex_ascii_dump(ctx.out, body.all());
                } else {
                    ctx.print(": {:02x} {:02x}", body.u8_at(1), body.u8_at(2));
                }
                return {header_length, true};
            }
        }
    } else if ((control & s_format) == s_format) {
        ctx.print("Supervisory, {}, rcv seq {}, Flags [{}], length {}",
                  ((control >> 2) & 3) < supervisory_names.size() ? supervisory_names[(control >> 2) & 3] : "?",
                  (control >> 9) & 0x7f, flag_name(response | (control & is_poll)), length);
        return {header_length, true};
    } else {
        ctx.print("Information, send seq {}, rcv seq {}, Flags [{}], length {}", (control >> 1) & 0x7f,
                  (control >> 9) & 0x7f, flag_name(response | (control & is_poll)), length);
    }
    return {header_length, false};
}

}  // namespace rawdump::print
