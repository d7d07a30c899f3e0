// DCBX (Data Center Bridging Exchange, pre-IEEE version 1.01) organisationally specific LLDP
// TLVs, OUI 00-1b-21, as tcpdump 4.99.3's lldp_private_dcbx_print shows them: the value holds
// its own TLVs (7-bit type, 9-bit length) for protocol control, priority groups, priority flow
// control and applications. Version 1 values are only dumped.
#include <array>
#include <utility>

#include "src/print/base/hexdump.hpp"
#include "src/print/link/lldp.hpp"

namespace rawdump::print::lldp {
namespace {

constexpr std::array<std::pair<unsigned, std::string_view>, 2> subtypes{{
    {1, "DCB Capability Exchange Protocol Rev 1"}, {2, "DCB Capability Exchange Protocol Rev 1.01"},
}};
constexpr unsigned subtype_rev1 = 1;
enum class Feature : unsigned { Control = 1, PriorityGroups = 2, PriorityFlowControl = 3, Application = 4 };
// Minimum lengths of each feature TLV's value.
constexpr std::size_t control_length = 10;
constexpr std::size_t priority_groups_length = 17;
constexpr std::size_t pfc_length = 6;
constexpr std::size_t application_minimum = 4;
constexpr std::size_t application_entry_length = 6;

// The versions and the info block that start every feature TLV.
void print_feature_header(Context& ctx, ByteReader v) {
    ctx.print("\n\t      Oper_Version: {}", v.u8_at(0));
    ctx.print("\n\t      Max_Version: {}", v.u8_at(1));
    unsigned info = v.u8_at(2);
    ctx.print("\n\t      Info block(0x{:02X}): ", info);
    ctx.print("Enable bit: {}, Willing bit: {}, Error Bit: {}", (info & 0x80) ? 1 : 0, (info & 0x40) ? 1 : 0,
              (info & 0x20) ? 1 : 0);
    ctx.print("\n\t      SubType: {}", v.u8_at(3));
}

// One feature TLV; false when it is too short (tcpdump then stops decoding the DCBX value).
bool print_feature(Context& ctx, unsigned type, ByteReader v, bool& hexdump) {
    const std::size_t length = v.size();
    switch (static_cast<Feature>(type)) {
    case Feature::Control:
        if (length < control_length) return false;
        ctx.print("\n\t    Control - Protocol Control (type 0x{:x}, length {})", type, length);
        ctx.print("\n\t      Oper_Version: {}", v.u8_at(0));
        ctx.print("\n\t      Max_Version: {}", v.u8_at(1));
        ctx.print("\n\t      Sequence Number: {}", v.be32_at(2));
        ctx.print("\n\t      Acknowledgement Number: {}", v.be32_at(6));
        return true;
    case Feature::PriorityGroups: {
        if (length < priority_groups_length) return false;
        ctx.print("\n\t    Feature - Priority Group (type 0x{:x}, length {})", type, length);
        print_feature_header(ctx, v);
        ctx.put("\n\t      Priority Allocation");
        std::uint32_t groups = v.be32_at(4);
        for (unsigned i = 0; i <= 7; ++i) ctx.print("\n\t          PgId_{}: {}", i, (groups >> (28 - 4 * i)) & 0xf);
        ctx.put("\n\t      Priority Group Allocation");
        for (unsigned i = 0; i <= 7; ++i) ctx.print("\n\t          Pg percentage[{}]: {}", i, v.u8_at(8 + i));
        ctx.print("\n\t      NumTCsSupported: {}", v.u8_at(16));
        return true;
    }
    case Feature::PriorityFlowControl: {
        if (length < pfc_length) return false;
        ctx.put("\n\t    Feature - Priority Flow Control");
        ctx.print(" (type 0x{:x}, length {})", type, length);
        print_feature_header(ctx, v);
        unsigned config = v.u8_at(4);
        ctx.print("\n\t      PFC Config (0x{:02X})", config);
        for (unsigned i = 0; i <= 7; ++i)
            ctx.print("\n\t          Priority Bit {}: {}", i, (config & (1u << i)) ? "Enabled" : "Disabled");
        ctx.print("\n\t      NumTCPFCSupported: {}", v.u8_at(5));
        return true;
    }
    case Feature::Application: {
        if (length < application_minimum) return false;
        ctx.print("\n\t    Feature - Application (type 0x{:x}, length {})", type, length);
        print_feature_header(ctx, v);
        for (std::size_t at = 4; length - at >= application_entry_length; at += application_entry_length) {
            ctx.put("\n\t      Application Value");
            ctx.print("\n\t          Application Protocol ID: 0x{:04x}", v.be16_at(at));
            std::uint32_t selector = v.be24_at(at + 2);
            ctx.print("\n\t          SF (0x{:x}) Application Protocol ID is {}", selector >> 22,
                      (selector >> 22) ? "Socket Number" : "L2 EtherType");
            ctx.print("\n\t          OUI: 0x{:06x}", selector & 0x3fffff);
            ctx.print("\n\t          User Priority Map: 0x{:02x}", v.u8_at(at + 5));
        }
        return true;
    }
    default:
        hexdump = true;
        return true;
    }
}

}  // namespace

bool print_dcbx(Context& ctx, ByteReader v) {
    if (v.size() < 4) return false;
    unsigned subtype = v.u8_at(3);
    ctx.print("\n\t  {} Subtype ({})", name_or(subtypes, subtype, "unknown"), subtype);
    if (subtype == subtype_rev1) return true;
    bool hexdump = false;
    std::size_t at = 4, left = v.size() - 4;
    while (left >= 2) {
        unsigned header = v.be16_at(at);
        unsigned type = header >> 9;
        std::size_t length = header & 0x1ff;
        hexdump = false;
        at += 2;
        left -= 2;
        if (type == 0 || length == 0) break;
        if (left < length) break;  // tcpdump stops here without a marker
        ByteReader feature = v.window(at, length);
        if (!print_feature(ctx, type, feature, hexdump)) break;
        if (ctx.options.verbosity > 1 || hexdump) hex_dump(ctx.out, feature.all(), "\n\t    ");
        at += length;
        left -= length;
    }
    return hexdump;
}

}  // namespace rawdump::print::lldp
