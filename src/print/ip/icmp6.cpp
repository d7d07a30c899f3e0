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

Ipv6Address address_at(ByteReader r) {
    Ipv6Address a;
    for (auto& b : a.bytes) b = r.u8();
    return a;
}

// "Flags [a, b]" lists in tcpdump's order; "none" when no bit is set.
template <std::size_t N>
void print_flags(Context& ctx, std::uint32_t value, const std::array<std::pair<std::uint32_t, std::string_view>, N>& names) {
    ctx.put("Flags [");
    bool any = false;
    for (const auto& [bit, name] : names) {
        if (!(value & bit)) continue;
        if (any) ctx.put(", ");
        ctx.put(name);
        any = true;
    }
    if (!any) ctx.put("none");
    ctx.put(']');
}

void print_lifetime(Context& ctx, std::uint32_t seconds) {
    if (seconds == 0xffffffffu)
        ctx.put("infinity");
    else
        ctx.print("{}s", seconds);
}

// Neighbour-discovery options (icmp6_opt_print), each on its own line; -vv adds a hex dump
// of the option body. False when they ran out.
bool print_nd_options(Context& ctx, ByteReader options) {
    constexpr std::array<std::pair<std::uint32_t, std::string_view>, 3> prefix_flags{{
        {0x80, "onlink"}, {0x40, "auto"}, {0x20, "router"},
    }};
    std::size_t at = 0;
    while (at < options.size()) {
        if (!options.has(at + 2)) return false;
        unsigned type = options.window(at, 1).u8();
        unsigned units = options.window(at + 1, 1).u8();
        std::size_t length = units * 8u;
        if (units == 0 || !options.has(at + length)) return false;
        std::string_view name = "unknown";
        for (const auto& [k, n] : nd_option_names)
            if (static_cast<unsigned>(k) == type) name = n;
        ctx.print("\n\t  {} option ({}), length {} ({}): ", name, type, length, units);
        ByteReader body = options.window(at + 2, length - 2);
        switch (static_cast<NdOption>(type)) {
        case NdOption::SourceLinkAddress:
        case NdOption::TargetLinkAddress:
            for (std::size_t i = 0; i < body.size(); ++i) {
                if (i) ctx.put(':');
                ctx.print("{:02x}", body.window(i, 1).u8());
            }
            break;
        case NdOption::PrefixInformation: {
            // Read as a full 32-byte option whatever its length says (a short one is then
            // "badlen"), so the prefix may come from the bytes after it.
            constexpr std::size_t prefix_option_length = 32;
            if (!options.has(at + prefix_option_length)) return false;
            ByteReader r = options.window(at + 2, prefix_option_length - 2);
            unsigned prefix_length = r.u8();
            unsigned flags = r.u8();
            std::uint32_t valid = r.be32(), preferred = r.be32();
            r.skip(4);
            ctx.host(address_at(r));
            ctx.print("/{}{}, ", prefix_length, units != 4 ? "badlen" : "");
            print_flags(ctx, flags, prefix_flags);
            ctx.put(", valid time ");
            print_lifetime(ctx, valid);
            ctx.put(", pref. time ");
            print_lifetime(ctx, preferred);
            break;
        }
        case NdOption::Mtu:
            ctx.print(" {}{}", body.window(2, 4).be32(), units != 1 ? "bad option length" : "");
            break;
        case NdOption::RecursiveDns: {
            ctx.print(" lifetime {}s,", body.window(2, 4).be32());
            for (unsigned i = 0; i < (units - 1) / 2; ++i) {
                ctx.put(" addr: ");
                ctx.host(address_at(body.window(6 + 16 * i, 16)));
            }
            break;
        }
        case NdOption::RedirectedHeader:
            hex_dump(ctx.out, options.window(at, length).all(), "\n\t    ");
            break;
        case NdOption::AdvertisementInterval:
            ctx.print(" {}ms", body.window(2, 4).be32());
            break;
        case NdOption::HomeAgentInformation:
            ctx.print(" preference {}, lifetime {}", body.window(2, 2).be16(), body.window(4, 2).be16());
            break;
        case NdOption::RouteInformation: {
            unsigned prefix_length = body.window(0, 1).u8();
            unsigned flags = body.window(1, 1).u8();
            Ipv6Address prefix;  // only as many bytes as the option carries, the rest zero
            ByteReader bytes = body.window(6, units > 1 ? (units - 1) * 8u : 0);
            for (std::size_t i = 0; i < prefix.bytes.size() && i < bytes.size(); ++i)
                prefix.bytes[i] = bytes.window(i, 1).u8();
            ctx.put(' ');
            ctx.host(prefix);
            ctx.print("/{}, pref={}, lifetime={}s", prefix_length, preferences[(flags >> 3) & 3],
                      body.window(2, 4).be32());
            break;
        }
        case NdOption::DnsSearchList: {
            ctx.print(" lifetime {}s, domain(s):", body.window(2, 4).be32());
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
            break;
        }
        default:
            if (ctx.options.verbosity <= 1) {
                hex_dump(ctx.out, body.all(), "\n\t  ");
                return true;
            }
            break;
        }
        if (ctx.options.verbosity > 1) hex_dump(ctx.out, body.all(), "\n\t    ");
        at += length;
    }
    return true;
}

