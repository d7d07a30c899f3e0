// MPTCP option details. Every form is recognised by its exact length (and, for the
// handshake forms, by the SYN/ACK flags), so a length that fits no form is a bad option.
#include "src/print/transport/tcp_mptcp.hpp"

#include <array>
#include <string_view>

namespace rawdump::print {
namespace {

constexpr std::uint8_t flag_syn = 0x02, flag_ack = 0x10;

enum class Subtype : std::uint8_t {
    Capable = 0, Join = 1, Dss = 2, AddAddr = 3, RemoveAddr = 4, Prio = 5, Fail = 6, FastClose = 7,
    Unknown = 8,  // every higher subtype
};

constexpr std::array<std::string_view, 9> subtype_names{
    "capable", "join", "dss", "add-addr", "rem-addr", "prio", "fail", "fast-close", "unknown",
};

constexpr std::uint8_t capable_checksum = 0x80;  // the C flag: checksums required
constexpr std::uint8_t join_backup = 0x01, prio_backup = 0x01;
constexpr std::uint8_t dss_fin = 0x10, dss_long_seq = 0x08, dss_mapping = 0x04, dss_long_ack = 0x02,
                       dss_ack = 0x01;
constexpr std::size_t header_bytes = 4;  // kind, length, subtype byte, and one byte more

// ADD_ADDR's low nibble: the draft-era version bits or RFC 8684's echo flag.
std::string_view add_addr_kind(std::uint8_t nibble) {
    switch (nibble) {
    case 0x6: return "v0-ip6";
    case 0x4: return "v0-ip4";
    case 0x1: return "v1-echo";
    case 0x0: return "v1";
    default: return "[bad version/echo]";
    }
}

std::uint64_t be64(ByteReader& r) {
    std::uint64_t high = r.be32();
    return high << 32 | r.be32();
}

bool print_capable(Context& ctx, ByteReader r, unsigned length, std::uint8_t flags) {
    bool syn_form = (length == 12 || length == 4) && (flags & flag_syn);
    bool ack_form = (length == 20 || length == 22) && (flags & (flag_syn | flag_ack)) == flag_ack;
    if (!syn_form && !ack_form) return false;
    r.skip(2);
    unsigned version = r.u8() & 0x0f;
    if (version > 1) {
        ctx.print(" Unknown Version ({})", version);
        return true;
    }
    ctx.print(" v{}", version);
    if (r.u8() & capable_checksum) ctx.put(" csum");
    if (length == 12 || length >= 20) {
        ctx.print(" {{0x{:x}", be64(r));
        if (length >= 20) ctx.print(",0x{:x}", be64(r));
        ctx.put('}');
    }
    return true;
}

bool print_join(Context& ctx, ByteReader r, unsigned length, std::uint8_t flags) {
    bool syn = length == 12 && (flags & flag_syn);
    bool syn_ack = length == 16 && (flags & (flag_syn | flag_ack)) == (flag_syn | flag_ack);
    bool ack = length == 24 && (flags & flag_ack);
    if (!syn && !syn_ack && !ack) return false;
    r.skip(2);
    std::uint8_t backup_bits = r.u8();
    std::uint8_t address_id = r.u8();
    if (length != 24) {
        if (backup_bits & join_backup) ctx.put(" backup");
        ctx.print(" id {}", address_id);
    }
    if (length == 12) {
        std::uint32_t token = r.be32();
        ctx.print(" token 0x{:x} nonce 0x{:x}", token, r.be32());
    } else if (length == 16) {
        std::uint64_t mac = be64(r);
        ctx.print(" hmac 0x{:x} nonce 0x{:x}", mac, r.be32());
    } else {
        ctx.put(" hmac 0x");
        for (int i = 0; i < 20; ++i) ctx.print("{:02x}", r.u8());
    }
    return true;
}

// Data sequence signal: an optional data ACK, an optional mapping, nothing else.
bool print_dss(Context& ctx, ByteReader r, unsigned length, std::uint8_t flags) {
    if (length < header_bytes || (flags & flag_syn)) return false;
    r.skip(3);
    std::uint8_t dss = r.u8();
    unsigned left = length - header_bytes;
    if (dss & dss_fin) ctx.put(" fin");
    // A 4- or 8-byte number, when that much is left of the option (its label is printed
    // either way, as tcpdump does before it checks).
    auto number = [&](bool wide, std::string_view label) {
        unsigned size = wide ? 8 : 4;
        ctx.put(label);
        if (left < size) return false;
        if (wide)
            ctx.print("{}", be64(r));
        else
            ctx.print("{}", r.be32());
        left -= size;
        return true;
    };
    if ((dss & dss_ack) && !number(dss & dss_long_ack, " ack ")) return false;
    if (dss & dss_mapping) {
        if (!number(dss & dss_long_seq, " seq ")) return false;
        if (left < 4) return false;
        ctx.print(" subseq {}", r.be32());
        left -= 4;
        if (left < 2) return false;
        ctx.print(" len {}", r.be16());
        left -= 2;
        if (left >= 2) {  // the checksum, when negotiated
            ctx.print(" csum 0x{:x}", r.be16());
            left -= 2;
        }
    }
    return left == 0;
}

bool print_add_addr(Context& ctx, ByteReader r, unsigned length) {
    // IPv4 or IPv6, each with or without a port and with or without an HMAC.
    constexpr std::array<unsigned, 4> ipv4_forms{8, 10, 16, 18}, ipv6_forms{20, 22, 28, 30};
    bool ipv4 = false, ipv6 = false;
    for (unsigned form : ipv4_forms) ipv4 |= length == form;
    for (unsigned form : ipv6_forms) ipv6 |= length == form;
    if (!ipv4 && !ipv6) return false;
    r.skip(2);
    ctx.print(" {}", add_addr_kind(r.u8() & 0x0f));
    ctx.print(" id {}", r.u8());
    ctx.put(' ');
    if (ipv4)
        ctx.host(r.ipv4());
    else
        ctx.host(r.ipv6());
    bool with_port = length == 10 || length == 18 || length == 22 || length == 30;
    bool with_hmac = length == 16 || length == 18 || length == 28 || length == 30;
    if (with_port) ctx.print(":{}", r.be16());
    if (with_hmac) ctx.print(" hmac 0x{:x}", be64(r));
    return true;
}

bool print_remove_addr(Context& ctx, ByteReader r, unsigned length) {
    if (length < header_bytes) return false;
    r.skip(3);
    ctx.put(" id");
    for (unsigned i = 3; i < length; ++i) ctx.print(" {}", r.u8());
    return true;
}

bool print_prio(Context& ctx, ByteReader r, unsigned length) {
    if (length != 3 && length != 4) return false;
    r.skip(2);
    ctx.put((r.u8() & prio_backup) ? " backup" : " non-backup");
    if (length == 4) ctx.print(" id {}", r.u8());
    return true;
}

// MP_FAIL: the data sequence number where the checksum failed.
bool print_fail(Context& ctx, ByteReader r, unsigned length) {
    if (length != 12) return false;
    r.skip(header_bytes);
    ctx.print(" seq {}", be64(r));
    return true;
}

// MP_FASTCLOSE: the receiver's key.
bool print_fast_close(Context& ctx, ByteReader r, unsigned length) {
    if (length != 12) return false;
    r.skip(header_bytes);
    ctx.print(" key 0x{:x}", be64(r));
    return true;
}

}  // namespace

bool print_mptcp_option(Context& ctx, ByteReader option, std::uint8_t tcp_flags) {
    auto length = static_cast<unsigned>(option.size());
    if (length < 3) return false;
    unsigned raw = option.u8_at(2) >> 4;
    auto subtype = static_cast<Subtype>(raw < static_cast<unsigned>(Subtype::Unknown) ? raw : 8u);
    ctx.print(" {} {}", length, subtype_names[static_cast<std::size_t>(subtype)]);
    switch (subtype) {
    case Subtype::Capable: return print_capable(ctx, option, length, tcp_flags);
    case Subtype::Join: return print_join(ctx, option, length, tcp_flags);
    case Subtype::Dss: return print_dss(ctx, option, length, tcp_flags);
    case Subtype::AddAddr: return print_add_addr(ctx, option, length);
    case Subtype::RemoveAddr: return print_remove_addr(ctx, option, length);
    case Subtype::Prio: return print_prio(ctx, option, length);
    case Subtype::Fail: return print_fail(ctx, option, length);
    case Subtype::FastClose: return print_fast_close(ctx, option, length);
    case Subtype::Unknown: return true;
    }
    return true;
}

}  // namespace rawdump::print
