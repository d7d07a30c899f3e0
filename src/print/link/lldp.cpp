// LLDP (print-lldp.c, tcpdump 4.99.3): a sequence of TLVs, each a 7-bit type and 9-bit length.
// Without -v only the system name is shown; -v decodes each TLV, -vv adds a hex dump of every
// value. tcpdump checks that a whole TLV was captured before decoding it, so the decoders below
// read complete values and every cut ends the line with " [|lldp]" (no longjmp).
#include <array>
#include <utility>

#include "src/print/base/hexdump.hpp"
#include "src/print/link/lldp.hpp"
#include "src/print/base/protocols.hpp"

namespace rawdump::print {
namespace {

enum class TlvType : unsigned {
    End = 0, ChassisId = 1, PortId = 2, Ttl = 3, PortDescription = 4, SystemName = 5,
    SystemDescription = 6, SystemCapabilities = 7, ManagementAddress = 8, OrganizationSpecific = 127,
};

constexpr std::array<std::pair<unsigned, std::string_view>, 10> tlv_names{{
    {0, "End"}, {1, "Chassis ID"}, {2, "Port ID"}, {3, "Time to Live"}, {4, "Port Description"},
    {5, "System Name"}, {6, "System Description"}, {7, "System Capabilities"}, {8, "Management Address"},
    {127, "Organization specific"},
}};
constexpr std::array<std::pair<unsigned, std::string_view>, 7> chassis_subtypes{{
    {1, "Chassis component"}, {2, "Interface alias"}, {3, "Port component"}, {4, "MAC address"},
    {5, "Network address"}, {6, "Interface name"}, {7, "Local"},
}};
constexpr std::array<std::pair<unsigned, std::string_view>, 7> port_subtypes{{
    {1, "Interface alias"}, {2, "Port component"}, {3, "MAC address"}, {4, "Network Address"},
    {5, "Interface Name"}, {6, "Agent circuit ID"}, {7, "Local"},
}};
// The subtype numbers that carry a MAC address, a network address, or text.
constexpr unsigned chassis_mac = 4, chassis_network = 5;
constexpr unsigned port_mac = 3, port_network = 4;
constexpr std::array<std::pair<unsigned, std::string_view>, 8> capability_names{{
    {0x01, "Other"}, {0x02, "Repeater"}, {0x04, "Bridge"}, {0x08, "WLAN AP"}, {0x10, "Router"},
    {0x20, "Telephone"}, {0x40, "Docsis"}, {0x80, "Station Only"},
}};
constexpr std::array<std::pair<unsigned, std::string_view>, 2> interface_numbering{{
    {2, "Interface Index"}, {3, "System Port Number"},
}};
// af.c `af_values`.
constexpr std::array<std::pair<unsigned, std::string_view>, 18> address_families{{
    {0, "Reserved"}, {1, "IPv4"}, {2, "IPv6"}, {3, "NSAP"}, {4, "HDLC"}, {5, "BBN 1822"}, {6, "802"},
    {7, "E.163"}, {8, "E.164"}, {9, "F.69"}, {10, "X.121"}, {11, "Novell IPX"}, {12, "Appletalk"},
    {13, "Decnet IV"}, {14, "Banyan Vines"}, {15, "E.164 with NSAP subaddress"}, {196, "Layer-2 VPN"},
    {25, "VPLS"},
}};
constexpr unsigned afi_ipv4 = 1, afi_ipv6 = 2, afi_802 = 6;

constexpr std::uint32_t oui_ieee_8021 = 0x0080c2;
constexpr std::uint32_t oui_ieee_8023 = 0x00120f;
constexpr std::uint32_t oui_iana = 0x00005e;
constexpr std::uint32_t oui_tia = 0x0012bb;
constexpr std::uint32_t oui_dcbx = 0x001b21;

constexpr std::size_t tlv_header_length = 2;
constexpr std::size_t interface_number_length = 5;  // subtype + 32-bit number

using lldp::name_or;

// Whether an address (family number, then the address) is long enough for its family;
// tcpdump ends the packet with [|lldp] when it is not.
bool network_address_fits(ByteReader address) {
    if (address.size() < 1) return false;
    std::size_t left = address.size() - 1;
    switch (address.u8_at(0)) {
    case afi_ipv4: return left >= 4;
    case afi_ipv6: return left >= 16;
    case afi_802: return left >= 6;
    default: return true;
    }
}

// "AFI IPv4 (1): 192.0.2.1" (lldp_network_addr_print), for an address that fits.
void print_network_address(Context& ctx, ByteReader address) {
    unsigned afi = address.u8();
    auto family = name_or(address_families, afi, "Unknown");
    switch (afi) {
    case afi_ipv4: {
        ctx.print("AFI {} ({}): ", family, afi);
        return ctx.host(address.ipv4());
    }
    case afi_ipv6: {
        ctx.print("AFI {} ({}): ", family, afi);
        return ctx.host(address.ipv6());
    }
    case afi_802: {
        ctx.print("AFI {} ({}): ", family, afi);
        return ctx.mac(address.mac());
    }
    default:
        return ctx.print("AFI {} ({}), no AF printer !", family, afi);
    }
}

// Chassis ID and Port ID share a layout: a subtype, then a MAC address, a network address or
// text. Returns false for a value too short for its subtype; sets `hexdump` for unknown ones.
bool print_id(Context& ctx, ByteReader value, bool chassis, bool& hexdump) {
    if (value.size() < 2) return false;
    unsigned subtype = value.u8();
    auto name = chassis ? name_or(chassis_subtypes, subtype, "Unknown") : name_or(port_subtypes, subtype, "Unknown");
    ctx.print("\n\t  Subtype {} ({}): ", name, subtype);
    unsigned mac = chassis ? chassis_mac : port_mac;
    unsigned network = chassis ? chassis_network : port_network;
    ByteReader rest = value.narrowed(value.remaining());
    if (subtype == mac) {
        if (rest.size() < 6) return false;
        ctx.mac(rest.mac_at(0));
    } else if (subtype == network) {
        if (!network_address_fits(rest)) return false;
        print_network_address(ctx, rest);
    } else if (subtype >= 1 && subtype <= 7) {
        print_escaped_to_nul(ctx, rest);
    } else {
        hexdump = true;
    }
    return true;
}

// The Management Address TLV (lldp_mgmt_addr_tlv_print); false where tcpdump gives up.
bool print_management_address(Context& ctx, ByteReader value) {
    std::size_t left = value.size();
    if (left < 1) return false;
    unsigned address_length = value.u8();
    --left;
    if (left < address_length) return false;
    ByteReader address = value.narrowed(address_length);
    if (!network_address_fits(address)) return false;
    ctx.print("\n\t  Management Address length {}, ", address_length);
    print_network_address(ctx, address);
    value.skip(address_length);
    left -= address_length;
    if (left < interface_number_length) return false;
    unsigned numbering = value.u8();
    std::uint32_t number = value.be32();
    ctx.print("\n\t  {} Interface Numbering ({}): {}", name_or(interface_numbering, numbering, "Unknown"),
              numbering, number);
    left -= interface_number_length;
    if (left) {
        unsigned oid_length = value.u8();
        if (left < 1u + oid_length) return false;
        if (oid_length) {
            ctx.print("\n\t  OID length {}", oid_length);
            print_escaped_to_nul(ctx, value.narrowed(oid_length));
        }
    }
    return true;
}

bool print_capabilities(Context& ctx, ByteReader value) {
    if (value.size() < 4) return false;
    unsigned system = value.be16(), enabled = value.be16();
    ctx.put("\n\t  System  Capabilities [");
    print_bit_names(ctx, system, capability_names, "none");
    ctx.print("] (0x{:04x})", system);
    ctx.put("\n\t  Enabled Capabilities [");
    print_bit_names(ctx, enabled, capability_names, "none");
    ctx.print("] (0x{:04x})", enabled);
    return true;
}

bool print_organization_specific(Context& ctx, ByteReader value, bool& hexdump) {
    if (value.size() < 3) return false;
    std::uint32_t oui = value.be24_at(0);
    auto name = oui_name(oui);
    ctx.print(": OUI {} (0x{:06x})", name.empty() ? std::string_view{"Unknown"} : name, oui);
    switch (oui) {
    case oui_ieee_8021: hexdump = lldp::print_ieee_8021(ctx, value); break;
    case oui_ieee_8023: hexdump = lldp::print_ieee_8023(ctx, value); break;
    case oui_iana: hexdump = lldp::print_iana(ctx, value); break;
    case oui_tia: hexdump = lldp::print_tia(ctx, value); break;
    case oui_dcbx: hexdump = lldp::print_dcbx(ctx, value); break;
    default: hexdump = true; break;
    }
    return true;
}

// One TLV's value under -v; false where tcpdump jumps to its truncation marker.
bool print_value(Context& ctx, TlvType type, ByteReader value, bool& hexdump) {
    switch (type) {
    case TlvType::ChassisId:
        return print_id(ctx, value, true, hexdump);
    case TlvType::PortId:
        return print_id(ctx, value, false, hexdump);
    case TlvType::Ttl:
        if (value.size() < 2) return false;
        ctx.print(": TTL {}s", value.be16());
        return true;
    case TlvType::PortDescription:
    case TlvType::SystemName:
        ctx.put(": ");
        print_escaped_to_nul(ctx, value);
        return true;
    case TlvType::SystemDescription:
        ctx.put("\n\t  ");
        print_escaped_to_nul(ctx, value);
        return true;
    case TlvType::SystemCapabilities:
        return print_capabilities(ctx, value);
    case TlvType::ManagementAddress:
        return print_management_address(ctx, value);
    case TlvType::OrganizationSpecific:
        return print_organization_specific(ctx, value, hexdump);
    default:
        hexdump = true;
        return true;
    }
}

}  // namespace

namespace lldp {

}  // namespace lldp

void print_lldp(Context& ctx, ByteReader pdu, std::uint32_t length) {
    ctx.print("LLDP, length {}", length);
    const bool verbose = ctx.options.verbosity > 0;
    std::size_t at = 0;
    for (std::uint32_t left = length; left >= tlv_header_length;) {
        ByteReader header = pdu.window(at, tlv_header_length);
        if (header.size() < tlv_header_length) return ctx.truncated("lldp");
        unsigned tlv = header.be16();
        unsigned kind = tlv >> 9, tlv_length = tlv & 0x1ff;
        left -= tlv_header_length;
        at += tlv_header_length;
        if (verbose) ctx.print("\n\t{} TLV ({}), length {}", name_or(tlv_names, kind, "Unknown"), kind, tlv_length);
        if (kind == 0 || tlv_length == 0) break;  // End, and tcpdump's guard against looping
        ByteReader value = pdu.window(at, tlv_length);
        if (value.size() < tlv_length || left < tlv_length) return ctx.truncated("lldp");
        auto type = static_cast<TlvType>(kind);
        bool hexdump = false;
        if (verbose) {
            if (!print_value(ctx, type, value, hexdump)) return ctx.truncated("lldp");
            if (ctx.options.verbosity > 1 || hexdump) hex_dump(ctx.out, value.all(), "\n\t  ");
        } else if (type == TlvType::SystemName) {
            // tcpdump shows the system name even without -v, as its CDP printer shows the device.
            ctx.put(": ");
            print_escaped_to_nul(ctx, value);
        }
        left -= tlv_length;
        at += tlv_length;
    }
}

}  // namespace rawdump::print