// MLDv1 query/report/done: "max resp delay: D addr: A" (tcpdump prints it without a
// separator after the type name).
void print_mld(Context& ctx, ByteReader message) {
    ctx.print("max resp delay: {} addr: ", message.window(4, 2).be16());
    ctx.host(address_at(message.window(8, 16)));
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
    unsigned code = message.window(4, 2).be16();
    unsigned delay = code < 32768 ? code : ((code & 0x0fff) | 0x1000) << (((code & 0x7000) >> 12) + 3);
    bool verbose = ctx.options.verbosity > 0;
    if (verbose) ctx.print(" [max resp delay={}]", delay);
    if (!have(24)) return;
    ctx.put(" [gaddr ");
    ctx.host(address_at(message.window(8, 16)));
    if (verbose) {
        if (!have(25)) return;
        unsigned flags = message.window(24, 1).u8();
        if (flags & 0x08) ctx.put(" sflag");
        if (flags & 0x07) ctx.print(" robustness={}", flags & 0x07);
        if (!have(26)) return;
        unsigned qqic = message.window(25, 1).u8();
        unsigned qqi = qqic < 128 ? qqic : ((qqic & 0x0f) | 0x10) << (((qqic & 0x70) >> 4) + 3);
        ctx.print(" qqi={}", qqi);
    }
    if (!have(28)) return;
    unsigned sources = message.window(26, 2).be16();
    if (sources > 0) {
        if (length < 28 + sources * 16u) {
            ctx.put(" [invalid number of sources]");
        } else if (ctx.options.verbosity > 1) {
            ctx.put(" {");
            for (unsigned i = 0; i < sources; ++i) {
                if (!have(28 + 16 * (i + 1))) return;
                ctx.put(' ');
                ctx.host(address_at(message.window(28 + 16 * i, 16)));
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
    unsigned groups = message.window(6, 2).be16();
    ctx.print(", {} group record(s)", groups);
    if (ctx.options.verbosity == 0) return;
    std::size_t at = 8;
    for (unsigned i = 0; i < groups; ++i) {
        if (length < at + 20) return ctx.put(" [invalid number of groups]");
        if (!have(at + 20)) return;
        ctx.put(" [gaddr ");
        ctx.host(address_at(message.window(at + 4, 16)));
        unsigned type = message.window(at, 1).u8();
        if (type >= 1 && type <= record_types.size())
            ctx.print(" {}", record_types[type - 1]);
        else
            ctx.print("  [v2-report-#{}]", type);
        unsigned sources = message.window(at + 2, 2).be16();
        if (length < at + 20 + sources * 16u) return ctx.print(" [invalid number of sources {}]", sources);
        if (ctx.options.verbosity == 1) {
            ctx.print(", {} source(s)", sources);
        } else {
            ctx.put(" {");
            for (unsigned j = 0; j < sources; ++j) {
                if (!have(at + 20 + 16 * (j + 1))) return;
                ctx.put(' ');
                ctx.host(address_at(message.window(at + 20 + 16 * j, 16)));
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
    std::uint8_t next = quoted.window(6, 1).u8();
    std::size_t at = 40;
    for (;;) {
        switch (static_cast<IpProto>(next)) {
        case IpProto::Tcp:
        case IpProto::Udp:
            if (!quoted.has(at + 4)) return t;
            t.protocol = next;
            t.dport = quoted.window(at + 2, 2).be16();
            t.found = true;
            return t;
        case IpProto::HopOptions:
        case IpProto::DestOptions:
        case IpProto::Routing: {
            if (!quoted.has(at + 2)) return t;
            std::uint8_t following = quoted.window(at, 1).u8();
            at += (quoted.window(at + 1, 1).u8() + 1u) * 8;
            next = following;
            continue;
        }
        case IpProto::Fragment:
            if (!quoted.has(at + 4)) return t;
            if ((quoted.window(at + 2, 2).be16() & 0xfff8) != 0) return t;  // not the first fragment
            next = quoted.window(at, 1).u8();
            at += 8;
            continue;
        case IpProto::Ah: {
            if (!quoted.has(at + 2)) return t;
            std::uint8_t following = quoted.window(at, 1).u8();
            at += (quoted.window(at + 1, 1).u8() + 2u) * 4;
            next = following;
            continue;
        }
        default:
            return t;
        }
    }
}

}  // namespace

void print_icmp6(Context& ctx, ByteReader message, const IpInfo& ip) {
    std::uint32_t length = ip.length;
    if (length == 0) return ctx.put("ICMP6, length 0 (invalid)");
    if (ctx.options.verbosity > 0 && !ip.fragmented && message.has(length)) {
        ByteReader sum_reader = message.window(2, 2);
        std::uint16_t field = sum_reader.be16();
        std::uint32_t sum = ip.pseudo_sum(static_cast<std::uint8_t>(IpProto::Icmpv6), length);
        std::uint16_t computed = checksum_finish(checksum_add(sum, message.window(0, length).all()));
        if (computed != 0)
            ctx.print("[bad icmp6 cksum 0x{:04x} -> 0x{:04x}!] ", field, checksum_should_be(field, computed));
        else
            ctx.put("[icmp6 sum ok] ");
    }
    ByteReader r = message;
    Icmp6Header h;
    h.type = r.u8();
    if (r.truncated()) return ctx.truncated_unwind("icmp6");
    h.code = r.u8();
    auto name = type_name(h.type);
    if (name.empty())
        ctx.print("ICMP6, unknown icmp6 type ({})", h.type);
    else
        ctx.print("ICMP6, {}", name);
    auto type = static_cast<Icmp6Type>(h.type);
    bool verbose = ctx.options.verbosity > 0;
    // Neighbour discovery shows the length first under -v, everything else last without -v.
    bool length_first = verbose && (type == Icmp6Type::RouterSolicit || type == Icmp6Type::RouterAdvert ||
                                    type == Icmp6Type::NeighborSolicit || type == Icmp6Type::NeighborAdvert ||
                                    type == Icmp6Type::Redirect || type == Icmp6Type::HomeAgentDiscoveryReply ||
                                    type == Icmp6Type::MobilePrefixAdvert);
    if (length_first) ctx.print(", length {}", length);
    if (!message.has(2)) return ctx.truncated_unwind("icmp6");  // the code byte
    auto need = [&](std::size_t bytes) { return message.has(bytes); };
    ByteReader quoted = message.window(8, message.size());
    switch (type) {
    case Icmp6Type::EchoRequest:
    case Icmp6Type::EchoReply: {
        ByteReader ids = message.window(4, 4);
        h.id = ids.be16();
        h.sequence = ids.be16();
        if (ids.truncated()) return ctx.truncated_unwind("icmp6");
        ctx.print(", id {}, seq {}", h.id, h.sequence);
        break;
    }
    case Icmp6Type::DestinationUnreachable: {
        // icmp6_dst_unreach_code_values, its stray space included.
        constexpr std::array<std::string_view, 5> codes{"unreachable route", " unreachable prohibited",
                                                        "beyond scope", "unreachable address", "unreachable port"};
        if (h.code >= codes.size()) {
            ctx.print(", unknown unreach code ({})", h.code);
            if (ctx.options.verbosity > 1) break;
            hex_dump(ctx.out, message.window(0, length).all());
            return;
        }
        ctx.print(", {}", codes[h.code]);
        Ipv6Address dst = address_at(quoted.window(24, 16));
        if (h.code == 4) {
            // Looking for the quoted ports checks each header before reading it.
            QuotedTransport t = quoted_transport(quoted);
            if (!t.found) return ctx.truncated("icmp6");
            ctx.put(", ");
            ctx.host(dst);
            if (t.protocol == static_cast<std::uint8_t>(IpProto::Tcp)) {
                ctx.put(" tcp port ");
                ctx.tcp_port(t.dport);
            } else {
                ctx.put(" udp port ");
                ctx.udp_port(t.dport);
            }
            break;
        }
        // The quoted destination is read after the code's name is out.
        if (!need(8 + 40)) return ctx.truncated_unwind("icmp6");
        if (h.code == 2) {
            ctx.put(' ');
            ctx.host(dst);
            ctx.put(", source address ");
            ctx.host(address_at(quoted.window(8, 16)));
        } else {
            ctx.put(' ');
            ctx.host(dst);
        }
        break;
    }
    case Icmp6Type::PacketTooBig:
        if (!need(8)) return ctx.truncated_unwind("icmp6");
        ctx.print(", mtu {}", message.window(4, 4).be32());
        break;
    case Icmp6Type::TimeExceeded:
        if (h.code == 0) {
            if (!need(8 + 40)) return ctx.truncated_unwind("icmp6");  // the quoted destination
            ctx.put(" for ");
            ctx.host(address_at(quoted.window(24, 16)));
        } else if (h.code == 1) {
            ctx.put(" (reassembly)");
        } else {
            ctx.print(", unknown code ({})", h.code);
        }
        break;
    case Icmp6Type::ParameterProblem: {
        if (!need(8 + 40)) return ctx.truncated("icmp6");  // a checked read: no unwinding
        constexpr std::array<std::string_view, 4> codes{"erroneous", "next header", "option",
                                                        "incomplete header chain"};
        std::uint32_t pointer = message.window(4, 4).be32();
        if (h.code < codes.size())
            ctx.print(", {} - octet {}", codes[h.code], pointer);
        else
            ctx.print(", code-#{}", h.code);
        break;
    }
    case Icmp6Type::ListenerQuery:
        // The length tells the MLD version apart.
        if (length == 24) {
            if (need(24)) print_mld(ctx, message);  // tcpdump says nothing when it is cut short
        } else if (length >= 28) {
            ctx.put(" v2");
            print_mldv2_query(ctx, message, length);
            if (ctx.unwound) return;
        } else {
            ctx.print(" unknown-version (len {}) ", length);
        }
        break;
    case Icmp6Type::ListenerReport:
    case Icmp6Type::ListenerDone:
        if (need(24)) print_mld(ctx, message);  // tcpdump says nothing when it is cut short
        break;
    case Icmp6Type::ListenerReportV2:
        print_mldv2_report(ctx, message, length);
        if (ctx.unwound) return;
        break;
    case Icmp6Type::RouterSolicit:
        if (verbose && !print_nd_options(ctx, message.window(8, length > 8 ? length - 8 : 0)))
            return ctx.truncated("icmp6");
        break;
    case Icmp6Type::RouterAdvert:
        if (verbose) {
            // Every bit tcpdump 4.99.3 names (0x02 is RFC 8925's IPv6-only flag); 0x18 is the
            // preference, 0x04 and 0x01 stay unnamed.
            constexpr std::array<std::pair<std::uint32_t, std::string_view>, 4> ra_flags{{
                {0x80, "managed"}, {0x40, "other stateful"}, {0x20, "home agent"}, {0x02, "ipv6 only"},
            }};
            if (!need(16)) return ctx.truncated_unwind("icmp6");
            ByteReader ra = message.window(4, 12);
            unsigned hop_limit = ra.u8(), flags = ra.u8();
            unsigned lifetime = ra.be16();
            std::uint32_t reachable = ra.be32(), retransmit = ra.be32();
            ctx.print("\n\thop limit {}, ", hop_limit);
            print_flags(ctx, flags, ra_flags);
            ctx.print(", pref {}, router lifetime {}s, reachable time {}ms, retrans timer {}ms",
                      preferences[(flags >> 3) & 3], lifetime, reachable, retransmit);
            if (!print_nd_options(ctx, message.window(16, length > 16 ? length - 16 : 0)))
                return ctx.truncated("icmp6");
        }
        break;
    case Icmp6Type::NeighborSolicit:
        if (!need(24)) return ctx.truncated_unwind("icmp6");
        ctx.put(", who has ");
        ctx.host(address_at(message.window(8, 16)));
        if (verbose && !print_nd_options(ctx, message.window(24, length > 24 ? length - 24 : 0)))
            return ctx.truncated("icmp6");
        break;
    case Icmp6Type::NeighborAdvert:
        if (!need(24)) return ctx.truncated_unwind("icmp6");
        ctx.put(", tgt is ");
        ctx.host(address_at(message.window(8, 16)));
        if (verbose) {
            constexpr std::array<std::pair<std::uint32_t, std::string_view>, 3> na_flags{{
                {0x80000000u, "router"}, {0x40000000u, "solicited"}, {0x20000000u, "override"},
            }};
            ctx.put(", ");
            print_flags(ctx, message.window(4, 4).be32(), na_flags);
            if (!print_nd_options(ctx, message.window(24, length > 24 ? length - 24 : 0)))
                return ctx.truncated("icmp6");
        }
        break;
    case Icmp6Type::Redirect:
        if (!need(40)) return ctx.truncated_unwind("icmp6");
        ctx.put(", ");
        ctx.host(address_at(message.window(24, 16)));
        ctx.put(" to ");
        ctx.host(address_at(message.window(8, 16)));
        if (verbose && !print_nd_options(ctx, message.window(40, length > 40 ? length - 40 : 0)))
            return ctx.truncated("icmp6");
        break;
    case Icmp6Type::RouterRenumbering:
        print_icmp6_router_renumbering(ctx, message);
        break;
    case Icmp6Type::NodeInformationQuery:
    case Icmp6Type::NodeInformationReply:
        print_icmp6_node_information(ctx, message, length);
        if (ctx.unwound) return;
        break;
    case Icmp6Type::Rpl:
        print_icmp6_rpl(ctx, message, length);
        if (ctx.unwound) return;
        break;
    case Icmp6Type::InverseNeighborSolicit:
    case Icmp6Type::InverseNeighborAdvert:
        break;
    case Icmp6Type::MobilePrefixSolicit:
    case Icmp6Type::HomeAgentDiscoveryRequest:
        if (!need(6)) return ctx.truncated_unwind("icmp6");
        ctx.print(", id 0x{:04x}", message.window(4, 2).be16());
        break;
    case Icmp6Type::HomeAgentDiscoveryReply:
        if (verbose) {
            if (!need(6)) return ctx.truncated_unwind("icmp6");
            ctx.print(", id 0x{:04x}", message.window(4, 2).be16());
            // The home agents' addresses, up to the declared or captured end.
            std::size_t end = length < message.size() ? length : message.size();
            for (std::size_t at = 8; at < end; at += 16) {
                if (!need(at + 16)) return ctx.truncated_unwind("icmp6");
                ctx.put(", ");
                ctx.host(address_at(message.window(at, 16)));
            }
        }
        break;
    case Icmp6Type::MobilePrefixAdvert:
        if (verbose) {
            if (!need(6)) return ctx.truncated_unwind("icmp6");
            ctx.print(", id 0x{:04x}", message.window(4, 2).be16());
            if (!need(8)) return ctx.truncated_unwind("icmp6");
            std::uint16_t flags = message.window(6, 2).be16();
            if (flags & 0xc000) ctx.put(' ');
            if (flags & 0x8000) ctx.put('M');  // managed address configuration
            if (flags & 0x4000) ctx.put('O');  // other stateful configuration
            if (!print_nd_options(ctx, message.window(8, length > 8 ? length - 8 : 0)))
                return ctx.truncated("icmp6");
        }
        break;
    default:
        // Types without a printer: the length and, below -vv, the message in hex.
        ctx.print(", length {}", length);
        if (ctx.options.verbosity <= 1) hex_dump(ctx.out, message.window(0, length).all());
        return;
    }
    if (!verbose) ctx.print(", length {}", length);
}

}  // namespace rawdump::print
