// ICMPv6 router renumbering (RFC 2894; print-icmp6.c icmp6_rrenum_print, tcpdump 4.99.3):
// the header, then for a command its match-prefix part and use-prefix parts.
#include <array>
#include <utility>

#include "src/print/ip/icmp6_messages.hpp"

namespace rawdump::print {
namespace {

enum class RenumberingCode : std::uint8_t { Command = 0, Result = 1, SequenceReset = 255 };

constexpr std::size_t header_length = 16;
constexpr std::size_t match_part_length = 24;
constexpr std::size_t use_part_length = 32;
constexpr std::uint32_t infinite_lifetime = 0xffffffffu;

constexpr std::array<std::pair<std::uint8_t, char>, 5> header_flags{{
    {0x80, 'T'}, {0x40, 'R'}, {0x20, 'A'}, {0x10, 'S'}, {0x08, 'P'},
}};
// Decrement valid / preferred lifetime (the top bits of the use part's flags word).
constexpr std::array<std::pair<std::uint8_t, char>, 2> use_flags{{{0x80, 'V'}, {0x40, 'P'}}};

constexpr std::array<std::pair<std::uint8_t, std::string_view>, 3> match_operations{{
    {1, "add"}, {2, "change"}, {3, "setglobal"},
}};

// Prefixes are printed numerically even without -n (tcpdump uses addrtostr6 here).
void print_prefix(Context& ctx, ByteReader bytes) { append_numeric(ctx.out, bytes.ipv6()); }

void print_separator(Context& ctx) { ctx.put(ctx.options.verbosity > 1 ? "\n\t" : " "); }

void print_lifetime(Context& ctx, std::string_view name, std::uint32_t value) {
    if (value == infinite_lifetime)
        ctx.print("{}=infty,", name);
    else
        ctx.print("{}={},", name, value);
}

// "use(mask=0x0,raflags=0x0,vltime=2592000,pltime=604800,3ffe:501:fffe::/48/16)".
void print_use_part(Context& ctx, ByteReader use) {
    unsigned use_length = use.u8(), keep_length = use.u8(), ra_mask = use.u8(), ra_flags = use.u8();
    std::uint32_t valid = use.be32(), preferred = use.be32();
    unsigned flags = use.u8();
    use.skip(3);
    print_separator(ctx);
    ctx.put("use(");
    if (flags) {
        for (const auto& [bit, letter] : use_flags)
            if (flags & bit) ctx.put(letter);
        ctx.put(',');
    }
    if (ctx.options.verbosity > 0) {
        ctx.print("mask=0x{:x},raflags=0x{:x},", ra_mask, ra_flags);
        print_lifetime(ctx, "vltime", valid);
        print_lifetime(ctx, "pltime", preferred);
    }
    print_prefix(ctx, use);
    ctx.print("/{}/{})", use_length, keep_length);
}

}  // namespace

void print_icmp6_router_renumbering(Context& ctx, ByteReader message) {
    ByteReader header = message.window(0, header_length);
    if (header.size() < header_length) return ctx.truncated("icmp6");
    header.skip(1);
    unsigned code = header.u8();
    header.skip(2);
    std::uint32_t sequence = header.be32();
    unsigned segment = header.u8(), flags = header.u8(), max_delay = header.be16();
    std::uint32_t reserved = header.be32();

    switch (static_cast<RenumberingCode>(code)) {
    case RenumberingCode::Command:
        ctx.put(", command");
        break;
    case RenumberingCode::Result:
        ctx.put(", result");
        break;
    case RenumberingCode::SequenceReset:
        ctx.put(", sequence number reset");
        break;
    default:
        ctx.print(", code-#{}", code);
        break;
    }
    ctx.print(", seq={}", sequence);
    if (ctx.options.verbosity > 0) {
        ctx.put('[');
        if (flags) {
            for (const auto& [bit, letter] : header_flags)
                if (flags & bit) ctx.put(letter);
            ctx.put(',');
        }
        ctx.print("seg={},maxdelay={}", segment, max_delay);
        if (reserved) ctx.print("rsvd=0x{:x}", reserved);
        ctx.put(']');
    }
    if (static_cast<RenumberingCode>(code) != RenumberingCode::Command) return;

    ByteReader match = message.window(header_length, match_part_length);
    if (match.size() < match_part_length) return ctx.truncated("icmp6");
    unsigned operation = match.u8(), part_units = match.u8(), ordinal = match.u8(), match_length = match.u8();
    unsigned minimum = match.u8(), maximum = match.u8();
    match.skip(2);
    print_separator(ctx);
    ctx.put("match(");
    std::string_view operation_name;
    for (const auto& [k, n] : match_operations)
        if (k == operation) operation_name = n;
    if (operation_name.empty())
        ctx.print("#{}", operation);
    else
        ctx.put(operation_name);
    if (ctx.options.verbosity > 0) ctx.print(",ord={},min={},max={}", ordinal, minimum, maximum);
    ctx.put(',');
    print_prefix(ctx, match);
    ctx.print("/{})", match_length);

    // The part length counts 8-byte units: 3 for the match part, 4 for each use part.
    int use_units = static_cast<int>(part_units) - 3;
    if (use_units % 4 != 0) return ctx.truncated("icmp6");
    std::size_t at = header_length + match_part_length;
    for (int i = 0; i < use_units / 4; ++i, at += use_part_length) {
        ByteReader use = message.window(at, use_part_length);
        if (use.size() < use_part_length) return ctx.truncated("icmp6");
        print_use_part(ctx, use);
    }
}

}  // namespace rawdump::print
