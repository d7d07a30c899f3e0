// IGMP v1/v2/v3 and multicast traceroute (print-igmp.c, tcpdump 4.99.3 wording).
#include <array>
#include <utility>

#include "src/print/base/checksum.hpp"
#include "src/print/ip/igmp.hpp"
#include "src/print/base/duration.hpp"
#include "src/print/ip/igmp_dvmrp.hpp"
#include "src/print/ip/igmp_pimv1.hpp"

namespace rawdump::print {
namespace {

enum class IgmpType : std::uint8_t {
    MembershipQuery = 0x11,
    V1Report = 0x12,
    Dvmrp = 0x13,
    PimV1 = 0x14,
    V2Report = 0x16,
    Leave = 0x17,
    MtraceResponse = 0x1e,
    Mtrace = 0x1f,
    V3Report = 0x22,
};

// Group record types of an IGMPv3 report (RFC 3376 4.2.12).
constexpr std::array<std::pair<std::uint8_t, std::string_view>, 6> record_types{{
    {1, "is_in"}, {2, "is_ex"}, {3, "to_in"}, {4, "to_ex"}, {5, "allow"}, {6, "block"},
}};

constexpr std::size_t header_length = 8;        // type, code, checksum, group
constexpr std::size_t v3_query_minimum = 12;     // + flags, QQIC, source count
constexpr std::size_t v3_report_minimum = 16;    // header + one empty group record
constexpr std::size_t mtrace_query_length = 16;  // source, destination, response address, ttl+qid
constexpr std::uint8_t default_max_response = 100;  // 10 s: tcpdump leaves it out

bool is_multicast(const Ipv4Address& a) { return (a.bytes[0] & 0xf0) == 0xe0; }

// RFC 3376 4.1.1: codes from 128 on are a floating-point form (3-bit exponent, 4-bit mantissa).
unsigned decode_max_response(unsigned code) {
    if (code < 128) return code;
    return ((code & 0x0f) | 0x10) << (((code & 0x70) >> 4) + 3);
}

// "mtrace 7: 172.16.40.1 to 172.16.20.1 reply-to 172.16.40.1" (mrouted's traceroute query).
// False when the query was not captured.
bool print_mtrace(Context& ctx, ByteReader message, std::uint32_t length, std::string_view name) {
    if (length < header_length + mtrace_query_length) {
        ctx.print(" [invalid len {}]", length);
        return true;
    }
    ByteReader query = message.window(header_length, mtrace_query_length);
    if (query.size() < mtrace_query_length) return false;
    Ipv4Address source = query.ipv4_at(0);
    Ipv4Address destination = query.ipv4_at(4);
    Ipv4Address response = query.ipv4_at(8);
    unsigned ttl = query.u8_at(12);
    ctx.print("{} {}: ", name, query.be24_at(13));
    ctx.host(source);
    ctx.put(" to ");
    ctx.host(destination);
    ctx.put(" reply-to ");
    ctx.host(response);
    if (is_multicast(response)) ctx.print(" with-ttl {}", ttl);
    return true;
}

// " [max resp time 1.0s] [gaddr G, N source(s)]"; false when cut short.
bool print_v3_query(Context& ctx, ByteReader message, std::uint32_t length) {
    ctx.put(" v3");
    if (length < v3_query_minimum || (length & 3) != 0) {
        ctx.print(" [invalid len {}]", length);
        return true;
    }
    ByteReader code_byte = message.window(1, 1);
    if (code_byte.size() < 1) return false;
    unsigned code = code_byte.u8();
    unsigned max_response = decode_max_response(code);  // in tenths of a second
    if (code != default_max_response) {
        ctx.put(" [max resp time ");
        if (max_response < 600)
            ctx.print("{}.{}s", max_response / 10, max_response % 10);
        else
            print_duration(ctx, max_response / 10);
        ctx.put(']');
    }
    ByteReader group = message.window(4, 4);
    if (group.size() < 4) return false;
    Ipv4Address address = group.ipv4_at(0);
    if (address.value() == 0) return true;
    ctx.put(" [gaddr ");
    ctx.host(address);
    ByteReader count = message.window(10, 2);
    if (count.size() < 2) return false;
    unsigned sources = count.be16();
    if (sources > 0) {
        if (length < v3_query_minimum + sources * 4u) {
            ctx.put(" [invalid number of sources]");
        } else if (ctx.options.verbosity > 1) {
            ctx.put(" {");
            for (unsigned i = 0; i < sources; ++i) {
                ByteReader source = message.window(v3_query_minimum + 4 * i, 4);
                if (source.size() < 4) return false;
                ctx.put(' ');
                ctx.host(source.ipv4_at(0));
            }
            ctx.put(" }");
        } else {
            ctx.print(", {} source(s)", sources);
        }
    }
    ctx.put(']');
    return true;
}

// ", N group record(s)" and under -v each record; false when cut short.
bool print_v3_report(Context& ctx, ByteReader message, std::uint32_t length) {
    if (length < v3_report_minimum || (length & 3) != 0) {
        ctx.print(" [invalid len {}]", length);
        return true;
    }
    ByteReader count = message.window(6, 2);
    if (count.size() < 2) return false;
    unsigned groups = count.be16();
    ctx.print(", {} group record(s)", groups);
    if (ctx.options.verbosity == 0) return true;
    std::size_t at = header_length;
    for (unsigned i = 0; i < groups; ++i) {
        if (length < at + 8) {
            ctx.put(" [invalid number of groups]");
            return true;
        }
        ByteReader record = message.window(at, 8);
        if (record.size() < 8) return false;
        ctx.put(" [gaddr ");
        ctx.host(record.ipv4_at(4));
        unsigned type = record.u8_at(0);
        std::string_view type_name;
        for (const auto& [k, n] : record_types)
            if (k == type) type_name = n;
        if (type_name.empty())
            ctx.print("  [v3-report-#{}]", type);
        else
            ctx.print(" {}", type_name);
        unsigned sources = record.be16_at(2);
        if (length < at + 8 + sources * 4u) {
            ctx.print(" [invalid number of sources {}]", sources);
            return true;
        }
        if (ctx.options.verbosity == 1) {
            ctx.print(", {} source(s)", sources);
        } else {
            ctx.put(" {");
            for (unsigned j = 0; j < sources; ++j) {
                ByteReader source = message.window(at + 8 + 4 * j, 4);
                if (source.size() < 4) return false;
                ctx.put(' ');
                ctx.host(source.ipv4_at(0));
            }
            ctx.put(" }");
        }
        at += 8 + sources * 4u;
        ctx.put(']');
    }
    return true;
}

// "igmp v1 report G": false when the group address was not captured.
bool print_with_group(Context& ctx, ByteReader message, std::string_view what) {
    ByteReader group = message.window(4, 4);
    if (group.size() < 4) return false;
    ctx.put(what);
    ctx.host(group.ipv4_at(0));
    return true;
}

}  // namespace

void print_igmp(Context& ctx, ByteReader message, const IpInfo& ip) {
    std::uint32_t length = ip.length;
    if (ctx.options.quiet) return ctx.put("igmp");
    ByteReader type_byte = message.window(0, 1);
    if (type_byte.size() < 1) return ctx.truncated_unwind("igmp");
    unsigned type = type_byte.u8();
    bool complete = true;
    switch (static_cast<IgmpType>(type)) {
    case IgmpType::MembershipQuery:
        ctx.put("igmp query");
        if (length >= v3_query_minimum) {
            complete = print_v3_query(ctx, message, length);
            break;
        }
        {
            // v1 queries carry no response time; v2 ones do.
            ByteReader code_byte = message.window(1, 1);
            if (code_byte.size() < 1) return ctx.truncated_unwind("igmp");
            unsigned code = code_byte.u8();
            if (code != 0) {
                ctx.put(" v2");
                if (code != default_max_response) ctx.print(" [max resp time {}]", code);
            } else {
                ctx.put(" v1");
            }
            ByteReader group = message.window(4, 4);
            if (group.size() < 4) return ctx.truncated_unwind("igmp");
            Ipv4Address address = group.ipv4_at(0);
            if (address.value() != 0) {
                ctx.put(" [gaddr ");
                ctx.host(address);
                ctx.put(']');
            }
            if (length != header_length) ctx.print(" [len {}]", length);
        }
        break;
    case IgmpType::V1Report:
        complete = print_with_group(ctx, message, "igmp v1 report ");
        if (complete && length != header_length) ctx.print(" [len {}]", length);
        break;
    case IgmpType::V2Report:
        complete = print_with_group(ctx, message, "igmp v2 report ");
        break;
    case IgmpType::V3Report:
        ctx.put("igmp v3 report");
        complete = print_v3_report(ctx, message, length);
        break;
    case IgmpType::Leave:
        complete = print_with_group(ctx, message, "igmp leave ");
        break;
    case IgmpType::Dvmrp:
        ctx.put("igmp dvmrp");
        if (length < header_length) {
            ctx.print(" [len {}]", length);
            break;
        }
        print_dvmrp(ctx, message, length);
        if (ctx.unwound) return;
        break;
    case IgmpType::PimV1:
        ctx.put("igmp pimv1");
        print_pimv1(ctx, message, length);
        if (ctx.unwound) return;
        break;
    case IgmpType::MtraceResponse:
        complete = print_mtrace(ctx, message, length, "mresp");
        break;
    case IgmpType::Mtrace:
        complete = print_mtrace(ctx, message, length, "mtrace");
        break;
    default:
        ctx.print("igmp-{}", type);
        break;
    }
    if (!complete) return ctx.truncated_unwind("igmp");

    if (ctx.options.verbosity > 0 && length >= 4 && message.has(length)) {
        std::uint16_t computed = checksum_finish(checksum_add(0, message.window(0, length).all()));
        if (computed != 0) ctx.print(" bad igmp cksum {:x}!", message.be16_at(2));
    }
}

}  // namespace rawdump::print
