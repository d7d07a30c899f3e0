// ICMPv6 (print-icmp6.c, tcpdump 4.99.3 wording): echo, the error messages, neighbour
// discovery with its options, MLD, mobility; node information and router renumbering are in
// files of their own (icmp6_messages.hpp).
#include <array>
#include <utility>

#include "src/print/base/checksum.hpp"
#include "src/print/app/dns_message.hpp"
#include "src/print/base/hexdump.hpp"
#include "src/print/ip/icmp6_messages.hpp"
#include "src/print/base/protocols.hpp"
#include "src/print/ip/icmp6.hpp"

namespace rawdump::print {
namespace {

enum class Icmp6Type : std::uint8_t {
    DestinationUnreachable = 1, PacketTooBig = 2, TimeExceeded = 3, ParameterProblem = 4,
    EchoRequest = 128, EchoReply = 129, ListenerQuery = 130, ListenerReport = 131, ListenerDone = 132,
    RouterSolicit = 133, RouterAdvert = 134, NeighborSolicit = 135, NeighborAdvert = 136, Redirect = 137,
    RouterRenumbering = 138, NodeInformationQuery = 139, NodeInformationReply = 140,
    InverseNeighborSolicit = 141, InverseNeighborAdvert = 142, ListenerReportV2 = 143,
    HomeAgentDiscoveryRequest = 144, HomeAgentDiscoveryReply = 145, MobilePrefixSolicit = 146,
    MobilePrefixAdvert = 147, Rpl = 155,
};

// print-icmp6.c icmp6_type_values (139 and 140 keep their KAME names).
constexpr std::array<std::pair<std::uint8_t, std::string_view>, 27> icmp6_names{{
    {1, "destination unreachable"}, {2, "packet too big"}, {3, "time exceeded in-transit"},
    {4, "parameter problem"}, {128, "echo request"}, {129, "echo reply"},
    {130, "multicast listener query"}, {131, "multicast listener report"},
    {132, "multicast listener done"}, {133, "router solicitation"}, {134, "router advertisement"},
    {135, "neighbor solicitation"}, {136, "neighbor advertisement"}, {137, "redirect"},
    {138, "router renumbering"}, {139, "who-are-you request"}, {140, "who-are-you reply"},
    {141, "inverse neighbor solicitation"}, {142, "inverse neighbor advertisement"},
    {143, "multicast listener report v2"}, {144, "ha discovery request"},
    {145, "ha discovery reply"}, {146, "mobile router solicitation"},
    {147, "mobile router advertisement"}, {155, "RPL"}, {200, "mtrace response"}, {201, "mtrace message"},
}};

struct Icmp6Header {
    std::uint8_t type = 0, code = 0;
    std::uint16_t checksum = 0, id = 0, sequence = 0;
};

std::string_view type_name(std::uint8_t type) {
    for (const auto& [k, n] : icmp6_names)
        if (k == type) return n;
    return {};
}

}  // namespace

namespace {

enum class NdOption : std::uint8_t {
    SourceLinkAddress = 1, TargetLinkAddress = 2, PrefixInformation = 3, RedirectedHeader = 4, Mtu = 5,
    AdvertisementInterval = 7, HomeAgentInformation = 8, RouteInformation = 24, RecursiveDns = 25,
    DnsSearchList = 31,
};

constexpr std::array<std::pair<NdOption, std::string_view>, 10> nd_option_names{{
    {NdOption::SourceLinkAddress, "source link-address"}, {NdOption::TargetLinkAddress, "destination link-address"},
    {NdOption::PrefixInformation, "prefix info"}, {NdOption::RedirectedHeader, "redirected header"},
    {NdOption::Mtu, "mtu"}, {NdOption::AdvertisementInterval, "advertisement interval"},
    {NdOption::HomeAgentInformation, "homeagent information"}, {NdOption::RouteInformation, "route info"},
    {NdOption::RecursiveDns, "rdnss"}, {NdOption::DnsSearchList, "dnssl"},
}};

// Router preference (RFC 4191) as tcpdump names it.
constexpr std::array<std::string_view, 4> preferences{"medium", "high", "rsv", "low"};

void print_lifetime(Context& ctx, std::uint32_t seconds) {
    if (seconds == 0xffffffffu)
        ctx.put("infinity");
    else
        ctx.print("{}s", seconds);
}

// The prefix-information option: read as a full 32-byte option whatever its length says (a
// short one is then "badlen"), so the prefix may come from the bytes after it.
bool print_prefix_information(Context& ctx, ByteReader options, std::size_t at, unsigned units) {
    constexpr std::array<std::pair<std::uint32_t, std::string_view>, 3> prefix_flags{{
        {0x80, "onlink"}, {0x40, "auto"}, {0x20, "router"},
    }};
    constexpr std::size_t prefix_option_length = 32;
    if (!options.has(at + prefix_option_length)) return false;
    ByteReader r = options.window(at + 2, prefix_option_length - 2);
    unsigned prefix_length = r.u8();
    unsigned flags = r.u8();
    std::uint32_t valid = r.be32(), preferred = r.be32();
    r.skip(4);
    ctx.host(r.ipv6());
    ctx.print("/{}{}, Flags ", prefix_length, units != 4 ? "badlen" : "");
    print_flag_names(ctx, flags, prefix_flags);
    ctx.put(", valid time ");
    print_lifetime(ctx, valid);
    ctx.put(", pref. time ");
    print_lifetime(ctx, preferred);
    return true;
}

// The DNS search list option: its lifetime, then the names.
bool print_dns_search_list(Context& ctx, ByteReader options, std::size_t at, std::size_t length) {
    ctx.print(" lifetime {}s, domain(s):", options.be32_at(at + 4));
    // The names are DNS names (RFC 8106 5.2) walked as the DNS printer walks them:
    // escaped labels, and compression pointers counted from the option's first byte,
    // which may reach past the option to the end of the message.
    dns::Message option{ctx, options.window(at, options.size()), DnsFlavor::Unicast};
    constexpr std::size_t names_offset = 8;  // type, length, reserved, lifetime
    std::size_t name = names_offset;
    while (name < length && option.u8(name) != 0) {
        ctx.put(' ');
        dns::Position next = dns::print_name(option, name);
        if (!next) return false;
        name = *next;
    }
    return true;
}

// One neighbour-discovery option of a type tcpdump decodes, its `units` of 8 bytes all
// captured at `at`; false when what it points to ran out.
bool print_nd_option(Context& ctx, NdOption type, ByteReader options, std::size_t at, unsigned units) {
    const std::size_t length = units * 8u;
    ByteReader body = options.window(at + 2, length - 2);
    switch (type) {
    case NdOption::SourceLinkAddress:
    case NdOption::TargetLinkAddress:
        for (std::size_t i = 0; i < body.size(); ++i) {
            if (i) ctx.put(':');
            ctx.print("{:02x}", body.u8_at(i));
        }
        return true;
    case NdOption::PrefixInformation:
        return print_prefix_information(ctx, options, at, units);
    case NdOption::Mtu:
        ctx.print(" {}{}", body.be32_at(2), units != 1 ? "bad option length" : "");
        return true;
    case NdOption::RecursiveDns: {
        ctx.print(" lifetime {}s,", body.be32_at(2));
        for (unsigned i = 0; i < (units - 1) / 2; ++i) {
            ctx.put(" addr: ");
            ctx.host(body.ipv6_at(6 + 16 * i));
        }
        return true;
    }
    case NdOption::RedirectedHeader:
        hex_dump(ctx.out, options.window(at, length).all(), "\n\t    ");
        return true;
    case NdOption::AdvertisementInterval:
        ctx.print(" {}ms", body.be32_at(2));
        return true;
    case NdOption::HomeAgentInformation:
        ctx.print(" preference {}, lifetime {}", body.be16_at(2), body.be16_at(4));
        return true;
    case NdOption::RouteInformation: {
        unsigned prefix_length = body.u8_at(0);
        unsigned flags = body.u8_at(1);
        Ipv6Address prefix;  // only as many bytes as the option carries, the rest zero
        ByteReader bytes = body.window(6, units > 1 ? (units - 1) * 8u : 0);
        for (std::size_t i = 0; i < prefix.bytes.size() && i < bytes.size(); ++i)
            prefix.bytes[i] = bytes.u8_at(i);
        ctx.put(' ');
        ctx.host(prefix);
        ctx.print("/{}, pref={}, lifetime={}s", prefix_length, preferences[(flags >> 3) & 3],
                  body.be32_at(2));
        return true;
    }
    case NdOption::DnsSearchList:
        return print_dns_search_list(ctx, options, at, length);
    }
    return true;
}

// Neighbour-discovery options (icmp6_opt_print), each on its own line; -vv adds a hex dump
// of the option body. False when they ran out.
bool print_nd_options(Context& ctx, ByteReader options) {
    std::size_t at = 0;
    while (at < options.size()) {
        if (!options.has(at + 2)) return false;
        unsigned type = options.u8_at(at);
        unsigned units = options.u8_at(at + 1);
        std::size_t length = units * 8u;
        if (units == 0 || !options.has(at + length)) return false;
        std::string_view name;
        for (const auto& [k, n] : nd_option_names)
            if (static_cast<unsigned>(k) == type) name = n;
        ctx.print("\n\t  {} option ({}), length {} ({}): ", name.empty() ? "unknown" : name, type, length, units);
        ByteReader body = options.window(at + 2, length - 2);
        if (!name.empty()) {
            if (!print_nd_option(ctx, static_cast<NdOption>(type), options, at, units)) return false;
        } else if (ctx.options.verbosity <= 1) {
            hex_dump(ctx.out, body.all(), "\n\t  ");
            return true;
        }
        if (ctx.options.verbosity > 1) hex_dump(ctx.out, body.all(), "\n\t    ");
        at += length;
    }
    return true;
}

// MLDv1 query/report/done: "max resp delay: D addr: A" (tcpdump prints it without a
// separator after the type name).
void print_mld(Context& ctx, ByteReader message) {
    ctx.print("max resp delay: {} addr: ", message.be16_at(4));
    ctx.host(message.ipv6_at(8));
}

// MLDv2 query (RFC 3810 5.1): codes for the delay and interval use a float form above 127.
// Fields are printed as they are read; the first one not captured ends the line (unwinding).
void print_mldv2_query(Context& ctx, ByteReader message, std::uint32_t length) {
    if (length < 28) return ctx.print(" [invalid len {}]", length);
    auto have = [&](std::size_t end) {
        if (message.has(end)) return true;
        ctx.truncated_unwind("icmp6");
        return false;
    };
    if (!have(6)) return;
    unsigned code = message.be16_at(4);
    unsigned delay = code < 32768 ? code : ((code & 0x0fff) | 0x1000) << (((code & 0x7000) >> 12) + 3);
    bool verbose = ctx.options.verbosity > 0;
    if (verbose) ctx.print(" [max resp delay={}]", delay);
    if (!have(24)) return;
    ctx.put(" [gaddr ");
    ctx.host(message.ipv6_at(8));
    if (verbose) {
        if (!have(25)) return;
        unsigned flags = message.u8_at(24);
        if (flags & 0x08) ctx.put(" sflag");
        if (flags & 0x07) ctx.print(" robustness={}", flags & 0x07);
        if (!have(26)) return;
        unsigned qqic = message.u8_at(25);
        unsigned qqi = qqic < 128 ? qqic : ((qqic & 0x0f) | 0x10) << (((qqic & 0x70) >> 4) + 3);
        ctx.print(" qqi={}", qqi);
    }
    if (!have(28)) return;
    unsigned sources = message.be16_at(26);
    if (sources > 0) {
        if (length < 28 + sources * 16u) {
            ctx.put(" [invalid number of sources]");
        } else if (ctx.options.verbosity > 1) {
            ctx.put(" {");
            for (unsigned i = 0; i < sources; ++i) {
                if (!have(28 + 16 * (i + 1))) return;
                ctx.put(' ');
                ctx.host(message.ipv6_at(28 + 16 * i));
            }
            ctx.put(" }");
        } else {
            ctx.print(", {} source(s)", sources);
        }
    }
    ctx.put(']');
}

// MLDv2 report: the group records under -v (their sources from -vv), printed as they are
// read; the first field not captured ends the line (unwinding).
void print_mldv2_report(Context& ctx, ByteReader message, std::uint32_t length) {
    constexpr std::array<std::string_view, 6> record_types{"is_in", "is_ex", "to_in", "to_ex", "allow", "block"};
    if (length < 8) return ctx.print(" [invalid len {}]", length);
    auto have = [&](std::size_t end) {
        if (message.has(end)) return true;
        ctx.truncated_unwind("icmp6");
        return false;
    };
    if (!have(8)) return;
    unsigned groups = message.be16_at(6);
    ctx.print(", {} group record(s)", groups);
    if (ctx.options.verbosity == 0) return;
    std::size_t at = 8;
    for (unsigned i = 0; i < groups; ++i) {
        if (length < at + 20) return ctx.put(" [invalid number of groups]");
        if (!have(at + 20)) return;
        ctx.put(" [gaddr ");
        ctx.host(message.ipv6_at(at + 4));
        unsigned type = message.u8_at(at);
        if (type >= 1 && type <= record_types.size())
            ctx.print(" {}", record_types[type - 1]);
        else
            ctx.print("  [v2-report-#{}]", type);
        unsigned sources = message.be16_at(at + 2);
        if (length < at + 20 + sources * 16u) return ctx.print(" [invalid number of sources {}]", sources);
        if (ctx.options.verbosity == 1) {
            ctx.print(", {} source(s)", sources);
        } else {
            ctx.put(" {");
            for (unsigned j = 0; j < sources; ++j) {
                if (!have(at + 20 + 16 * (j + 1))) return;
                ctx.put(' ');
                ctx.host(message.ipv6_at(at + 20 + 16 * j));
            }
            ctx.put(" }");
        }
        at += 20 + sources * 16u;
        ctx.put(']');
    }
}

// The transport header quoted in an error message: the protocol after any extension
// headers, and its destination port.
struct QuotedTransport {
    std::uint8_t protocol = 0;
    std::uint16_t dport = 0;
    bool found = false;
};

QuotedTransport quoted_transport(ByteReader quoted) {
    // tcpdump's get_upperlayer: only TCP and UDP count, and every header is checked before
    // it is read (each step moves forward, so the capture ends the walk).
    QuotedTransport t;
    if (!quoted.has(7)) return t;
    std::uint8_t next = quoted.u8_at(6);
    std::size_t at = 40;
    for (;;) {
        switch (static_cast<IpProto>(next)) {
        case IpProto::Tcp:
        case IpProto::Udp:
            if (!quoted.has(at + 4)) return t;
            t.protocol = next;
            t.dport = quoted.be16_at(at + 2);
            t.found = true;
            return t;
        case IpProto::HopOptions:
        case IpProto::DestOptions:
        case IpProto::Routing: {
            if (!quoted.has(at + 2)) return t;
            std::uint8_t following = quoted.u8_at(at);
            at += (quoted.u8_at(at + 1) + 1u) * 8;
            next = following;
            continue;
        }
        case IpProto::Fragment:
            if (!quoted.has(at + 4)) return t;
            if ((quoted.be16_at(at + 2) & 0xfff8) != 0) return t;  // not the first fragment
            next = quoted.u8_at(at);
            at += 8;
            continue;
        case IpProto::Ah: {
            if (!quoted.has(at + 2)) return t;
            std::uint8_t following = quoted.u8_at(at);
            at += (quoted.u8_at(at + 1) + 2u) * 4;
            next = following;
            continue;
        }
        default:
            return t;
        }
    }
}

// The group printers below return whether the line goes on to the trailing ", length N"
// (printed without -v); false where it ended early: cut short (its marker is out) or shown
// whole in hex.
bool cut(Context& ctx) {
    ctx.truncated("icmp6");  // a checked read: the caller goes on, the line does not
    return false;
}
bool unwind(Context& ctx) {
    ctx.truncated_unwind("icmp6");
    return false;
}

void print_checksum(Context& ctx, ByteReader message, const IpInfo& ip, std::uint32_t length) {
    std::uint16_t field = message.be16_at(2);
    std::uint32_t sum = ip.pseudo_sum(static_cast<std::uint8_t>(IpProto::Icmpv6), length);
    std::uint16_t computed = checksum_finish(checksum_add(sum, message.window(0, length).all()));
    if (computed != 0)
        ctx.print("[bad icmp6 cksum 0x{:04x} -> 0x{:04x}!] ", field, checksum_should_be(field, computed));
    else
        ctx.put("[icmp6 sum ok] ");
}

bool print_echo(Context& ctx, ByteReader message) {
    if (!message.has(8)) return unwind(ctx);
    ctx.print(", id {}, seq {}", message.be16_at(4), message.be16_at(6));
    return true;
}

bool print_destination_unreachable(Context& ctx, ByteReader message, unsigned code, std::uint32_t length) {
    // icmp6_dst_unreach_code_values, its stray space included.
    constexpr std::array<std::string_view, 5> codes{"unreachable route", " unreachable prohibited", "beyond scope",
                                                    "unreachable address", "unreachable port"};
    if (code >= codes.size()) {
        ctx.print(", unknown unreach code ({})", code);
        if (ctx.options.verbosity > 1) return true;
        hex_dump(ctx.out, message.window(0, length).all());
        return false;
    }
    ctx.print(", {}", codes[code]);
    ByteReader quoted = message.window(8, message.size());
    // Printed only once the checks below have seen it all captured.
    Ipv6Address dst = quoted.ipv6_at(24);
    if (code == 4) {
        // Looking for the quoted ports checks each header before reading it.
        QuotedTransport t = quoted_transport(quoted);
        if (!t.found) return cut(ctx);
        ctx.put(", ");
        ctx.host(dst);
        if (t.protocol == static_cast<std::uint8_t>(IpProto::Tcp)) {
            ctx.put(" tcp port ");
            ctx.tcp_port(t.dport);
        } else {
            ctx.put(" udp port ");
            ctx.udp_port(t.dport);
        }
        return true;
    }
    // The quoted destination is read after the code's name is out.
    if (!message.has(8 + 40)) return unwind(ctx);
    ctx.put(' ');
    ctx.host(dst);
    if (code == 2) {
        ctx.put(", source address ");
        ctx.host(quoted.ipv6_at(8));
    }
    return true;
}

// The error messages: what was wrong, and with which quoted packet.
bool print_error(Context& ctx, Icmp6Type type, ByteReader message, unsigned code, std::uint32_t length) {
    switch (type) {
    case Icmp6Type::DestinationUnreachable:
        return print_destination_unreachable(ctx, message, code, length);
    case Icmp6Type::PacketTooBig:
        if (!message.has(8)) return unwind(ctx);
        ctx.print(", mtu {}", message.be32_at(4));
        return true;
    case Icmp6Type::TimeExceeded:
        if (code == 0) {
            if (!message.has(8 + 40)) return unwind(ctx);  // the quoted destination
            ctx.put(" for ");
            ctx.host(message.ipv6_at(8 + 24));
        } else if (code == 1) {
            ctx.put(" (reassembly)");
        } else {
            ctx.print(", unknown code ({})", code);
        }
        return true;
    default: {  // ParameterProblem
        if (!message.has(8 + 40)) return cut(ctx);  // a checked read: no unwinding
        constexpr std::array<std::string_view, 4> codes{"erroneous", "next header", "option", "incomplete header chain"};
        std::uint32_t pointer = message.be32_at(4);
        if (code < codes.size())
            ctx.print(", {} - octet {}", codes[code], pointer);
        else
            ctx.print(", code-#{}", code);
        return true;
    }
    }
}

// Multicast listener discovery, v1 and v2; the length tells a v1 query from a v2 one.
bool print_listener_message(Context& ctx, Icmp6Type type, ByteReader message, std::uint32_t length) {
    if (type == Icmp6Type::ListenerReportV2) {
        print_mldv2_report(ctx, message, length);
        return !ctx.unwound;
    }
    if (type == Icmp6Type::ListenerQuery && length != 24) {
        if (length < 28) {
            ctx.print(" unknown-version (len {}) ", length);
            return true;
        }
        ctx.put(" v2");
        print_mldv2_query(ctx, message, length);
        return !ctx.unwound;
    }
    if (message.has(24)) print_mld(ctx, message);  // tcpdump says nothing when it is cut short
    return true;
}

// The neighbour-discovery options after the fixed part (`offset` bytes), under -v.
bool print_options_after(Context& ctx, ByteReader message, std::uint32_t length, std::uint32_t offset) {
    if (print_nd_options(ctx, message.window(offset, length > offset ? length - offset : 0))) return true;
    return cut(ctx);
}

void print_router_advert_fields(Context& ctx, ByteReader message) {
    // Every bit tcpdump 4.99.3 names (0x02 is RFC 8925's IPv6-only flag); 0x18 is the
    // preference, 0x04 and 0x01 stay unnamed.
    constexpr std::array<std::pair<std::uint32_t, std::string_view>, 4> ra_flags{{
        {0x80, "managed"}, {0x40, "other stateful"}, {0x20, "home agent"}, {0x02, "ipv6 only"},
    }};
    unsigned hop_limit = message.u8_at(4), flags = message.u8_at(5);
    ctx.print("\n\thop limit {}, Flags ", hop_limit);
    print_flag_names(ctx, flags, ra_flags);
    ctx.print(", pref {}, router lifetime {}s, reachable time {}ms, retrans timer {}ms", preferences[(flags >> 3) & 3],
              message.be16_at(6), message.be32_at(8), message.be32_at(12));
}

// Router and neighbour solicitations and advertisements, and redirects.
bool print_neighbor_discovery(Context& ctx, Icmp6Type type, ByteReader message, std::uint32_t length) {
    const bool verbose = ctx.options.verbosity > 0;
    switch (type) {
    case Icmp6Type::RouterSolicit:
        return !verbose || print_options_after(ctx, message, length, 8);
    case Icmp6Type::RouterAdvert:
        if (!verbose) return true;
        if (!message.has(16)) return unwind(ctx);
        print_router_advert_fields(ctx, message);
        return print_options_after(ctx, message, length, 16);
    case Icmp6Type::NeighborSolicit:
        if (!message.has(24)) return unwind(ctx);
        ctx.put(", who has ");
        ctx.host(message.ipv6_at(8));
        return !verbose || print_options_after(ctx, message, length, 24);
    case Icmp6Type::NeighborAdvert: {
        if (!message.has(24)) return unwind(ctx);
        ctx.put(", tgt is ");
        ctx.host(message.ipv6_at(8));
        if (!verbose) return true;
        constexpr std::array<std::pair<std::uint32_t, std::string_view>, 3> na_flags{{
            {0x80000000u, "router"}, {0x40000000u, "solicited"}, {0x20000000u, "override"},
        }};
        ctx.put(", Flags ");
        print_flag_names(ctx, message.be32_at(4), na_flags);
        return print_options_after(ctx, message, length, 24);
    }
    default:  // Redirect
        if (!message.has(40)) return unwind(ctx);
        ctx.put(", ");
        ctx.host(message.ipv6_at(24));
        ctx.put(" to ");
        ctx.host(message.ipv6_at(8));
        return !verbose || print_options_after(ctx, message, length, 40);
    }
}

// Mobile IPv6: home-agent discovery and mobile prefixes (the replies only under -v).
bool print_mobility(Context& ctx, Icmp6Type type, ByteReader message, std::uint32_t length) {
    const bool solicit = type == Icmp6Type::MobilePrefixSolicit || type == Icmp6Type::HomeAgentDiscoveryRequest;
    if (!solicit && ctx.options.verbosity == 0) return true;
    if (!message.has(6)) return unwind(ctx);
    ctx.print(", id 0x{:04x}", message.be16_at(4));
    if (solicit) return true;
    if (type == Icmp6Type::HomeAgentDiscoveryReply) {
        // The home agents' addresses, up to the declared or captured end.
        std::size_t end = length < message.size() ? length : message.size();
        for (std::size_t at = 8; at < end; at += 16) {
            if (!message.has(at + 16)) return unwind(ctx);
            ctx.put(", ");
            ctx.host(message.ipv6_at(at));
        }
        return true;
    }
    if (!message.has(8)) return unwind(ctx);  // MobilePrefixAdvert
    std::uint16_t flags = message.be16_at(6);
    if (flags & 0xc000) ctx.put(' ');
    if (flags & 0x8000) ctx.put('M');  // managed address configuration
    if (flags & 0x4000) ctx.put('O');  // other stateful configuration
    return print_options_after(ctx, message, length, 8);
}

// Neighbour discovery shows the length first under -v, everything else last without -v.
bool length_first(Icmp6Type type) {
    return type == Icmp6Type::RouterSolicit || type == Icmp6Type::RouterAdvert || type == Icmp6Type::NeighborSolicit ||
           type == Icmp6Type::NeighborAdvert || type == Icmp6Type::Redirect ||
           type == Icmp6Type::HomeAgentDiscoveryReply || type == Icmp6Type::MobilePrefixAdvert;
}

}  // namespace

void print_icmp6(Context& ctx, ByteReader message, const IpInfo& ip) {
    std::uint32_t length = ip.length;
    if (length == 0) return ctx.put("ICMP6, length 0 (invalid)");
    const bool verbose = ctx.options.verbosity > 0;
    if (verbose && !ip.fragmented && message.has(length)) print_checksum(ctx, message, ip, length);
    if (!message.has(1)) return ctx.truncated_unwind("icmp6");
    const std::uint8_t type_byte = message.u8_at(0);
    const unsigned code = message.u8_at(1);
    auto name = type_name(type_byte);
    if (name.empty())
        ctx.print("ICMP6, unknown icmp6 type ({})", type_byte);
    else
        ctx.print("ICMP6, {}", name);
    const auto type = static_cast<Icmp6Type>(type_byte);
    if (verbose && length_first(type)) ctx.print(", length {}", length);
    if (!message.has(2)) return ctx.truncated_unwind("icmp6");  // the code byte
    bool goes_on = true;
    switch (type) {
    case Icmp6Type::EchoRequest:
    case Icmp6Type::EchoReply: goes_on = print_echo(ctx, message); break;
    case Icmp6Type::DestinationUnreachable:
    case Icmp6Type::PacketTooBig:
    case Icmp6Type::TimeExceeded:
    case Icmp6Type::ParameterProblem: goes_on = print_error(ctx, type, message, code, length); break;
    case Icmp6Type::ListenerQuery:
    case Icmp6Type::ListenerReport:
    case Icmp6Type::ListenerDone:
    case Icmp6Type::ListenerReportV2: goes_on = print_listener_message(ctx, type, message, length); break;
    case Icmp6Type::RouterSolicit:
    case Icmp6Type::RouterAdvert:
    case Icmp6Type::NeighborSolicit:
    case Icmp6Type::NeighborAdvert:
    case Icmp6Type::Redirect: goes_on = print_neighbor_discovery(ctx, type, message, length); break;
    case Icmp6Type::RouterRenumbering: print_icmp6_router_renumbering(ctx, message); break;
    case Icmp6Type::NodeInformationQuery:
    case Icmp6Type::NodeInformationReply:
        print_icmp6_node_information(ctx, message, length);
        goes_on = !ctx.unwound;
        break;
    case Icmp6Type::Rpl:
        print_icmp6_rpl(ctx, message, length);
        goes_on = !ctx.unwound;
        break;
    case Icmp6Type::InverseNeighborSolicit:
    case Icmp6Type::InverseNeighborAdvert: break;
    case Icmp6Type::MobilePrefixSolicit:
    case Icmp6Type::HomeAgentDiscoveryRequest:
    case Icmp6Type::HomeAgentDiscoveryReply:
    case Icmp6Type::MobilePrefixAdvert: goes_on = print_mobility(ctx, type, message, length); break;
    default:
        // Types without a printer: the length and, below -vv, the message in hex.
        ctx.print(", length {}", length);
        if (ctx.options.verbosity <= 1) hex_dump(ctx.out, message.window(0, length).all());
        return;
    }
    if (goes_on && !verbose) ctx.print(", length {}", length);
}

}  // namespace rawdump::print
