// DNS messages (tcpdump 4.99.3 domain_print): the TCP length prefix, the header line
// ("4660+ [1au]" for queries, "4660*- 2/0/1" for responses) and the sections in the order and
// at the verbosity tcpdump prints them, ending in " (length)" or " [|domain]".
#include "src/print/app/dns.hpp"

#include <array>

#include "src/print/app/dns_message.hpp"
#include "src/print/app/dns_tables.hpp"

namespace rawdump::print {
namespace {

using dns::Message;
using dns::Position;

constexpr std::string_view protocol_name = "domain";
constexpr std::size_t header_length = 12;

// Header flags (RFC 1035 4.1.1; AD and CD from RFC 4035).
enum class Flag : std::uint16_t {
    Response = 0x8000, Authoritative = 0x0400, Truncated = 0x0200, RecursionDesired = 0x0100,
    RecursionAvailable = 0x0080, AuthenticData = 0x0020, CheckingDisabled = 0x0010,
};
constexpr std::uint16_t rcode_mask = 0x000f;
// AA, TC, RA, Z and RCODE: bits a query should have clear, shown as "[b2&3=0x...]" if not.
constexpr std::uint16_t query_unexpected_bits = 0x06cf;

struct Header {
    std::uint16_t id = 0, flags = 0;
    unsigned questions = 0, answers = 0, authorities = 0, additionals = 0;

