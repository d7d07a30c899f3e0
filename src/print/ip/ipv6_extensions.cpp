#include "src/print/ip/ipv6_extensions.hpp"

namespace rawdump::print {
namespace {

enum class Ip6Option : std::uint8_t { Pad1 = 0, PadN = 1, Jumbo = 0xc2, RouterAlert = 0x05, HomeAddress = 0xc9 };

constexpr unsigned router_alert_length = 4, jumbo_length = 6, home_address_min_length = 18, option_min_length = 2;

enum class RoutingType : std::uint8_t { SourceRoute = 0, Mobile = 2, SegmentRouting = 4 };

// The options' text is only produced under -v; without it they are still walked (a bad
// option still truncates the line, and the jumbo option still sets the length). What ends the
// walk early (a cut or invalid option) is reported either way.
class MaybeOutput {
public:
    MaybeOutput(Context& ctx, bool verbose) : ctx_(ctx), verbose_(verbose) {}
    void put(std::string_view s) {
        if (verbose_) ctx_.put(s);
    }
    void put(char c) {
        if (verbose_) ctx_.put(c);
    }
    template <typename... Args>
    void print(fmt::format_string<Args...> format, Args&&... args) {
        if (verbose_) ctx_.print(format, std::forward<Args>(args)...);
    }
    void host(const Ipv6Address& a) {
        if (verbose_) ctx_.host(a);
    }
    // Why the walk stopped: shown in every mode.
    template <typename... Args>
    bool problem(fmt::format_string<Args...> format, Args&&... args) {
        ctx_.print(format, std::forward<Args>(args)...);
        return false;
    }

private:
    Context& ctx_;
    bool verbose_;
};

// The option list (ip6_opt_process); false when it ran out. Records a valid jumbo payload
// length (only in a hop-by-hop header of a packet whose payload length is 0).
bool walk_options(MaybeOutput ctx, ByteReader opts, unsigned len, bool hop_by_hop, std::uint32_t payload_length,
                  std::optional<std::uint32_t>& found_jumbo) {
    bool seen_jumbo = false;
    unsigned optlen = 0;
    for (unsigned i = 0; i < len; i += optlen) {
        unsigned type = opts.u8_at(i);
        if (type == static_cast<unsigned>(Ip6Option::Pad1)) {
            optlen = 1;
        } else {
            if (i + 1 >= len) return false;
            optlen = opts.u8_at(i + 1) + 2u;
        }
        if (i + optlen > len) return false;
        unsigned declared = opts.u8_at(i + 1);
        switch (static_cast<Ip6Option>(type)) {
        case Ip6Option::Pad1:
            ctx.put("(pad1)");
            break;
        case Ip6Option::PadN:
            if (len - i < option_min_length) {
                return ctx.problem("(padn: trunc)");
            }
            ctx.put("(padn)");
            break;
        case Ip6Option::RouterAlert:
            if (len - i < router_alert_length) {
                return ctx.problem("(rtalert: trunc)");
            }
            if (declared != router_alert_length - 2) {
                return ctx.problem("(rtalert: invalid len {})", declared);
            }
            ctx.print("(rtalert: 0x{:04x}) ", opts.be16_at(i + 2));
            break;
        case Ip6Option::Jumbo: {
            if (len - i < jumbo_length) {
                return ctx.problem("(jumbo: trunc)");
            }
            if (declared != jumbo_length - 2) {
                return ctx.problem("(jumbo: invalid len {})", declared);
            }
            std::uint32_t jumbo = opts.be32_at(i + 2);
            if (seen_jumbo)
                ctx.print("(jumbo: {} - already seen) ", jumbo);
            else if (!hop_by_hop)
                ctx.print("(jumbo: {} - not a hop-by-hop option) ", jumbo);
            else if (payload_length != 0)
                ctx.print("(jumbo: {} - payload len != 0) ", jumbo);
            else if (jumbo < 65536)
                ctx.print("(jumbo: {} - < 65536) ", jumbo);
            else
                ctx.print("(jumbo: {}) ", jumbo), found_jumbo = jumbo;
            seen_jumbo = true;
            break;
        }
        case Ip6Option::HomeAddress:
            if (len - i < home_address_min_length) {
                return ctx.problem("(homeaddr: trunc)");
            }
            if (declared < home_address_min_length - 2) {
                return ctx.problem("(homeaddr: invalid len {})", declared);
            }
            ctx.put("(homeaddr: ");
            ctx.host(opts.ipv6_at(i + 2));
            ctx.put(')');
            break;
        default:
            if (len - i < option_min_length) {
                return ctx.problem("(type {}: trunc)", type);
            }
            ctx.print("(opt_type 0x{:02x}: len={})", type, declared);
            break;
        }
    }
    return true;
}

}  // namespace

std::optional<unsigned> print_option_header(Context& ctx, ByteReader header, bool hop_by_hop,
                                            std::uint32_t payload_length, std::optional<std::uint32_t>& found_jumbo) {
    std::string_view protocol = hop_by_hop ? "hbhopt" : "dstopt";
    if (!header.has(2)) {
        ctx.truncated_unwind(protocol);
        return std::nullopt;
    }
    unsigned length = (header.u8_at(1) + 1u) * 8;
    if (!header.has(length)) {
        ctx.truncated(protocol);
        return std::nullopt;
    }
    ctx.put(hop_by_hop ? "HBH " : "DSTOPT ");
    bool verbose = ctx.options.verbosity > 0;
    // Hop-by-hop options are always walked (a jumbo option sets the length); destination
    // options only to be shown, under -v.
    if ((hop_by_hop || verbose) && !walk_options(MaybeOutput(ctx, verbose), header.window(2, length - 2), length - 2, hop_by_hop,
                      payload_length, found_jumbo)) {
        ctx.truncated(protocol);
        return std::nullopt;
    }
    if (verbose) ctx.put(' ');
    return length;
}

std::optional<unsigned> print_fragment_header(Context& ctx, ByteReader header, std::uint64_t fragment_payload) {
    ByteReader r = header;
    r.skip(2);
    unsigned offset = r.be16() & 0xfff8;
    // The identification is read only to be shown (-v): without it, a header cut after the
    // offset is enough.
    std::uint32_t id = ctx.options.verbosity > 0 ? r.be32() : 0;
    if (r.truncated()) {
        ctx.truncated_unwind("frag6");
        return std::nullopt;
    }
    if (ctx.options.verbosity > 0)
        ctx.print("frag (0x{:08x}:{}|{})", id, offset, fragment_payload);
    else
        ctx.print("frag ({}|{})", offset, fragment_payload);
    if (offset != 0) return std::nullopt;  // a later fragment: nothing more to decode
    ctx.put(' ');
    return 8u;
}

std::optional<unsigned> print_routing_header(Context& ctx, ByteReader header, Ipv6Address& final_destination) {
    ByteReader r = header;
    unsigned len = r.u8_at(1);
    auto unwind = [&] {
        ctx.truncated_unwind("rt6");
        return std::nullopt;
    };
    ctx.put("RT6");  // before its length is read
    if (!header.has(2)) return unwind();
    ctx.print(" (len={}", len);
    if (!header.has(3)) return unwind();
    unsigned type = header.u8_at(2);
    ctx.print(", type={}", type);
    if (type == static_cast<unsigned>(RoutingType::SourceRoute)) ctx.put(" [Deprecated]");
    if (!header.has(4)) return unwind();
    ctx.print(", segleft={}", header.u8_at(3));
    switch (static_cast<RoutingType>(type)) {
    case RoutingType::SourceRoute:
    case RoutingType::Mobile: {
        // The reserved word is shown under -v, and without it when it is not zero.
        if (!header.has(8)) return unwind();
        if (const std::uint32_t reserved = header.be32_at(4); ctx.options.verbosity > 0 || reserved != 0)
            ctx.print(", rsv=0x{:x}", reserved);
        if (len % 2 == 1) {
            ctx.print(" (invalid length {}) (invalid)", len);
            return std::nullopt;
        }
        for (unsigned i = 0; i < len / 2; ++i) {
            if (!header.has(8 + 16 * (i + 1))) return unwind();
            ctx.print(", [{}]", i);
            final_destination = header.ipv6_at(8 + 16 * i);
            ctx.host(final_destination);
        }
        break;
    }
    case RoutingType::SegmentRouting: {
        // Each field is printed as soon as it is read.
        if (!header.has(5)) return unwind();
        unsigned last = header.u8_at(4);
        ctx.print(", last-entry={}", last);
        // The flags are shown under -v, and without it when any is set.
        if (!header.has(6)) return unwind();
        if (const unsigned flags = header.u8_at(5); ctx.options.verbosity > 0 || flags != 0)
            ctx.print(", flags=0x{:x}", flags);
        if (!header.has(8)) return unwind();
        ctx.print(", tag={:x}", header.be16_at(6));
        if (len % 2 == 1) {
            ctx.print(" (invalid length {}) (invalid)", len);
            return std::nullopt;
        }
        // The segments the header's length holds, up to the last entry.
        for (unsigned i = 0; i <= last && i < len / 2; ++i) {
            if (!header.has(8 + 16 * (i + 1))) return unwind();
            ctx.print(", [{}]", i);
            Ipv6Address segment = header.ipv6_at(8 + 16 * i);
            if (i == 0) final_destination = segment;  // segment 0 is the last one visited
            ctx.host(segment);
        }
        break;
    }
    default:
        ctx.put(" (unknown type) (invalid)");
        return std::nullopt;
    }
    // The whole header, as its length says, must have been captured (segments past the
    // last entry included) before it is closed.
    if (!header.has((len + 1) * 8u)) return unwind();
    ctx.put(") ");
    return (len + 1) * 8;
}

}  // namespace rawdump::print
