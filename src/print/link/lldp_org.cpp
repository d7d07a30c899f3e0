// LLDP organisationally specific TLVs that tcpdump 4.99.3 decodes: IEEE 802.1 (annex E of
// 802.1AB, plus the DCB and EVB additions of 802.1Q), IEEE 802.3 (annex F) and IANA (MUD URL).
// Each printer gets the whole captured value: OUI (3 bytes), subtype, then the data; offsets
// below count from the OUI as tcpdump's do. A value too short for its subtype prints nothing
// more and asks for no extra hex dump.
#include <array>
#include <utility>

#include "src/print/link/lldp.hpp"

namespace rawdump::print::lldp {
namespace {

using Names = std::pair<unsigned, std::string_view>;

constexpr std::array<Names, 12> ieee_8021_subtypes{{
    {1, "Port VLAN Id"}, {2, "Port and Protocol VLAN ID"}, {3, "VLAN name"}, {4, "Protocol Identity"},
    {7, "Link aggregation"},
    {8, "Congestion Notification"}, {9, "ETS Configuration"}, {10, "ETS Recommendation"},
    {11, "Priority Flow Control Configuration"}, {12, "Application Priority"}, {13, "EVB"}, {14, "CDCP"},
}};
enum class Ieee8021 : unsigned {
    PortVlanId = 1, ProtocolVlanId = 2, VlanName = 3, ProtocolIdentity = 4, LinkAggregation = 7,
    CongestionNotification = 8,
    EtsConfiguration = 9, EtsRecommendation = 10, PfcConfiguration = 11, ApplicationPriority = 12, Evb = 13,
    Cdcp = 14,
};
constexpr std::array<Names, 2> protocol_vlan_flags{{{0x02, "supported"}, {0x04, "enabled"}}};
constexpr std::array<Names, 4> evb_modes{{
    {0, "Not Supported"}, {1, "EVB Bridge"}, {2, "EVB Station"}, {3, "Reserved for future Standardization"},
}};
// Minimum value lengths (OUI and subtype included).
constexpr std::size_t congestion_notification_length = 6;
constexpr std::size_t ets_length = 25;
constexpr std::size_t pfc_length = 6;
constexpr std::size_t application_priority_minimum = 5;
constexpr std::size_t evb_length = 9;
constexpr std::size_t cdcp_minimum = 8;

constexpr std::array<Names, 4> ieee_8023_subtypes{{
    {1, "MAC/PHY configuration/status"}, {2, "Power via MDI"}, {3, "Link aggregation"}, {4, "Max frame size"},
}};
enum class Ieee8023 : unsigned { MacPhy = 1, MdiPower = 2, LinkAggregation = 3, MaxFrameSize = 4 };
constexpr std::array<Names, 2> autonegotiation_flags{{{0x01, "supported"}, {0x02, "enabled"}}};
// RFC 3636 ifMauAutoNegCapAdvertisedBits (bit 15, "other", has no name in tcpdump).
constexpr std::array<Names, 15> pmd_capabilities{{
    {1 << 14, "10BASE-T hdx"}, {1 << 13, "10BASE-T fdx"}, {1 << 12, "100BASE-T4"}, {1 << 11, "100BASE-TX hdx"},
    {1 << 10, "100BASE-TX fdx"}, {1 << 9, "100BASE-T2 hdx"}, {1 << 8, "100BASE-T2 fdx"},
    {1 << 7, "Pause for fdx links"}, {1 << 6, "Asym PAUSE for fdx"}, {1 << 5, "Sym PAUSE for fdx"},
    {1 << 4, "Asym and Sym PAUSE for fdx"}, {1 << 3, "1000BASE-{X LX SX CX} hdx"},
    {1 << 2, "1000BASE-{X LX SX CX} fdx"}, {1 << 1, "1000BASE-T hdx"}, {1 << 0, "1000BASE-T fdx"},
}};
// RFC 3636 dot3MauType, indexed by value.
constexpr std::array<std::string_view, 41> mau_types{
    "Unknown", "AUI", "10BASE_5", "FOIRL", "10BASE2", "10BASET duplex mode unknown", "10BASEFP", "10BASEFB",
    "10BASEFL duplex mode unknown", "10BROAD36", "10BASET hdx", "10BASET fdx", "10BASEFL hdx", "10BASEFL fdx",
    "100BASET4", "100BASETX hdx", "100BASETX fdx", "100BASEFX hdx", "100BASEFX fdx", "100BASET2 hdx",
    "100BASET2 fdx", "1000BASEX hdx", "1000BASEX fdx", "1000BASELX hdx", "1000BASELX fdx", "1000BASESX hdx",
    "1000BASESX fdx", "1000BASECX hdx", "1000BASECX fdx", "1000BASET hdx", "1000BASET fdx", "10GBASEX",
    "10GBASELX4", "10GBASER", "10GBASEER", "10GBASELR", "10GBASESR", "10GBASEW", "10GBASEEW", "10GBASELW",
    "10GBASESW",
};
constexpr std::array<Names, 4> mdi_flags{{
    {0x01, "PSE"}, {0x02, "supported"}, {0x04, "enabled"}, {0x08, "can be controlled"},
}};
constexpr std::array<Names, 2> mdi_power_pairs{{{1, "signal"}, {2, "spare"}}};
constexpr std::array<Names, 5> mdi_power_classes{{
    {1, "class0"}, {2, "class1"}, {3, "class2"}, {4, "class3"}, {5, "class4"},
}};
constexpr std::array<Names, 2> aggregation_flags{{{0x01, "supported"}, {0x02, "enabled"}}};

constexpr std::array<Names, 1> iana_subtypes{{{1, "MUD-URL"}}};
constexpr unsigned iana_mud_url = 1;
constexpr std::size_t iana_minimum = 8;

constexpr std::size_t subtype_offset = 3;
constexpr std::size_t data_offset = 4;

// "Value    : 1  0  0 ..." : the eight bits of a byte, lowest first (tcpdump's "%-2d ").
void print_bits_row(Context& ctx, unsigned byte) {
    for (int i = 0; i < 8; ++i) ctx.print("{:<2} ", (byte >> i) & 1);
}

void print_priority_assignment(Context& ctx, ByteReader v, std::size_t at) {
    ctx.put("\n\t    Priority Assignment Table");
    ctx.put("\n\t     Priority : 0   1   2   3   4   5   6   7");
    ctx.put("\n\t     Value    : ");
    for (std::size_t i = 0; i < 4; ++i) {
        unsigned b = v.u8_at(at + i);
        ctx.print("{:<3} {:<3}{}", b >> 4, b & 0x0f, i < 3 ? " " : "");
    }
}

void print_eight_values(Context& ctx, ByteReader v, std::size_t at) {
    for (std::size_t i = 0; i < 8; ++i) ctx.print("{:<3}{}", v.u8_at(at + i), i < 7 ? " " : "");
}

void print_ets_tables(Context& ctx, ByteReader v) {
    print_priority_assignment(ctx, v, 5);
    ctx.put("\n\t    TC Bandwidth Table");
    ctx.put("\n\t     TC%   : 0   1   2   3   4   5   6   7");
    ctx.put("\n\t     Value : ");
    print_eight_values(ctx, v, 9);
    ctx.put("\n\t    TSA Assignment Table");
    ctx.put("\n\t     Traffic Class: 0   1   2   3   4   5   6   7");
    ctx.put("\n\t     Value        : ");
    print_eight_values(ctx, v, 17);
}

// 802.1AX link aggregation, the same layout under either OUI (802.3 subtype 3, 802.1 subtype 7).
bool print_link_aggregation(Context& ctx, ByteReader v) {
    if (v.size() < 9) return false;
    ctx.put("\n\t    aggregation status [");
    print_bit_names(ctx, v.u8_at(4), aggregation_flags, "none");
    ctx.print("], aggregation port ID {}", v.be32_at(5));
    return false;
}

}  // namespace

bool print_ieee_8021(Context& ctx, ByteReader v) {
    const std::size_t length = v.size();
    if (length < 4) return false;
    unsigned subtype = v.u8_at(subtype_offset);
    ctx.print("\n\t  {} Subtype ({})", name_or(ieee_8021_subtypes, subtype, "unknown"), subtype);
    switch (static_cast<Ieee8021>(subtype)) {
    case Ieee8021::PortVlanId:
        if (length < 6) return false;
        ctx.print("\n\t    port vlan id (PVID): {}", v.be16_at(4));
        return false;
    case Ieee8021::ProtocolVlanId: {
        if (length < 7) return false;
        unsigned flags = v.u8_at(4);
        ctx.print("\n\t    port and protocol vlan id (PPVID): {}, flags [", v.be16_at(5));
        print_bit_names(ctx, flags, protocol_vlan_flags, "none");
        ctx.print("] (0x{:02x})", flags);
        return false;
    }
    case Ieee8021::VlanName: {
        if (length < 6) return false;
        ctx.print("\n\t    vlan id (VID): {}", v.be16_at(4));
        if (length < 7) return false;
        unsigned name_length = v.u8_at(6);
        if (length < 7 + name_length) return false;
        ctx.put("\n\t    vlan name: ");
        print_escaped_to_nul(ctx, v.window(7, name_length));
        return false;
    }
    case Ieee8021::ProtocolIdentity: {
        if (length < 5) return false;
        unsigned identity_length = v.u8_at(4);
        if (length < 5 + identity_length) return false;
        ctx.put("\n\t    protocol identity: ");
        print_escaped_to_nul(ctx, v.window(5, identity_length));
        return false;
    }
    case Ieee8021::LinkAggregation:
        return print_link_aggregation(ctx, v);
    case Ieee8021::CongestionNotification:
        if (length < congestion_notification_length) return false;
        ctx.put("\n\t    Pre-Priority CNPV Indicator");
        ctx.put("\n\t     Priority : 0  1  2  3  4  5  6  7");
        ctx.put("\n\t     Value    : ");
        print_bits_row(ctx, v.u8_at(4));
        ctx.put("\n\t    Pre-Priority Ready Indicator");
        ctx.put("\n\t     Priority : 0  1  2  3  4  5  6  7");
        ctx.put("\n\t     Value    : ");
        print_bits_row(ctx, v.u8_at(5));
        return false;
    case Ieee8021::EtsConfiguration: {
        if (length < ets_length) return false;
        unsigned b = v.u8_at(4);
        // "CBS" masks with 0x02 after the shift, as tcpdump does.
        ctx.print("\n\t    Willing:{}, CBS:{}, RES:{}, Max TCs:{}", b >> 7, (b >> 6) & 0x02, (b >> 3) & 0x07, b & 0x07);
        print_ets_tables(ctx, v);
        return false;
    }
    case Ieee8021::EtsRecommendation:
        if (length < ets_length) return false;
        ctx.print("\n\t    RES: {}", v.u8_at(4));
        print_ets_tables(ctx, v);
        return false;
    case Ieee8021::PfcConfiguration: {
        if (length < pfc_length) return false;
        unsigned b = v.u8_at(4);
        ctx.print("\n\t    Willing: {}, MBC: {}, RES: {}, PFC cap:{} ", b >> 7, (b >> 6) & 0x01, (b >> 4) & 0x03,
                  b & 0x0f);
        ctx.put("\n\t    PFC Enable");
        ctx.put("\n\t     Priority : 0  1  2  3  4  5  6  7");
        ctx.put("\n\t     Value    : ");
        print_bits_row(ctx, v.u8_at(5));
        return false;
    }
    case Ieee8021::ApplicationPriority: {
        if (length < application_priority_minimum) return false;
        ctx.print("\n\t    RES: {}", v.u8_at(4));
        if (length <= application_priority_minimum) return false;
        std::size_t table_length = length - 5;
        if (table_length % 3 != 0) return false;
        ctx.put("\n\t    Application Priority Table");
        for (std::size_t i = 0; i < table_length; i += 3) {
            unsigned b = v.u8_at(i + 5);
            ctx.print("\n\t      Priority: {}, RES: {}, Sel: {}, Protocol ID: {}", b >> 5, (b >> 3) & 0x03, b & 0x07,
                      v.be16_at(i + 6));
        }
        return false;
    }
    case Ieee8021::Evb: {
        if (length < evb_length) return false;
        ctx.put("\n\t    EVB Bridge Status");
        unsigned b = v.u8_at(4);
        ctx.print("\n\t      RES: {}, BGID: {}, RRCAP: {}, RRCTR: {}", b >> 3, (b >> 2) & 1, (b >> 1) & 1, b & 1);
        ctx.put("\n\t    EVB Station Status");
        b = v.u8_at(5);
        ctx.print("\n\t      RES: {}, SGID: {}, RRREQ: {},RRSTAT: {}", b >> 4, (b >> 3) & 1, (b >> 2) & 1, b & 3);
        b = v.u8_at(6);
        ctx.print("\n\t    R: {}, RTE: {}, ", b >> 5, b & 0x1f);
        b = v.u8_at(7);
        ctx.print("EVB Mode: {} [{}]", name_or(evb_modes, b >> 6, "unknown"), b >> 6);
        ctx.print("\n\t    ROL: {}, RWD: {}, ", (b >> 5) & 1, b & 0x1f);
        b = v.u8_at(8);
        ctx.print("RES: {}, ROL: {}, RKA: {}", b >> 6, (b >> 5) & 1, b & 0x1f);
        return false;
    }
    case Ieee8021::Cdcp: {
        if (length < cdcp_minimum) return false;
        unsigned b = v.u8_at(4);
        ctx.print("\n\t    Role: {}, RES: {}, Scomp: {} ", b >> 7, (b >> 4) & 0x07, (b >> 3) & 0x01);
        ctx.print("ChnCap: {}", v.be16_at(6) & 0x0fff);
        std::size_t table_length = length - 8;
        if (table_length % 3 != 0) return false;
        for (std::size_t i = 0; i < table_length; i += 3) {
            std::uint32_t entry = v.be24_at(i + 8);
            ctx.print("\n\t    SCID: {}, SVID: {}", entry >> 12, entry & 0x000fff);
        }
        return false;
    }
    default:
        return true;
    }
}

bool print_ieee_8023(Context& ctx, ByteReader v) {
    const std::size_t length = v.size();
    if (length < 4) return false;
    unsigned subtype = v.u8_at(subtype_offset);
    ctx.print("\n\t  {} Subtype ({})", name_or(ieee_8023_subtypes, subtype, "unknown"), subtype);
    switch (static_cast<Ieee8023>(subtype)) {
    case Ieee8023::MacPhy: {
        if (length < 9) return false;
        unsigned autoneg = v.u8_at(4), pmd = v.be16_at(5), mau = v.be16_at(7);
        ctx.put("\n\t    autonegotiation [");
        print_bit_names(ctx, autoneg, autonegotiation_flags, "none");
        ctx.print("] (0x{:02x})", autoneg);
        ctx.put("\n\t    PMD autoneg capability [");
        print_bit_names(ctx, pmd, pmd_capabilities, "unknown");
        ctx.print("] (0x{:04x})", pmd);
        ctx.print("\n\t    MAU type {} (0x{:04x})", mau < mau_types.size() ? mau_types[mau] : "unknown", mau);
        return false;
    }
    case Ieee8023::MdiPower:
        if (length < 7) return false;
        ctx.put("\n\t    MDI power support [");
        print_bit_names(ctx, v.u8_at(4), mdi_flags, "none");
        ctx.print("], power pair {}, power class {}", name_or(mdi_power_pairs, v.u8_at(5), "unknown"),
                  name_or(mdi_power_classes, v.u8_at(6), "unknown"));
        return false;
    case Ieee8023::LinkAggregation:
        return print_link_aggregation(ctx, v);
    case Ieee8023::MaxFrameSize:
        if (length < 6) return false;
        ctx.print("\n\t    MTU size {}", v.be16_at(4));
        return false;
    default:
        return true;
    }
}

bool print_iana(Context& ctx, ByteReader v) {
    const std::size_t length = v.size();
    if (length < iana_minimum) return false;
    unsigned subtype = v.u8_at(subtype_offset);
    ctx.print("\n\t  {} Subtype ({})", name_or(iana_subtypes, subtype, "unknown"), subtype);
    if (subtype != iana_mud_url) return true;
    // nd_printn: every byte, NULs included.
    ctx.put("\n\t  MUD-URL=");
    print_escaped(ctx, v.window(data_offset, length - data_offset));
    return false;
}

}  // namespace rawdump::print::lldp