    bool has(Flag f) const { return flags & static_cast<std::uint16_t>(f); }
    unsigned opcode() const { return (flags >> 11) & 0x0f; }
};

Header read_header(const Message& m) {
    Header h;
    h.id = m.be16(0);
    h.flags = m.be16(2);
    h.questions = m.be16(4);
    h.answers = m.be16(6);
    h.authorities = m.be16(8);
    h.additionals = m.be16(10);
    return h;
}

// The RCODE with the upper 8 bits an OPT record carries (RFC 6891 6.1.3). tcpdump skips to the
// first OPT record of the additional section and gives up quietly where the capture ends.
unsigned extended_rcode(const Message& m, const Header& h) {
    unsigned rcode = h.flags & rcode_mask;
    std::size_t at = header_length;
    for (unsigned i = 0; i < h.questions; ++i) {
        auto name_end = dns::skip_name(m, at);
        if (!name_end) return rcode;
        at = *name_end + 4;  // type, class
        if (at >= m.end()) return rcode;
    }
    for (unsigned i = 0; i < h.answers + h.authorities; ++i) {
        auto name_end = dns::skip_name(m, at);
        if (!name_end) return rcode;
        at = *name_end + 8;  // type, class, TTL
        if (!m.has(at, 2)) return rcode;
        at += 2 + m.be16(at);
        if (at >= m.end()) return rcode;
    }
    for (unsigned i = 0; i < h.additionals; ++i) {
        auto name_end = dns::skip_name(m, at);
        if (!name_end) return rcode;
        at = *name_end;
        if (!m.has(at, 2)) return rcode;
        std::uint16_t type = m.be16(at);
        at += 4;  // type, class
        if (!m.has(at, 1)) return rcode;
        if (type == static_cast<std::uint16_t>(dns::RecordType::Opt)) return rcode | unsigned{m.u8(at)} << 4;
        at += 4;  // TTL
        if (!m.has(at, 2)) return rcode;
        at += 2 + m.be16(at);
        if (at >= m.end()) return rcode;
    }
    return rcode;
}

void put_rcode(Context& ctx, unsigned rcode) {
    if (rcode < dns::rcode_texts.size())
        ctx.put(dns::rcode_texts[rcode]);
    else
        ctx.print(" Resp{}", rcode & 0xfff);
}

// `count` records from `at`, comma-separated. A labelled section (" ns:", " ar:") starts only
// if captured bytes remain; the answers start regardless. False when the line must end in
// the truncation marker.
bool print_section(Message& m, std::size_t& at, unsigned count, std::string_view label) {
    if (count == 0 || (!label.empty() && at >= m.end())) return count == 0;
    m.ctx.put(label);
    for (bool first = true; count > 0 && (first || at < m.end()); first = false) {
        if (!first) m.ctx.put(',');
        Position next = dns::print_record(m, at);
        if (!next) return false;
        at = *next;
        --count;
    }
    return count == 0;
}

// Authority and additional sections, shown from -vv.
bool print_authority_and_additional(Message& m, std::size_t& at, const Header& h) {
    return print_section(m, at, h.authorities, " ns:") && print_section(m, at, h.additionals, " ar:");
}

bool print_response(Message& m, const Header& h) {
    Context& ctx = m.ctx;
    ctx.print("{}", h.id);
    ctx.put(dns::opcode_texts[h.opcode()]);
    put_rcode(ctx, extended_rcode(m, h));
    if (h.has(Flag::Authoritative)) ctx.put('*');
    if (!h.has(Flag::RecursionAvailable)) ctx.put('-');
    if (h.has(Flag::Truncated)) ctx.put('|');
    if (h.has(Flag::AuthenticData)) ctx.put('$');
    if (h.questions != 1) ctx.print(" [{}q]", h.questions);

    bool verbose = ctx.options.verbosity > 1;
    std::size_t at = header_length;
    for (unsigned i = 0; i < h.questions; ++i) {
        if (i != 0) ctx.put(',');
        if (verbose) {
            ctx.put(" q:");
            Position next = dns::print_question(m, at);
            if (!next) return false;
            at = *next;
        } else {
            Position next = dns::skip_name(m, at);
            if (!next) return false;
            at = *next + 4;  // type, class
        }
    }
    ctx.print(" {}/{}/{}", h.answers, h.authorities, h.additionals);
    if (!print_section(m, at, h.answers, "")) return false;
    return !verbose || print_authority_and_additional(m, at, h);
}

bool print_query(Message& m, const Header& h) {
    Context& ctx = m.ctx;
    ctx.print("{}", h.id);
    ctx.put(dns::opcode_texts[h.opcode()]);
    if (h.has(Flag::RecursionDesired)) ctx.put('+');
    if (h.has(Flag::CheckingDisabled)) ctx.put('%');
    if (h.flags & query_unexpected_bits) ctx.print(" [b2&3=0x{:x}]", h.flags);
    // An inverse query is expected to carry one answer and no question.
    if (h.opcode() == dns::opcode_inverse_query) {
        if (h.questions != 0) ctx.print(" [{}q]", h.questions);
        if (h.answers != 1) ctx.print(" [{}a]", h.answers);
    } else {
        if (h.answers != 0) ctx.print(" [{}a]", h.answers);
        if (h.questions != 1) ctx.print(" [{}q]", h.questions);
    }
    if (h.authorities != 0) ctx.print(" [{}n]", h.authorities);
    if (h.additionals != 0) ctx.print(" [{}au]", h.additionals);

    std::size_t at = header_length;
    unsigned questions = h.questions;
    for (bool first = true; questions > 0 && (first || at < m.end()); first = false, --questions) {
        Position next = dns::print_question(m, at);
        if (!next) return false;
        at = *next;
    }
    if (questions != 0) return false;
    if (ctx.options.verbosity < 2) return true;
    return print_section(m, at, h.answers, "") && print_authority_and_additional(m, at, h);
}

void print_message(Context& ctx, ByteReader bytes, std::uint32_t length, DnsFlavor flavor) {
    if (length < header_length)
        return ctx.print("{} [length {} < {}] (invalid)", protocol_name, length, header_length);
    Message m(ctx, bytes, flavor);
    if (!m.has(0, header_length)) return ctx.truncated(protocol_name);
    Header h = read_header(m);
    bool complete = h.has(Flag::Response) ? print_response(m, h) : print_query(m, h);
    if (complete) return ctx.print(" ({})", length);
    if (m.unwound)
        ctx.truncated_unwind(protocol_name);
    else
        ctx.truncated(protocol_name);
}

}  // namespace

bool dns_claims_tcp_ports(std::uint16_t sport, std::uint16_t dport) noexcept {
    static constexpr std::array<std::uint16_t, 15> tested_before_dns{
        23, 25, 43, 179, 1723, 6379, 22, 10288, 6633, 6653, 21, 80, 8080, 554, 8554,
    };
    for (auto port : tested_before_dns)
        if (sport == port || dport == port) return false;
    return sport == dns_port || dport == dns_port;
}

void print_dns(Context& ctx, ByteReader payload, std::uint32_t length, DnsTransport transport,
               DnsFlavor flavor) {
    if (transport == DnsTransport::Tcp) {
        // RFC 1035 4.2.2: the message is prefixed with its length, which must be the rest.
        if (length < 2) return ctx.print(" [DNS over TCP: length {} < 2] (invalid)", length);
        length -= 2;
        std::uint16_t prefix = payload.be16();
        if (payload.truncated()) return ctx.truncated_unwind(protocol_name);
        if (prefix != length)
            return ctx.print(" [prefix length({}) != length({})] (invalid)", prefix, length);
        ctx.put(' ');
    }
    print_message(ctx, ByteReader{payload.rest()}, length, flavor);
}

}  // namespace rawdump::print
