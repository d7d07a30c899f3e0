// ICMPv6 node information (RFC 4620; print-icmp6.c icmp6_nodeinfo_print, tcpdump 4.99.3).
//
// tcpdump measures these messages by what was captured (up to the IPv6 payload length), not
// by the declared length: a query of exactly 12 bytes is KAME's who-are-you, a 16-byte one is
// the icmp-name-lookup-03 draft, and the subject must fill the rest exactly.
#include <array>
#include <utility>

#include "src/print/ip/icmp6_messages.hpp"

namespace rawdump::print {
namespace {

enum class NodeInfoType : std::uint8_t { Query = 139, Reply = 140 };
enum class QueryType : std::uint16_t { Noop = 0, SupportedTypes = 1, DnsName = 2, NodeAddresses = 3 };
enum class Subject : std::uint8_t { Ipv6 = 0, DnsName = 1, Ipv4 = 2 };
enum class ReplyCode : std::uint8_t { Success = 0, Refused = 1, Unknown = 2 };

constexpr std::size_t header_length = 16;      // ICMPv6 header, qtype, flags, 8-byte nonce
constexpr std::size_t who_are_you_length = 12;  // KAME's query: header and qtype/flags only
constexpr std::uint16_t compressed_flag = 0x0001;  // supported qtypes: compressed bitmap
constexpr std::uint16_t ttl_valid_flag = 0x0001;   // DNS name reply: the TTL field is valid

// Node-address flags, printed as letters in this order (the T bit only in replies).
constexpr std::array<std::pair<std::uint16_t, char>, 7> address_flags{{
    {0x0040, 'a'}, {0x0020, 'G'}, {0x0010, 'S'}, {0x0008, 'L'}, {0x0004, 'C'}, {0x0002, 'A'}, {0x0001, 'T'},
}};

void print_address_flags(Context& ctx, std::uint16_t flags, bool with_truncate) {
    ctx.put(" [");
    for (const auto& [bit, letter] : address_flags)
        if ((flags & bit) && (with_truncate || bit != 0x0001)) ctx.put(letter);
    ctx.put(']');
}

// `, "name"`: uncompressed labels up to the end of the capture ("???" when they do not fit).
void print_dns_name(Context& ctx, ByteReader name) {
    ctx.put(", \"");
    while (name.remaining() > 0) {
        unsigned label = name.u8();
        if (label != 0) {
            if (label > name.remaining()) {
                ctx.put("???");
                break;
            }
            print_escaped(ctx, name.narrowed(label));
            name.skip(label);
            if (name.remaining() > 1 && name.rest().front() != std::byte{0}) ctx.put('.');
            continue;
        }
        if (name.remaining() == 0)
            ctx.put('.');  // a fully qualified name
        else if (!(name.remaining() == 1 && name.rest().front() == std::byte{0}))
            ctx.put("???");
        break;
    }
    ctx.put('"');
}

// A DNS-name subject or answer: the 03 draft's Pascal string when the length byte covers the
// rest exactly, otherwise labels. False when the first byte was not captured.
bool print_name_field(Context& ctx, ByteReader field) {
    if (field.size() < 1) return false;
    unsigned first = field.u8_at(0);
    if (first == field.size() - 1) {
        if (ctx.options.verbosity > 0) ctx.put(", 03 draft");
        ctx.put(", \"");
        print_escaped(ctx, field.window(1, field.size()));
        ctx.put('"');
    } else {
        print_dns_name(ctx, field);
    }
    return true;
}


// The query type's name, with which queries and replies both begin ("supported qtypes [C]").
void print_query_type(Context& ctx, QueryType qtype, std::uint16_t flags) {
    switch (qtype) {
    case QueryType::Noop:
        return ctx.put("noop");
    case QueryType::SupportedTypes:
        ctx.put("supported qtypes");
        if (flags) ctx.print(" [{}]", (flags & compressed_flag) ? "C" : "");
        return;
    case QueryType::DnsName:
        return ctx.put("DNS name");
    case QueryType::NodeAddresses:
        return ctx.put("node addresses");
    default:
        return ctx.put("unknown");
    }
}
// An address subject of `size` bytes: nothing when it was not all captured (tcpdump says
// nothing), ", invalid subject len" (with -v) when it is longer; else " subject=" and true.
bool address_subject_fits(Context& ctx, const ByteReader& subject, std::size_t size, bool verbose) {
    if (subject.size() < size) return false;
    if (subject.size() != size) {
        if (verbose) ctx.put(", invalid subject len");
        return false;
    }
    ctx.put(", subject=");
    return true;
}

void print_query(Context& ctx, ByteReader message) {
    const std::size_t captured = message.size();
    if (captured == who_are_you_length) return ctx.put(" who-are-you request");
    ctx.put(" node information query");
    if (captured < header_length) return ctx.truncated("icmp6");
    ByteReader fields = message.window(4, 4);
    auto qtype = static_cast<QueryType>(fields.be16());
    std::uint16_t flags = fields.be16();
    bool verbose = ctx.options.verbosity > 0;
    ctx.put(" (");
    print_query_type(ctx, qtype, flags);
    if (qtype == QueryType::NodeAddresses && flags) print_address_flags(ctx, flags, false);
    if (qtype == QueryType::Noop || qtype == QueryType::SupportedTypes) {
        if (captured != header_length && verbose) ctx.put(", invalid len");
        return ctx.put(')');
    }
    if (captured == header_length) return ctx.put(", 03 draft)");

    ByteReader subject = message.window(header_length, captured);
    switch (static_cast<Subject>(message.u8_at(1))) {
    case Subject::Ipv6:
        if (address_subject_fits(ctx, subject, 16, verbose)) ctx.host(subject.ipv6_at(0));
        break;
    case Subject::DnsName:
        ctx.put(", subject=DNS name");
        if (!print_name_field(ctx, subject)) return ctx.truncated_unwind("icmp6");
        break;
    case Subject::Ipv4:
        if (address_subject_fits(ctx, subject, 4, verbose)) ctx.host(subject.ipv4_at(0));
        break;
    default:
        ctx.put(", unknown subject");
        break;
    }
    ctx.put(')');
}

void print_reply(Context& ctx, ByteReader message, std::uint32_t length) {
    const std::size_t captured = message.size();
    if (length > captured || captured < header_length) return ctx.truncated("icmp6");
    bool verbose = ctx.options.verbosity > 0;
    ctx.put(" node information reply (");
    bool comma = false;
    auto code = static_cast<ReplyCode>(message.u8_at(1));
    switch (code) {
    case ReplyCode::Success:
        if (verbose) {
            ctx.put("success");
            comma = true;
        }
        break;
    case ReplyCode::Refused:
    case ReplyCode::Unknown:
        ctx.put(code == ReplyCode::Refused ? "refused" : "unknown");
        comma = true;
        if (captured != header_length && verbose) ctx.put(", invalid length");
        break;
    }
    if (code != ReplyCode::Success) return ctx.put(')');

    ByteReader fields = message.window(4, 4);
    auto qtype = static_cast<QueryType>(fields.be16());
    std::uint16_t flags = fields.be16();
    if (comma) ctx.put(", ");
    print_query_type(ctx, qtype, flags);
    switch (qtype) {
    case QueryType::Noop:
        if (captured != header_length && verbose) ctx.put(", invalid length");
        break;
    case QueryType::DnsName:
        // A 4-byte TTL, then the name.
        if (!print_name_field(ctx, message.window(header_length + 4, captured))) return ctx.truncated_unwind("icmp6");
        if (flags & ttl_valid_flag) ctx.print(" [TTL={}]", message.be32_at(header_length));
        break;
    case QueryType::NodeAddresses:
        // Each answer: a 4-byte TTL, then the address.
        for (std::size_t at = header_length; at + 20 <= captured; at += 20) {
            ctx.put(' ');
            ctx.host(message.ipv6_at(at + 4));
            ctx.print("({})", message.be32_at(at));
        }
        if (flags) print_address_flags(ctx, flags, true);
        break;
    default:
        break;
    }
    ctx.put(')');
}

}  // namespace

void print_icmp6_node_information(Context& ctx, ByteReader message, std::uint32_t length) {
    if (static_cast<NodeInfoType>(message.u8_at(0)) == NodeInfoType::Query)
        print_query(ctx, message);
    else
        print_reply(ctx, message, length);
}

}  // namespace rawdump::print
