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

// Random access into the option area with tcpdump's two failure modes.
class OptionBytes {
public:
    explicit OptionBytes(ByteReader area) : area_(area) {}
    bool has(std::size_t offset, std::size_t n) const { return offset + n <= area_.size(); }
    std::uint8_t u8(std::size_t offset) const { return area_.window(offset, 1).u8(); }
    std::uint16_t be16(std::size_t offset) const { return area_.window(offset, 2).be16(); }
    std::uint32_t be32(std::size_t offset) const { return area_.window(offset, 4).be32(); }
    Ipv4Address address(std::size_t offset) const {
        Ipv4Address a;
        ByteReader r = area_.window(offset, 4);
        for (auto& b : a.bytes) b = r.u8();
        return a;
    }

private:
    ByteReader area_;
};

// RR, LSRR, SSRR: the addresses, each followed by ',' once the pointer has passed it.
bool print_route(Context& ctx, const OptionBytes& b, std::size_t at, unsigned length) {
    if (length < 3) {
        ctx.print(" [bad length {}]", length);
        return true;
    }
    if ((length + 1) & 3) ctx.print(" [bad length {}]", length);
    unsigned ptr = b.u8(at + 2) - 1u;
    if (ptr < 3 || ((ptr + 1) & 3) || ptr > length + 1) ctx.print(" [bad ptr {}]", b.u8(at + 2));
    for (unsigned len = 3; len < length; len += 4) {
        if (!b.has(at + len, 4)) return false;
        ctx.put(' ');
        ctx.host(b.address(at + len));
        if (ptr > len) ctx.put(',');
    }
    return true;
}

bool print_timestamps(Context& ctx, const OptionBytes& b, std::size_t at, unsigned length) {
    if (length < 4) {
        ctx.print("[bad length {}]", length);
        return true;
    }
    ctx.put(" TS{");
    unsigned flags = b.u8(at + 3);
    unsigned hoplen = (flags & 0xf) != static_cast<unsigned>(TimestampFlag::TimestampOnly) ? 8 : 4;
    if ((length - 4) & (hoplen - 1)) ctx.print("[bad length {}]", length);
    unsigned ptr = b.u8(at + 2) - 1u;
    unsigned len = 0;
    if (ptr < 4 || ((ptr - 4) & (hoplen - 1)) || ptr > length + 1) ctx.print("[bad ptr {}]", b.u8(at + 2));
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
            if (!b.has(at + len, hoplen)) return false;
            ctx.print("{}{}@", type, b.be32(at + len + hoplen - 4));
            if (hoplen == 8) ctx.host(b.address(at + len));
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

OptionsEnd print_ipv4_options(Context& ctx, ByteReader area, unsigned length) {
    OptionBytes b(area);
    std::size_t at = 0;
    std::string_view separator;
    while (length > 0) {
        ctx.put(separator);
        separator = ",";
        if (!b.has(at, 1)) {
            ctx.truncated_unwind("ip");
            return OptionsEnd::Unwound;
        }
        std::uint8_t code = b.u8(at);
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
            if (!b.has(at + 1, 1)) {
                ctx.truncated_unwind("ip");
                return OptionsEnd::Unwound;
            }
            option_length = b.u8(at + 1);
            if (option_length < 2) {
                ctx.print(" [bad length {}]", option_length);
                return OptionsEnd::Complete;
            }
        }
        if (option_length > length) {
            ctx.print(" [bad length {}]", option_length);
            return OptionsEnd::Complete;
        }
        if (!b.has(at, option_length)) return OptionsEnd::Truncated;
        switch (option) {
        case IpOption::Eol:
            return OptionsEnd::Complete;
        case IpOption::Timestamp:
            if (!print_timestamps(ctx, b, at, option_length)) return OptionsEnd::Truncated;
            break;
        case IpOption::RecordRoute:
        case IpOption::Ssrr:
        case IpOption::Lsrr:
            if (!print_route(ctx, b, at, option_length)) return OptionsEnd::Truncated;
            break;
        case IpOption::RouterAlert:
            if (option_length < 4) {
                ctx.print(" [bad length {}]", option_length);
                break;
            }
            if (std::uint16_t value = b.be16(at + 2); value != 0) ctx.print(" value {}", value);
            break;
        default:
            break;
        }
        at += option_length;
        length -= option_length;
    }
    return OptionsEnd::Complete;
}

}  // namespace rawdump::print
