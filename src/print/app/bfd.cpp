// BFD (print-bfd.c; draft-ietf-bfd-base-01 for version 0, RFC 5880/5881/5883/7130 for 1).
// Control packets on 3784 (single hop), 4784 (multihop) and 6784 (LAG), echo on 3785; the
// kind is the destination port's. -v spells out the 24-byte header and the authentication
// section; any read past the capture ends the packet with [|bfd].
#include <array>
#include <string_view>
#include <utility>

#include "src/print/base/hexdump.hpp"
#include "src/print/app/bfd.hpp"

namespace rawdump::print {
namespace {

constexpr std::string_view protocol = "bfd";
constexpr std::size_t header_length = 24;
constexpr std::uint8_t auth_present = 0x04;

using FlagName = std::pair<std::uint8_t, std::string_view>;
constexpr std::array<FlagName, 8> v0_flags = {{
    {0x80, "I Hear You"}, {0x40, "Demand"}, {0x20, "Poll"}, {0x10, "Final"},
    {0x08, "Control Plane Independent"}, {auth_present, "Authentication Present"},
    {0x02, "Reserved"}, {0x01, "Reserved"},
}};
constexpr std::array<FlagName, 6> v1_flags = {{
    {0x20, "Poll"}, {0x10, "Final"}, {0x08, "Control Plane Independent"},
    {auth_present, "Authentication Present"}, {0x02, "Demand"}, {0x01, "Multipoint"},
}};
constexpr std::array<std::string_view, 4> states = {"AdminDown", "Down", "Init", "Up"};
constexpr std::array<std::string_view, 9> diagnostics = {
    "No Diagnostic", "Control Detection Time Expired", "Echo Function Failed",
    "Neighbor Signaled Session Down", "Forwarding Plane Reset", "Path Down",
    "Concatenated Path Down", "Administratively Down", "Reverse Concatenated Path Down",
};

enum AuthType : unsigned { password = 1, md5 = 2, meticulous_md5 = 3, sha1 = 4, meticulous_sha1 = 5 };
constexpr std::array<std::string_view, 6> auth_names = {
    "", "Simple Password", "Keyed MD5", "Meticulous Keyed MD5", "Keyed SHA1", "Meticulous Keyed SHA1",
};
constexpr unsigned password_min = 4, password_max = 19;  // 3 header bytes + 1..16 characters
constexpr unsigned md5_section = 24, md5_digest = 16, sha1_section = 28, sha1_hash = 20;

struct Header {
    unsigned version = 0, diagnostic = 0, flags = 0, multiplier = 0, bfd_length = 0;
    std::uint32_t my_discriminator = 0, your_discriminator = 0;
    std::uint32_t min_tx = 0, min_rx = 0, min_echo = 0;
};

std::string_view port_name(std::uint16_t port) {
    switch (port) {
    case bfd_control_port: return "Control";
    case bfd_multihop_port: return "Multihop";
    default: return "Lag";
    }
}

void print_diagnostic(Context& ctx, unsigned diagnostic) {
    ctx.print("Diagnostic: {} (0x{:02x})",
              diagnostic < diagnostics.size() ? diagnostics[diagnostic] : "unknown", diagnostic);
}

// The lines both versions share after their first -v line.
void print_timers(Context& ctx, const Header& h) {
    // tcpdump multiplies in 32-bit unsigned arithmetic, so huge intervals wrap.
    std::uint32_t detection = std::uint32_t(h.multiplier * h.min_tx) / 1000;
    ctx.print("\n\tDetection Timer Multiplier: {} ({} ms Detection time), BFD Length: {}",
              h.multiplier, detection, h.bfd_length);
    ctx.print("\n\tMy Discriminator: 0x{:08x}, Your Discriminator: 0x{:08x}", h.my_discriminator,
              h.your_discriminator);
    ctx.print("\n\t  Desired min Tx Interval:    {:4} ms", h.min_tx / 1000);
    ctx.print("\n\t  Required min Rx Interval:   {:4} ms", h.min_rx / 1000);
    ctx.print("\n\t  Required min Echo Interval: {:4} ms", h.min_echo / 1000);
}

// Returns false where tcpdump would stop at the end of the capture.
bool print_hex_bytes(Context& ctx, ByteReader r, std::size_t count) {
    if (!r.has(count)) return false;
    for (std::size_t i = 0; i < count; ++i) ctx.print("{:02x}", r.u8());
    return true;
}

bool print_authentication(Context& ctx, ByteReader section) {
    // The fixed part (type, length, key ID and one more byte) must be there first.
    if (!section.has(4)) return false;
    unsigned type = section.u8();
    unsigned length = section.u8();
    unsigned key_id = section.u8();
    ctx.print("\n\tAuthentication: {} ({}), length: {}",
              type > 0 && type < auth_names.size() ? auth_names[type] : "Unknown", type, length);
    ctx.print("\n\t  Auth Key ID: {}", key_id);
    switch (type) {
    case password:
        if (length < password_min || length > password_max) {
            ctx.print("[invalid length {}]", length);
            return true;
        }
        ctx.put(", Password: ");
        for (unsigned i = 0; i < length - 3; ++i) {
            ByteReader one = section.window(3 + i, 1);
            if (one.size() == 0) return false;
            print_escaped(ctx, one);
        }
        return true;
    case md5:
    case meticulous_md5:
    case sha1:
    case meticulous_sha1: {
        const bool is_md5 = type == md5 || type == meticulous_md5;
        if (length != (is_md5 ? md5_section : sha1_section)) {
            ctx.print("[invalid length {}]", length);
            return true;
        }
        ByteReader sequence = section.window(4, 4);
        std::uint32_t number = sequence.be32();
        if (sequence.truncated()) return false;
        ctx.print(", Sequence Number: 0x{:08x}", number);
        ByteReader digest = section.window(8, section.size());
        if (!digest.has(is_md5 ? md5_digest : sha1_hash)) return false;
        ctx.put(is_md5 ? "\n\t  Digest: " : "\n\t  Hash: ");
        return print_hex_bytes(ctx, digest, is_md5 ? md5_digest : sha1_hash);
    }
    default:
        return true;
    }
}

void print_control(Context& ctx, ByteReader payload, std::uint32_t length, std::uint16_t port) {
    if (!payload.has(header_length)) return ctx.truncated_unwind(protocol);
    ByteReader r = payload;
    Header h;
    unsigned first = r.u8();
    h.version = first >> 5;
    h.diagnostic = first & 0x1f;
    h.flags = r.u8();
    h.multiplier = r.u8();
    h.bfd_length = r.u8();
    h.my_discriminator = r.be32();
    h.your_discriminator = r.be32();
    h.min_tx = r.be32();
    h.min_rx = r.be32();
    h.min_echo = r.be32();
    const bool verbose = ctx.options.verbosity >= 1;

    switch (h.version) {
    case 0:
        if (!verbose) {
            ctx.put("BFDv0, Control, Flags: ");
            print_flag_names(ctx, h.flags, v0_flags);
            ctx.print(", length: {}", length);
            return;
        }
        ctx.print("BFDv0, length: {}\n\tControl, Flags: ", length);
        print_flag_names(ctx, h.flags, v0_flags);
        break;
    case 1:
        if (!verbose) {
            ctx.print("BFDv1, {}, State {}, Flags: ", port_name(port), states[h.flags >> 6]);
            print_flag_names(ctx, h.flags & 0x3f, v1_flags);
            ctx.print(", length: {}", length);
            return;
        }
        ctx.print("BFDv1, length: {}\n\t{}, State {}, Flags: ", length, port_name(port), states[h.flags >> 6]);
        print_flag_names(ctx, h.flags & 0x3f, v1_flags);
        break;
    default:
        ctx.print("BFDv{}, Control, length: {}", h.version, length);
        if (verbose) hex_dump(ctx.out, payload.window(0, length).all());
        return;
    }
    ctx.put(", ");
    print_diagnostic(ctx, h.diagnostic);
    print_timers(ctx, h);
    if ((h.flags & auth_present) && !print_authentication(ctx, payload.window(header_length, payload.size())))
        ctx.truncated_unwind(protocol);
}

}  // namespace

bool is_bfd_port(std::uint16_t dport) noexcept {
    return dport == bfd_control_port || dport == bfd_multihop_port || dport == bfd_lag_port ||
           dport == bfd_echo_port;
}

void print_bfd(Context& ctx, ByteReader payload, std::uint32_t length, std::uint16_t dport) {
    if (dport != bfd_echo_port) return print_control(ctx, payload, length, dport);
    // Echo packets are opaque to everyone but their sender.
    ctx.print("BFD, Echo, length: {}", length);
    if (ctx.options.verbosity >= 1) hex_dump(ctx.out, payload.window(0, length).all());
}

}  // namespace rawdump::print
