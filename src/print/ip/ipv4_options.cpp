#include "src/print/ip/ipv4_options.hpp"

#include <array>
#include <utility>

namespace rawdump::print {
namespace {

enum class IpOption : std::uint8_t {
    Eol = 0, Nop = 1, Security = 130, Lsrr = 131, Timestamp = 68, RecordRoute = 7, Ssrr = 137,
    RouterAlert = 148, Traceroute = 82,
};

constexpr std::array<std::pair<IpOption, std::string_view>, 9> option_names{{
    {IpOption::Eol, "EOL"}, {IpOption::Nop, "NOP"}, {IpOption::Timestamp, "timestamp"},
    {IpOption::Security, "security"}, {IpOption::RecordRoute, "RR"}, {IpOption::Ssrr, "SSRR"},
    {IpOption::Lsrr, "LSRR"}, {IpOption::RouterAlert, "RA"}, {IpOption::Traceroute, "traceroute"},
}};

enum class TimestampFlag : std::uint8_t { TimestampOnly = 0, WithAddress = 1, Prespecified = 3 };

// RR, LSRR, SSRR: the addresses, each followed by ',' once the pointer has passed it.
bool print_route(Context& ctx, const ByteReader& b, std::size_t at, unsigned length) {
    if (length < 3) {
        ctx.print(" [bad length {}]", length);
        return true;
    }
    if ((length + 1) & 3) ctx.print(" [bad length {}]", length);
    unsigned ptr = b.u8_at(at + 2) - 1u;
    if (ptr < 3 || ((ptr + 1) & 3) || ptr > length + 1) ctx.print(" [bad ptr {}]", b.u8_at(at + 2));
    for (unsigned len = 3; len < length; len += 4) {
        if (!b.has_at(at + len, 4)) return false;
        ctx.put(' ');
        ctx.host(b.ipv4_at(at + len));
        if (ptr > len) ctx.put(',');
    }
    return true;
}

bool print_timestamps(Context& ctx, const ByteReader& b, std::size_t at, unsigned length) {
    if (length < 4) {
        ctx.print("[bad length {}]", length);
        return true;
    }
    ctx.put(" TS{");
    unsigned flags = b.u8_at(at + 3);
    unsigned hoplen = (flags & 0xf) != static_cast<unsigned>(TimestampFlag::TimestampOnly) ? 8 : 4;
    if ((length - 4) & (hoplen - 1)) ctx.print("[bad length {}]", length);
    unsigned ptr = b.u8_at(at + 2) - 1u;
    unsigned len = 0;
    if (ptr < 4 || ((ptr - 4) & (hoplen - 1)) || ptr > length + 1) ctx.print("[bad ptr {}]", b.u8_at(at + 2));
    bool known = true;
    switch (static_cast<TimestampFlag>(flags & 0xf)) {
    case TimestampFlag::TimestampOnly: ctx.put("TSONLY"); break;
    case TimestampFlag::WithAddress: ctx.put("TS+ADDR"); break;
    case TimestampFlag::Prespecified: ctx.put("PRESPEC"); break;
    default:
        ctx.print("[bad ts type {}]", flags & 0xf);
        known = false;
        break;
    }
    if (known) {
        std::string_view type = " ";
        for (len = 4; len < length; len += hoplen) {
            if (ptr == len) type = " ^ ";
            if (!b.has_at(at + len, hoplen)) return false;
            ctx.print("{}{}@", type, b.be32_at(at + len + hoplen - 4));
            if (hoplen == 8) ctx.host(b.ipv4_at(at + len));
            type = " ";
        }
    }
    if (ptr == len) ctx.put(" ^ ");
    if (flags >> 4)
        ctx.print(" [{} hops not recorded]}} ", flags >> 4);
    else
        ctx.put('}');
    return true;
}

}  // namespace

Outcome print_ipv4_options(Context& ctx, ByteReader area, unsigned length) {
    // The options are read at offsets of the area (routes and timestamps run past a short
    // option's end); has_at() decides, before a read, whether the bytes were captured.
    const ByteReader& b = area;
    std::size_t at = 0;
    std::string_view separator;
    while (length > 0) {
        ctx.put(separator);
        separator = ",";
        if (!b.has_at(at, 1)) {
            ctx.truncated_unwind("ip");
            return Outcome::Unwound;
        }
        std::uint8_t code = b.u8_at(at);
        std::string_view name;
        for (const auto& [k, n] : option_names)
            if (static_cast<std::uint8_t>(k) == code) name = n;
        if (name.empty())
            ctx.print("unknown {}", code);
        else
            ctx.put(name);
        auto option = static_cast<IpOption>(code);
        unsigned option_length = 1;
        if (option != IpOption::Nop && option != IpOption::Eol) {
            if (!b.has_at(at + 1, 1)) {
                ctx.truncated_unwind("ip");
                return Outcome::Unwound;
            }
            option_length = b.u8_at(at + 1);
            if (option_length < 2) {
                ctx.print(" [bad length {}]", option_length);
                return Outcome::Complete;
            }
        }
        if (option_length > length) {
            ctx.print(" [bad length {}]", option_length);
            return Outcome::Complete;
        }
        if (!b.has_at(at, option_length)) return Outcome::Truncated;
        switch (option) {
        case IpOption::Eol:
            return Outcome::Complete;
        case IpOption::Timestamp:
            if (!print_timestamps(ctx, b, at, option_length)) return Outcome::Truncated;
            break;
        case IpOption::RecordRoute:
        case IpOption::Ssrr:
        case IpOption::Lsrr:
            if (!print_route(ctx, b, at, option_length)) return Outcome::Truncated;
            break;
        case IpOption::RouterAlert:
            if (option_length < 4) {
                ctx.print(" [bad length {}]", option_length);
                break;
            }
            if (std::uint16_t value = b.be16_at(at + 2); value != 0) ctx.print(" value {}", value);
            break;
        default:
            break;
        }
        at += option_length;
        length -= option_length;
    }
    return Outcome::Complete;
}

}  // namespace rawdump::print
