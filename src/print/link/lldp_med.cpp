// LLDP-MED (ANSI/TIA-1057) organisationally specific TLVs, OUI 00-12-bb, as tcpdump 4.99.3's
// lldp_private_tia_print shows them: capabilities, network policy, location (coordinates, civic
// address, ELIN), extended power via MDI and the inventory strings. Offsets count from the OUI.
#include <array>
#include <utility>

#include "src/print/base/hexdump.hpp"
#include "src/print/link/lldp.hpp"

namespace rawdump::print::lldp {
namespace {

using Names = std::pair<unsigned, std::string_view>;

constexpr std::array<Names, 11> subtypes{{
    {1, "LLDP-MED Capabilities"}, {2, "Network policy"}, {3, "Location identification"},
    {4, "Extended power-via-MDI"}, {5, "Inventory - hardware revision"}, {6, "Inventory - firmware revision"},
    {7, "Inventory - software revision"}, {8, "Inventory - serial number"}, {9, "Inventory - manufacturer name"},
    {10, "Inventory - model name"}, {11, "Inventory - asset ID"},
}};
enum class Subtype : unsigned { Capabilities = 1, NetworkPolicy = 2, Location = 3, ExtendedPower = 4 };
constexpr unsigned first_inventory = 5, last_inventory = 11;
constexpr std::array<Names, 7> inventory_names{{
    {5, "Hardware revision"}, {6, "Firmware revision"}, {7, "Software revision"}, {8, "Serial number"},
    {9, "Manufacturer name"}, {10, "Model name"}, {11, "Asset ID"},
}};
constexpr std::array<Names, 6> capability_flags{{
    {0x01, "LLDP-MED capabilities"}, {0x02, "network policy"}, {0x04, "location identification"},
    {0x08, "extended power via MDI-PSE"}, {0x10, "extended power via MDI-PD"}, {0x20, "Inventory"},
}};
constexpr std::array<Names, 4> device_types{{
    {1, "endpoint class 1"}, {2, "endpoint class 2"}, {3, "endpoint class 3"}, {4, "network connectivity"},
}};
constexpr std::array<Names, 8> application_types{{
    {1, "voice"}, {2, "voice signaling"}, {3, "guest voice"}, {4, "guest voice signaling"}, {5, "softphone voice"},
    {6, "video conferencing"}, {7, "streaming video"}, {8, "video signaling"},
}};
constexpr std::array<Names, 3> policy_flags{{{0x80, "Unknown"}, {0x40, "Tagged"}, {0x20, "reserved"}}};
enum class LocationFormat : unsigned { Coordinates = 1, CivicAddress = 2, Elin = 3 };
constexpr std::array<Names, 3> location_formats{{
    {1, "coordinate-based LCI"}, {2, "civic address LCI"}, {3, "ECS ELIN"},
}};
constexpr std::array<Names, 2> altitude_types{{{1, "meters"}, {2, "floors"}}};
constexpr std::array<Names, 3> datums{{
    {1, "World Geodesic System 1984"}, {2, "North American Datum 1983 (NAVD88)"},
    {3, "North American Datum 1983 (MLLW)"},
}};
constexpr std::array<Names, 3> lci_what{{
    {0, "location of DHCP server"}, {1, "location of the network element believed to be closest to the client"},
    {2, "location of the client"},
}};
constexpr std::array<Names, 6> ca_types{{
    {1, "national subdivisions (state,canton,region,province,prefecture)"}, {2, "county, parish, gun, district"},
    {3, "city, township, shi"}, {4, "city division, borough, city district, ward chou"}, {5, "neighborhood, block"},
    {6, "street"},
}};
constexpr std::array<Names, 3> power_sources{{
    {1, "PSE - primary power source"}, {2, "local - backup power source"}, {3, "PSE+local - reserved"},
}};
constexpr std::array<Names, 3> power_priorities{{{1, "critical"}, {2, "high"}, {3, "low"}}};
constexpr unsigned power_reserved = 1024;  // values from here on are not tenths of watts

// 34 bits of latitude or longitude: the low 2 bits of the resolution byte, then 32 bits.
std::uint64_t coordinate(ByteReader v, std::size_t offset) {
    std::uint64_t high = v.u8_at(offset) & 0x3;
    return high << 32 | v.be32_at(offset + 1);
}

bool print_location(Context& ctx, ByteReader v) {
    const std::size_t length = v.size();
    if (length < 5) return false;
    unsigned format = v.u8_at(4);
    ctx.print("\n\t    Location data format {} (0x{:02x})", name_or(location_formats, format, "unknown"), format);
    switch (static_cast<LocationFormat>(format)) {
    case LocationFormat::Coordinates: {
        if (length < 21) return false;
        ctx.print("\n\t    Latitude resolution {}, latitude value {}", v.u8_at(5) >> 2, coordinate(v, 5));
        ctx.print("\n\t    Longitude resolution {}, longitude value {}", v.u8_at(10) >> 2, coordinate(v, 10));
        unsigned altitude_type = v.u8_at(15) >> 4;
        ctx.print("\n\t    Altitude type {} ({})", name_or(altitude_types, altitude_type, "unknown"), altitude_type);
        ctx.print("\n\t    Altitude resolution {}, altitude value 0x{:x}", (v.be16_at(15) >> 6) & 0x3f,
                  v.be32_at(16) & 0x3fffffff);
        unsigned datum = v.u8_at(20);
        ctx.print("\n\t    Datum {} (0x{:02x})", name_or(datums, datum, "unknown"), datum);
        return true;
    }
    case LocationFormat::CivicAddress: {
        if (length < 6) return false;
        std::size_t lci_length = v.u8_at(5);
        if (lci_length < 3 || length < 7 + lci_length) return false;
        unsigned what = v.u8_at(6);
        ctx.print("\n\t    LCI length {}, LCI what {} (0x{:02x}), Country-code ", lci_length,
                  name_or(lci_what, what, "unknown"), what);
        print_escaped_to_nul(ctx, v.window(7, 2));
        lci_length -= 3;
        std::size_t at = 9;
        while (lci_length > 0) {
            if (lci_length < 2) return false;
            unsigned ca_type = v.u8_at(at), ca_length = v.u8_at(at + 1);
            at += 2;
            lci_length -= 2;
            ctx.print("\n\t      CA type '{}' ({}), length {}: ", name_or(ca_types, ca_type, "unknown"), ca_type,
                      ca_length);
            if (ca_type == 0 || ca_length == 0 || lci_length < ca_length) return false;
            print_escaped_to_nul(ctx, v.window(at, ca_length));
            at += ca_length;
            lci_length -= ca_length;
        }
        return true;
    }
    case LocationFormat::Elin:
        ctx.put("\n\t    ECS ELIN id ");
        print_escaped_to_nul(ctx, v.window(5, length - 5));
        return true;
    default:
        ctx.put("\n\t    Location ID ");
        hex_dump(ctx.out, v.window(5, length - 5).all(), "\n\t      ");
        return true;
    }
}

}  // namespace

bool print_tia(Context& ctx, ByteReader v) {
    const std::size_t length = v.size();
    if (length < 4) return false;
    unsigned subtype = v.u8_at(3);
    ctx.print("\n\t  {} Subtype ({})", name_or(subtypes, subtype, "unknown"), subtype);
    switch (static_cast<Subtype>(subtype)) {
    case Subtype::Capabilities: {
        if (length < 7) return false;
        unsigned capabilities = v.be16_at(4), device = v.u8_at(6);
        ctx.put("\n\t    Media capabilities [");
        print_bit_names(ctx, capabilities, capability_flags, "none");
        ctx.print("] (0x{:04x})", capabilities);
        ctx.print("\n\t    Device type [{}] (0x{:02x})", name_or(device_types, device, "unknown"), device);
        return false;
    }
    case Subtype::NetworkPolicy: {
        if (length < 8) return false;
        unsigned application = v.u8_at(4);
        ctx.print("\n\t    Application type [{}] (0x{:02x})", name_or(application_types, application, "none"),
                  application);
        ctx.put(", Flags [");
        print_bit_names(ctx, v.u8_at(5), policy_flags, "none");
        ctx.put(']');
        ctx.print("\n\t    Vlan id {}", (v.be16_at(5) & 0x1ffe) >> 1);
        ctx.print(", L2 priority {}", (v.be16_at(6) & 0x01ff) >> 6);
        ctx.print(", DSCP value {}", v.be16_at(6) & 0x003f);
        return false;
    }
    case Subtype::Location:
        print_location(ctx, v);
        return false;
    case Subtype::ExtendedPower: {
        if (length < 7) return false;
        unsigned b = v.u8_at(4);
        // tcpdump tests `b & 0xC0 >> 6`, i.e. the low two bits, for the power type.
        ctx.print("\n\t    Power type [{}]", (b & 0x03) ? "PD device" : "PSE device");
        ctx.print(", Power source [{}]", name_or(power_sources, (b & 0x30) >> 4, "none"));
        ctx.print("\n\t    Power priority [{}] (0x{:02x})", name_or(power_priorities, b & 0x0f, "none"), b & 0x0f);
        unsigned power = v.be16_at(5);
        if (power < power_reserved)
            ctx.print(", Power {:.1f} Watts", static_cast<double>(static_cast<float>(power) / 10.0f));
        else
            ctx.print(", Power {} (Reserved)", power);
        return false;
    }
    default:
        if (subtype >= first_inventory && subtype <= last_inventory) {
            ctx.print("\n\t  {} ", name_or(inventory_names, subtype, "unknown"));
            print_escaped_to_nul(ctx, v.window(4, length - 4));
            return false;
        }
        return true;
    }
}

}  // namespace rawdump::print::lldp
