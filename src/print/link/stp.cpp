// Spanning tree BPDUs (print-stp.c, tcpdump 4.99.3): configuration, RSTP, MSTP and SPB BPDUs
// and topology change notifications. Timers are in 1/256 s.
#include <array>
#include <utility>

#include "src/print/base/name_table.hpp"
#include "src/print/link/stp.hpp"

namespace rawdump::print {
namespace {

enum class StpVersion : std::uint8_t { Regular = 0, Rapid = 2, Multiple = 3, ShortestPath = 4 };
enum class BpduType : std::uint8_t { Config = 0x00, Rapid = 0x02, TopologyChange = 0x80 };

constexpr std::array<std::pair<std::uint8_t, std::string_view>, 4> version_names{{
    {0, "802.1d"}, {2, "802.1w"}, {3, "802.1s"}, {4, "802.1aq"},
}};
constexpr std::array<std::pair<std::uint8_t, std::string_view>, 3> type_names{{
    {0x00, "Config"}, {0x02, "Rapid STP"}, {0x80, "Topology Change"},
}};
constexpr std::array<std::pair<std::uint8_t, std::string_view>, 6> flag_names{{
    {0x01, "Topology change"}, {0x02, "Proposal"}, {0x10, "Learn"}, {0x20, "Forward"}, {0x40, "Agreement"},
    {0x80, "Topology change ACK"},
}};
constexpr std::array<std::string_view, 4> port_roles{"Unknown", "Alternate", "Root", "Designated"};

// Offsets in a BPDU.
constexpr std::size_t flags_offset = 4;
constexpr std::size_t root_id_offset = 5;
constexpr std::size_t root_cost_offset = 13;
constexpr std::size_t bridge_id_offset = 17;
constexpr std::size_t port_id_offset = 25;
constexpr std::size_t timers_offset = 27;
constexpr std::size_t v1_length_offset = 35;
constexpr std::size_t config_length = 35;  // a configuration BPDU without the v1 length byte
constexpr std::size_t rapid_length = 36;
// MSTP (802.1Q-2003 clause 14).
constexpr std::size_t mstp_minimum = 102;
constexpr std::size_t v3_length_offset = 36;
constexpr std::size_t config_name_offset = 39;
constexpr std::size_t config_digest_offset = 73;
constexpr std::size_t cist_internal_cost_offset = 89;
constexpr std::size_t cist_bridge_id_offset = 93;
constexpr std::size_t cist_hops_offset = 101;
constexpr std::size_t msti_offset = 102;
constexpr std::size_t msti_length = 16;
constexpr std::size_t mst_config_info_length = 64;
// SPB (802.1aq clause 14), from the version 4 length field.
constexpr std::size_t spb_config_name = 3;
constexpr std::size_t spb_revision = 35;
constexpr std::size_t spb_digest = 37;
constexpr std::size_t spb_agreement = 53;
constexpr std::size_t spb_format = 55;
constexpr std::size_t spb_convention = 56;
constexpr std::size_t spb_edge_count = 57;
constexpr std::size_t spb_topology_digest = 67;
constexpr std::size_t spb_minimum = 87;


void print_flags(Context& ctx, std::uint8_t flags) { print_flag_names(ctx, flags, flag_names); }

std::string_view port_role(std::uint8_t flags) { return port_roles[(flags & 0x0c) >> 2]; }

// "8001.aa:bb:cc:00:03:00": priority, then the MAC address.
void print_bridge_id(Context& ctx, ByteReader id) {
    unsigned high = id.u8();
    unsigned low = id.u8();
    ctx.print("{:02x}{:02x}.", high, low);
    for (int i = 0; i < 6; ++i) ctx.print("{}{:02x}", i ? ":" : "", id.u8());
}

void print_timers(Context& ctx, ByteReader timers) {
    auto seconds = [&] { return static_cast<double>(static_cast<float>(timers.be16()) / 256.0f); };
    double age = seconds(), max_age = seconds(), hello = seconds(), delay = seconds();
    ctx.print("\n\tmessage-age {:.2f}s, max-age {:.2f}s, hello-time {:.2f}s, forwarding-delay {:.2f}s", age,
              max_age, hello, delay);
}

// tcpdump prints a BPDU one statement at a time and stops at the first field that was not
// captured: `have` says whether [offset, offset+length) is there, and marks the cut if not.
struct Fields {
    Context& ctx;
    ByteReader bpdu;
    bool have(std::size_t offset, std::size_t length) {
        if (bpdu.has(offset + length)) return true;
        ctx.truncated_unwind("stp");
        return false;
    }
    ByteReader at(std::size_t offset, std::size_t length) const { return bpdu.window(offset, length); }
};

void print_config(Fields f, std::uint32_t length) {
    Context& ctx = f.ctx;
    if (!f.have(flags_offset, 1)) return;
    std::uint8_t flags = f.at(flags_offset, 1).u8();
    ctx.put(", Flags ");
    print_flags(ctx, flags);
    if (!f.have(bridge_id_offset, 8) || !f.have(port_id_offset, 2)) return;
    ctx.put(", bridge-id ");
    print_bridge_id(ctx, f.at(bridge_id_offset, 8));
    ctx.print(".{:04x}, length {}", f.at(port_id_offset, 2).be16(), length);
    if (ctx.options.verbosity == 0) return;
    if (!f.have(timers_offset, 8)) return;
    print_timers(ctx, f.at(timers_offset, 8));
    if (!f.have(root_id_offset, 12)) return;
    ctx.put("\n\troot-id ");
    print_bridge_id(ctx, f.at(root_id_offset, 8));
    ctx.print(", root-pathcost {}", f.at(root_cost_offset, 4).be32());
    if (static_cast<StpVersion>(f.at(2, 1).u8()) == StpVersion::Rapid)
        ctx.print(", port-role {}", port_role(flags));
}

// Up to 32 characters, stopping at a NUL (tcpdump's nd_printjnp); false when cut short.
bool print_config_name(Fields f, std::size_t offset = config_name_offset) {
    for (std::size_t i = 0; i < 32; ++i) {
        if (!f.have(offset + i, 1)) return false;
        ByteReader c = f.at(offset + i, 1);
        if (c.u8_at(0) == 0) break;
        print_escaped(f.ctx, c);
    }
    return true;
}

void print_msti(Fields f, std::size_t at) {
    Context& ctx = f.ctx;
    if (!f.have(at, 3)) return;
    std::uint8_t msti_flags = f.at(at, 1).u8();
    ctx.print("\n\tMSTI {}, Flags ", f.at(at + 1, 2).be16() & 0x0fff);
    print_flags(ctx, msti_flags);
    ctx.print(", port-role {}", port_role(msti_flags));
    if (!f.have(at + 1, 12)) return;
    ctx.put("\n\t\tMSTI regional-root-id ");
    print_bridge_id(ctx, f.at(at + 1, 8));
    ctx.print(", pathcost {}", f.at(at + 9, 4).be32());
    if (!f.have(at + 13, 3)) return;
    ctx.print("\n\t\tMSTI bridge-prio {}, port-prio {}, hops {}", f.at(at + 13, 1).u8() >> 4,
              f.at(at + 14, 1).u8() >> 4, f.at(at + 15, 1).u8());
}

void print_mstp(Fields f, std::uint32_t length) {
    Context& ctx = f.ctx;
    if (!f.have(flags_offset, 1)) return;
    std::uint8_t flags = f.at(flags_offset, 1).u8();
    ctx.put(", CIST Flags ");
    print_flags(ctx, flags);
    ctx.print(", length {}", length);
    if (ctx.options.verbosity == 0) return;
    ctx.print("\n\tport-role {}, ", port_role(flags));
    if (!f.have(root_id_offset, 12)) return;
    ctx.put("CIST root-id ");
    print_bridge_id(ctx, f.at(root_id_offset, 8));
    ctx.print(", CIST ext-pathcost {}", f.at(root_cost_offset, 4).be32());
    if (!f.have(bridge_id_offset, 8)) return;
    ctx.put("\n\tCIST regional-root-id ");
    print_bridge_id(ctx, f.at(bridge_id_offset, 8));
    ctx.put(", ");
    if (!f.have(port_id_offset, 2)) return;
    ctx.print("CIST port-id {:04x},", f.at(port_id_offset, 2).be16());
    if (!f.have(timers_offset, 8)) return;
    print_timers(ctx, f.at(timers_offset, 8));
    if (!f.have(v3_length_offset, 2)) return;
    unsigned v3_length = f.at(v3_length_offset, 2).be16();
    ctx.print("\n\tv3len {}, MCID Name ", v3_length);
    if (!print_config_name(f)) return;
    if (!f.have(config_name_offset + 32, 2) || !f.have(config_digest_offset, 16)) return;
    ByteReader digest = f.at(config_digest_offset, 16);
    ctx.print(", rev {},\n\t\tdigest ", f.at(config_name_offset + 32, 2).be16());
    for (int i = 0; i < 4; ++i) ctx.print("{:08x}", digest.be32());
    ctx.put(", ");
    if (!f.have(cist_internal_cost_offset, 4)) return;
    ctx.print("CIST int-root-pathcost {},", f.at(cist_internal_cost_offset, 4).be32());
    if (!f.have(cist_bridge_id_offset, 8)) return;
    ctx.put("\n\tCIST bridge-id ");
    print_bridge_id(ctx, f.at(cist_bridge_id_offset, 8));
    ctx.put(", ");
    if (!f.have(cist_hops_offset, 1)) return;
    ctx.print("CIST remaining-hops {}", f.at(cist_hops_offset, 1).u8());
    if (v3_length <= mst_config_info_length) return;
    std::size_t at = msti_offset;
    for (unsigned left = v3_length - mst_config_info_length; left >= msti_length; left -= msti_length) {
        print_msti(f, at);
        if (ctx.unwound) return;
        at += msti_length;
    }
}

// The SPB part of an 802.1aq BPDU (after the MSTP part, at `at`), printed only with -v. Each
// of tcpdump's statements reads all its fields before printing any, hence the checks of
// whole ranges.
void print_spb(Fields f, std::size_t at) {
    Context& ctx = f.ctx;
    if (ctx.options.verbosity == 0) return;
    if (!f.have(at, 2)) return;
    ctx.print("\n\tv4len {}, AUXMCID Name ", f.at(at, 2).be16());
    if (!print_config_name(f, at + spb_config_name)) return;
    if (!f.have(at + spb_revision, 2 + 16)) return;
    ByteReader digest = f.at(at + spb_digest, 16);
    ctx.print(", Rev {},\n\t\tdigest ", f.at(at + spb_revision, 2).be16());
    for (int i = 0; i < 4; ++i) ctx.print("{:08x}", digest.be32());
    if (!f.have(at + spb_agreement, spb_minimum - spb_agreement)) return;
    const std::uint8_t agreement = f.at(at + spb_agreement, 1).u8();
    const std::uint8_t format = f.at(at + spb_format, 1).u8();
    const std::uint8_t convention = f.at(at + spb_convention, 1).u8();
    ctx.print("\n\tAgreement num {}, Discarded Agreement num {}, Agreement valid-flag {},"
              "\n\tRestricted role-flag: {}, Format id {} cap {}, Convention id {} cap {},"
              "\n\tEdge count {}, Agreement digest ",
              agreement >> 6, agreement >> 4 & 0x3, agreement >> 3 & 0x1, agreement >> 2 & 0x1,
              format >> 4, format, convention >> 4, convention, f.at(at + spb_edge_count, 2).be16());
    ByteReader topology = f.at(at + spb_topology_digest, 20);
    for (int i = 0; i < 5; ++i) ctx.print("{:08x}", topology.be32());
}

}  // namespace

void print_stp(Context& ctx, ByteReader bpdu, std::uint32_t length) {
    if (length < 4) return ctx.put(" (invalid)");
    if (!bpdu.has(2)) return ctx.truncated_unwind("stp");
    if (bpdu.be16_at(0) != 0) return ctx.print("unknown STP version, length {}", length);
    if (!bpdu.has(3)) return ctx.truncated_unwind("stp");
    std::uint8_t version = bpdu.u8_at(2);
    auto version_name = name_of(version_names, version);
    if (version_name.empty()) return ctx.print("STP Unknown STP protocol (0x{:02x})", version);
    ctx.print("STP {}", version_name);
    if (!bpdu.has(4)) return ctx.truncated_unwind("stp");
    std::uint8_t type = bpdu.u8_at(3);
    if (auto name = name_of(type_names, type); !name.empty())
        ctx.print(", {}", name);
    else
        ctx.print(", Unknown BPDU Type (0x{:02x})", type);

    Fields f{ctx, bpdu};
    switch (static_cast<BpduType>(type)) {
    case BpduType::Config:
        if (length < config_length) return ctx.put(" (invalid)");
        return print_config(f, length);
    case BpduType::Rapid:
        if (static_cast<StpVersion>(version) == StpVersion::Rapid) {
            if (length < rapid_length) return ctx.put(" (invalid)");
            return print_config(f, length);
        }
        if (static_cast<StpVersion>(version) == StpVersion::Multiple ||
            static_cast<StpVersion>(version) == StpVersion::ShortestPath) {
            if (length < mstp_minimum) return ctx.put(" (invalid)");
            if (!f.have(v1_length_offset, 1)) return;
            if (f.at(v1_length_offset, 1).u8() != 0) return ctx.put(" (invalid)");
            if (!f.have(v3_length_offset, 2)) return;
            std::size_t v3_length = f.at(v3_length_offset, 2).be16() + 2u;
            if (length < rapid_length + v3_length) return ctx.put(" (invalid)");
            print_mstp(f, length);
            if (ctx.unwound || static_cast<StpVersion>(version) != StpVersion::ShortestPath) return;
            // 802.1aq: a version 4 length and the SPB fields follow the MSTP part.
            const std::size_t spb_at = rapid_length + v3_length;
            if (!f.have(spb_at, 2)) return;
            const std::size_t v4_length = f.at(spb_at, 2).be16() + 2u;
            if (length < spb_at + v4_length || v4_length < spb_minimum) return ctx.put(" (invalid)");
            return print_spb(f, spb_at);
        }
        return;
    default:
        return;
    }
}

}  // namespace rawdump::print
