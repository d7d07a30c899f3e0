// IEEE "slow protocols" (print-slow.c, tcpdump 4.99.3), EtherType 0x8809: LACP and Marker
// (802.3ad: a subtype and version, then type-length-value records whose length includes their
// 2-byte header) and link OAM (802.3ah: flags, a code, then per-code data). print-slow.c reads
// through longjmp-ing accessors, so every cut prints " [|slow]" and unwinds.
#include <array>
#include <utility>

#include "src/print/base/hexdump.hpp"
#include "src/print/base/outcome.hpp"
#include "src/print/link/lldp.hpp"
#include "src/print/base/protocols.hpp"
#include "src/print/link/slow_protocols.hpp"

namespace rawdump::print {
namespace {

using lldp::name_or;
using Names = std::pair<unsigned, std::string_view>;

enum class Subtype : unsigned { Lacp = 1, Marker = 2, Oam = 3 };
constexpr std::array<Names, 3> subtype_names{{{1, "LACP"}, {2, "MARKER"}, {3, "OAM"}}};
constexpr unsigned supported_version = 1;  // of both LACP and Marker

// TLV types, keyed as tcpdump keys them: (subtype << 8) + type.
constexpr unsigned lacp_terminator = 0x100, lacp_actor = 0x101, lacp_partner = 0x102, lacp_collector = 0x103;
constexpr unsigned marker_information = 0x201;
constexpr std::array<Names, 6> tlv_names{{
    {0x100, "Terminator"}, {0x101, "Actor Information"}, {0x102, "Partner Information"},
    {0x103, "Collector Information"}, {0x200, "Terminator"}, {0x201, "Marker Information"},
}};
constexpr std::array<Names, 8> lacp_state_flags{{
    {0x01, "Activity"}, {0x02, "Timeout"}, {0x04, "Aggregation"}, {0x08, "Synchronization"},
    {0x10, "Collecting"}, {0x20, "Distributing"}, {0x40, "Default"}, {0x80, "Expired"},
}};
constexpr std::size_t tlv_header_length = 2;
constexpr std::size_t actor_partner_length = 18;  // priority, system, key, port priority, port, state, pad
constexpr std::size_t collector_length = 14;      // max delay, pad
constexpr std::size_t marker_info_length = 14;    // port, system, transaction id, pad

constexpr std::array<Names, 7> oam_flags{{
    {0x0001, "Link Fault"}, {0x0002, "Dying Gasp"}, {0x0004, "Critical Event"}, {0x0008, "Local Evaluating"},
    {0x0010, "Local Stable"}, {0x0020, "Remote Evaluating"}, {0x0040, "Remote Stable"},
}};
enum class OamCode : unsigned { Information = 0, EventNotification = 1, LoopbackControl = 4 };
constexpr std::array<Names, 6> oam_codes{{
    {0x00, "Information"}, {0x01, "Event Notification"}, {0x02, "Variable Request"}, {0x03, "Variable Response"},
    {0x04, "Loopback Control"}, {0xfe, "Vendor Private"},
}};
constexpr std::array<Names, 4> oam_info_types{{
    {0x00, "End of TLV marker"}, {0x01, "Local"}, {0x02, "Remote"}, {0xfe, "Organization specific"},
}};
constexpr unsigned oam_info_local = 1, oam_info_remote = 2;
constexpr std::size_t oam_info_length = 16;
constexpr std::array<std::string_view, 4> parser_actions{"forwarding", "looping back", "discarding", "reserved"};
constexpr std::array<Names, 5> oam_config_flags{{
    {0x01, "Active"}, {0x02, "Unidirectional"}, {0x04, "Remote-Loopback"}, {0x08, "Link-Events"},
    {0x10, "Variable-Retrieval"},
}};
constexpr std::array<Names, 6> link_event_types{{
    {0x00, "End of TLV marker"}, {0x01, "Errored Symbol Period Event"}, {0x02, "Errored Frame Event"},
    {0x03, "Errored Frame Period Event"}, {0x04, "Errored Frame Seconds Summary Event"},
    {0xfe, "Organization specific"},
}};
constexpr std::size_t link_event_length = 40;
constexpr std::array<Names, 2> loopback_commands{{
    {0x01, "Enable OAM Remote Loopback"}, {0x02, "Disable OAM Remote Loopback"},
}};

// How a part of the PDU ended: Complete (a terminator included); Malformed where the PDU's own
// lengths ran out ("packet is too short"); Unwound where the capture did, the marker left to
// print_slow_protocols so it is printed in one place.

std::uint64_t be64(ByteReader r) {
    std::uint64_t high = r.be32();
    return high << 32 | r.be32();
}

// print_unknown_data: as much of `length` bytes as was captured.
void dump(Context& ctx, ByteReader bytes, std::size_t length, std::string_view prefix) {
    hex_dump(ctx.out, bytes.window(0, length).all(), prefix);
}

Outcome print_lacp_marker(Context& ctx, ByteReader pdu, std::size_t left, unsigned subtype) {
    const unsigned verbosity = ctx.options.verbosity;
    std::size_t at = 0;
    while (left != 0) {
        if (left < tlv_header_length) return Outcome::Malformed;
        ByteReader header = pdu.window(at, tlv_header_length);
        if (header.size() < tlv_header_length) return Outcome::Unwound;
        unsigned type = header.u8(), length = header.u8();
        unsigned key = (subtype << 8) + type;
        ctx.print("\n\t{} TLV (0x{:02x}), length {}", name_or(tlv_names, key, "Unknown"), type, length);
        if (type == 0) return Outcome::Complete;  // the terminator: nothing more to decode
        if (length < tlv_header_length) {
            ctx.print("\n\t    ERROR: illegal length - should be >= {}", tlv_header_length);
            return Outcome::Complete;
        }
        if (left < length) return Outcome::Malformed;
        if (pdu.window(at, length).size() < length) return Outcome::Unwound;
        ByteReader value = pdu.window(at + tlv_header_length, length - tlv_header_length);
        const std::size_t value_length = value.size();
        auto wrong_length = [&](std::size_t expected) {
            ctx.print("\n\t    ERROR: illegal length - should be {}", tlv_header_length + expected);
        };
        switch (key) {
        case lacp_actor:
        case lacp_partner: {
            if (value_length != actor_partner_length) {
                wrong_length(actor_partner_length);
                break;
            }
            unsigned system_priority = value.be16();
            MacAddress system = value.mac();
            unsigned key_value = value.be16(), port_priority = value.be16(), port = value.be16(), state = value.u8();
            ctx.put("\n\t  System ");
            ctx.mac(system);
            ctx.print(", System Priority {}, Key {}, Port {}, Port Priority {}\n\t  State Flags [", system_priority,
                      key_value, port, port_priority);
            print_bit_names(ctx, state, lacp_state_flags, "none");
            ctx.put(']');
            break;
        }
        case lacp_collector:
            if (value_length != collector_length) {
                wrong_length(collector_length);
                break;
            }
            ctx.print("\n\t  Max Delay {}", value.be16());
            break;
        case marker_information: {
            if (value_length != marker_info_length) {
                wrong_length(marker_info_length);
                break;
            }
            unsigned port = value.be16();
            MacAddress system = value.mac();
            ctx.put("\n\t  Request System ");
            ctx.mac(system);
            ctx.print(", Request Port {}, Request Transaction ID 0x{:08x}", port, value.be32());
            break;
        }
        default:
            if (verbosity <= 1) dump(ctx, value, value_length, "\n\t  ");
            break;
        }
        // -vv: every TLV's value in hex as well.
        if (verbosity > 1) dump(ctx, pdu.window(at + tlv_header_length, length), length - tlv_header_length, "\n\t  ");
        at += length;
        left -= length;
    }
    return Outcome::Complete;
}

void print_oam_info(Context& ctx, ByteReader tlv) {
    ctx.print("\n\t    OAM-Version {}, Revision {}", tlv.u8_at(2), tlv.be16_at(3));
    unsigned state = tlv.u8_at(5);
    ctx.print("\n\t    State-Parser-Action {}, State-MUX-Action {}", parser_actions[state & 0x03],
              (state & 0x04) ? "discarding" : "forwarding");
    ctx.put("\n\t    OAM-Config Flags [");
    print_bit_names(ctx, tlv.u8_at(6), oam_config_flags, "none");
    std::uint32_t oui = tlv.be24_at(9);
    auto oui_text = oui_name(oui);
    ctx.print("], OAM-PDU-Config max-PDU size {}", tlv.be16_at(7) & 0x7ff);
    ctx.print("\n\t    OUI {} (0x{:06x}), Vendor-Private 0x{:08x}", oui_text.empty() ? "Unknown" : oui_text, oui,
              tlv.be32_at(12));
}

void print_link_event(Context& ctx, ByteReader tlv) {
    unsigned timestamp = tlv.be16_at(2) * 100u;
    ctx.print("\n\t    Timestamp {} ms, Errored Window {}\n\t    Errored Threshold {}\n\t    Errors {}"
              "\n\t    Error Running Total {}\n\t    Event Running Total {}",
              timestamp, be64(tlv.window(4, 8)), be64(tlv.window(12, 8)), be64(tlv.window(20, 8)),
              be64(tlv.window(28, 8)), tlv.be32_at(36));
}

// The TLV lists of Information and Event Notification PDUs: the same walk, different types.
Outcome print_oam_tlvs(Context& ctx, ByteReader pdu, std::size_t at, std::size_t left, bool events) {
    while (left != 0) {
        if (left < tlv_header_length) return Outcome::Malformed;
        ByteReader header = pdu.window(at, tlv_header_length);
        if (header.size() < tlv_header_length) return Outcome::Unwound;
        unsigned type = header.u8(), length = header.u8();
        if (events)
            ctx.print("\n\t  {} Link Event Type ({}), length {}", name_or(link_event_types, type, "Reserved"), type,
                      length);
        else
            ctx.print("\n\t  {} Information Type ({}), length {}", name_or(oam_info_types, type, "Reserved"), type,
                      length);
        if (type == 0) return Outcome::Complete;
        if (length < tlv_header_length) {
            ctx.print("\n\t    ERROR: illegal length - should be >= {}", tlv_header_length);
            return Outcome::Complete;
        }
        if (left < length) return Outcome::Malformed;
        ByteReader tlv = pdu.window(at, length);
        if (tlv.size() < length) return Outcome::Unwound;
        bool hexdump = true;
        bool decoded = events ? (type >= 1 && type <= 4) : (type == oam_info_local || type == oam_info_remote);
        if (decoded) {
            std::size_t expected = events ? link_event_length : oam_info_length;
            if (length != expected) {
                ctx.print("\n\t    ERROR: illegal length - should be {}", expected);
            } else {
                if (events)
                    print_link_event(ctx, tlv);
                else
                    print_oam_info(ctx, tlv);
                hexdump = false;
            }
        }
        if (ctx.options.verbosity > 1 || hexdump) dump(ctx, tlv, length, "\n\t  ");
        at += length;
        left -= length;
    }
    return Outcome::Complete;
}

Outcome print_oam(Context& ctx, ByteReader pdu, std::size_t left) {
    constexpr std::size_t common_header_length = 3;  // flags, code
    if (left < common_header_length) return Outcome::Malformed;
    ByteReader header = pdu.window(0, common_header_length);
    if (header.size() < common_header_length) return Outcome::Unwound;
    unsigned flags = header.be16(), code = header.u8();
    auto code_name = name_or(oam_codes, code, {});
    if (code_name.empty())
        ctx.print("\n\tCode Unknown ({}) OAM PDU, Flags [", code);
    else
        ctx.print("\n\tCode {} OAM PDU, Flags [", code_name);
    print_bit_names(ctx, flags, oam_flags, "none");
    ctx.put(']');
    std::size_t at = common_header_length;
    left -= common_header_length;
    switch (static_cast<OamCode>(code)) {
    case OamCode::Information:
        return print_oam_tlvs(ctx, pdu, at, left, false);
    case OamCode::EventNotification: {
        if (left < 2) return Outcome::Malformed;
        ByteReader sequence = pdu.window(at, 2);
        if (sequence.size() < 2) return Outcome::Unwound;
        ctx.print("\n\t  Sequence Number {}", sequence.be16());
        return print_oam_tlvs(ctx, pdu, at + 2, left - 2, true);
    }
    case OamCode::LoopbackControl: {
        if (left < 1) return Outcome::Malformed;
        ByteReader command = pdu.window(at, 1);
        if (command.size() < 1) return Outcome::Unwound;
        unsigned c = command.u8();
        ctx.print("\n\t  Command {} ({})", name_or(loopback_commands, c, "Unknown"), c);
        return Outcome::Complete;
    }
    default:
        // Variable request/response and vendor PDUs have no decoder: dumped at -v only.
        if (ctx.options.verbosity <= 1) dump(ctx, pdu.window(at, left), left, "\n\t  ");
        return Outcome::Complete;
    }
}

}  // namespace

void print_slow_protocols(Context& ctx, ByteReader pdu, std::uint32_t length) {
    const bool verbose = ctx.options.verbosity > 0;
    auto too_short = [&] { ctx.put(verbose ? "\n\t\t packet is too short" : " (packet is too short)"); };
    if (length < 1) return too_short();
    if (!pdu.has(1)) return ctx.truncated_unwind("slow");
    unsigned subtype = pdu.u8_at(0);
    // LACP and Marker carry a version after the subtype; OAM does not.
    bool versioned =
        subtype == static_cast<unsigned>(Subtype::Lacp) || subtype == static_cast<unsigned>(Subtype::Marker);
    auto name = name_or(subtype_names, subtype, {});
    if (versioned) {
        if (length < 2) return too_short();
        if (!pdu.has(2)) return ctx.truncated_unwind("slow");
        unsigned version = pdu.u8_at(1);
        if (version != supported_version) return ctx.print("{} version {} packet not supported", name, version);
        ctx.print("{}v{}, length {}", name, version, length);
    } else if (!name.empty()) {
        ctx.print("{}, length {}", name, length);
    } else {
        ctx.print("unknown ({}), length {}", subtype, length);
        return dump(ctx, pdu, length, "\n\t");
    }
    if (!verbose) return;
    Outcome end = versioned ? print_lacp_marker(ctx, pdu.window(2, pdu.size()), length - 2, subtype)
                        : print_oam(ctx, pdu.window(1, pdu.size()), length - 1);
    if (end == Outcome::Malformed) ctx.put("\n\t\t packet is too short");
    if (end == Outcome::Unwound) ctx.truncated_unwind("slow");
}

}  // namespace rawdump::print
