// VRRP (print-vrrp.c of tcpdump 4.99.3). Every field is read with an unchecked GET_*, so a
// capture that ends early unwinds the packet at the first field it lacks.
#include "src/print/ip/vrrp.hpp"

#include "src/print/base/checksum.hpp"
#include "src/print/base/protocols.hpp"

namespace rawdump::print {
namespace {

constexpr std::uint8_t advertisement = 1;
constexpr std::uint8_t auth_none = 0, auth_simple = 1, auth_ah = 2;
constexpr std::size_t addresses_at = 8;
constexpr std::size_t password_length = 8;
constexpr std::uint8_t expected_ttl = 255;  // RFC 3768 5.2.3: anything else was routed

void print_auth_type(Context& ctx, std::uint8_t type) {
    switch (type) {
    case auth_none: return ctx.put("none");
    case auth_simple: return ctx.put("simple");
    case auth_ah: return ctx.put("ah");
    default: return ctx.print("#{}", type);  // tok2str's default format
    }
}

// VRRPv2 sums the message alone; VRRPv3 adds the IP pseudo-header, as TCP and UDP do.
bool checksum_ok(ByteReader message, const IpInfo& ip, unsigned version) {
    std::uint32_t sum = 0;
    if (version == 3) sum = ip.pseudo_sum(static_cast<std::uint8_t>(IpProto::Vrrp), ip.length);
    return checksum_finish(checksum_add(sum, message.all())) == 0;
}

}  // namespace

void print_vrrp(Context& ctx, ByteReader message, const IpInfo& ip) {
    auto unwind = [&] { ctx.truncated_unwind("vrrp"); };
    auto byte = [&](std::size_t at) { return message.u8_at(at); };
    ctx.put("VRRP");  // the protocol name comes before the first read
    if (!message.has(1)) return unwind();
    const unsigned version = byte(0) >> 4, type = byte(0) & 0x0f;
    ctx.print("v{}, ", version);
    if (type == advertisement)
        ctx.put("Advertisement");
    else
        ctx.print("unknown type ({})", type);
    if (ip.ttl != expected_ttl) ctx.print(", (ttl {})", ip.ttl);
    if (version < 2 || version > 3 || type != advertisement) return;
    if (!message.has(3)) return unwind();
    ctx.print(", vrid {}, prio {}", byte(1), byte(2));
    if (!message.has(5)) return unwind();
    const std::uint8_t auth_type = byte(4);
    if (version == 2) {
        ctx.put(", authtype ");
        print_auth_type(ctx, auth_type);
        if (!message.has(6)) return unwind();
        ctx.print(", intvl {}s, length {}", byte(5), ip.length);
    } else {
        if (!message.has(6)) return unwind();
        // VRRPv3's interval is 12 bits of centiseconds after 4 reserved bits.
        ctx.print(", intvl {}cs, length {}", (auth_type & 0x0f) << 8 | byte(5), ip.length);
    }
    if (ctx.options.verbosity == 0) return;

    const unsigned count = byte(3);
    // The checksum is only judged on a whole message.
    if (message.size() >= ip.length && !checksum_ok(message.window(0, ip.length), ip, version)) {
        if (!message.has(8)) return unwind();
        ctx.print(", (bad vrrp cksum {:x})", message.be16_at(6));
    }
    ctx.put(", addrs");
    if (count > 1) ctx.print("({})", count);
    ctx.put(':');
    std::size_t at = addresses_at;
    char separator = ' ';
    for (unsigned i = 0; i < count; ++i) {
        if (ip.version == 4) {
            if (!message.has_at(at, 4)) return unwind();
            ctx.put(separator);
            ctx.host(message.ipv4_at(at));
            at += 4;
        } else {
            if (!message.has_at(at, 16)) return unwind();
            ctx.put(separator);
            ctx.host(message.ipv6_at(at));
            at += 16;
        }
        separator = ',';
    }
    if (version == 2 && auth_type == auth_simple) {
        // RFC 3768 5.3.10: up to 8 bytes, NUL-padded; tcpdump reads them one by one.
        ctx.put(" auth \"");
        for (std::size_t i = 0; i < password_length; ++i) {
            if (!message.has(at + i + 1)) return unwind();
            const std::uint8_t c = byte(at + i);
            if (c == 0) break;
            print_escaped(ctx, message.window(at + i, 1));
        }
        ctx.put('"');
    }
}

}  // namespace rawdump::print
