// Questions and resource records (tcpdump 4.99.3 ns_qprint, ns_rprint): "A? example.com." and
// "[owner] [ttl] TYPE data", with the record data of the types tcpdump decodes.
#include <array>
#include <utility>

#include "src/print/base/duration.hpp"
#include "src/print/base/address.hpp"
#include "src/print/app/dns_message.hpp"
#include "src/print/app/dns_tables.hpp"

namespace rawdump::print::dns {
namespace {

constexpr std::uint16_t opt_flag_dnssec_ok = 0x8000;  // RFC 3225 "DO"
constexpr std::size_t record_fixed_length = 10;        // type, class, TTL, data length
constexpr std::size_t question_fixed_length = 4;       // type, class

void put_type(Context& ctx, std::uint16_t type) {
    if (auto name = lookup(record_type_names, type); !name.empty())
        ctx.put(name);
    else
        ctx.print("Type{}", type);
}

void put_class(Context& ctx, std::uint16_t klass) {
    if (auto name = lookup(class_names, klass); !name.empty())
        ctx.put(name);
    else
        ctx.print("(Class {})", klass);
}

// The decoded parts of a record header that its data printer needs.
struct RecordData {
    std::uint16_t type = 0;
    std::uint16_t klass = 0;      // without the mDNS cache-flush bit; the UDP size for OPT
    std::uint16_t opt_flags = 0;  // OPT only: the EDNS flags from the TTL field
    std::size_t at = 0;           // first data byte
    std::uint16_t length = 0;     // declared data length
    std::size_t end = 0;          // at + length
};

bool print_soa(Message& m, std::size_t at) {
    if (m.ctx.options.verbosity == 0) return true;
    m.ctx.put(' ');
    auto next = print_name(m, at);  // primary server
    if (!next) return false;
    m.ctx.put(' ');
    next = print_name(m, *next);  // responsible mailbox
    if (!next) return false;
    at = *next;
    if (!m.has(at, 5 * 4)) return false;
    for (int i = 0; i < 5; ++i, at += 4)  // serial, refresh, retry, expire, minimum
        m.ctx.print(" {}", m.be32(at));
    return true;
}

// RFC 2874: a prefix length, the address bits after the prefix, then the prefix's name.
bool print_a6(Message& m, std::size_t at) {
    if (!m.has(at, 1)) return false;
    unsigned prefix_bits = m.u8(at);
    std::size_t prefix_bytes = (prefix_bits & ~7u) / 8;
    if (prefix_bits > 128) {
        m.ctx.print(" {}(bad plen)", prefix_bits);
        return true;
    }
    if (prefix_bits < 128) {
        std::size_t suffix_bytes = 16 - prefix_bytes;
        if (!m.has(at + 1, suffix_bytes)) {  // read by tcpdump's GET_CPY_BYTES, unchecked
            m.unwind();
            return false;
        }
        Ipv6Address address;
        ByteReader suffix = m.window(at + 1, suffix_bytes);
        for (std::size_t i = prefix_bytes; i < 16; ++i) address.bytes[i] = suffix.u8();
        m.ctx.print(" {} ", prefix_bits);
        append_numeric(m.ctx.out, address);
    }
    if (prefix_bits > 0) {
        m.ctx.put(' ');
        if (!print_name(m, at + 1 + 16 - prefix_bytes)) return false;
    }
    return true;
}

// RFC 7553: priority, weight, then the URI up to the end of the data.
bool print_uri(Message& m, const RecordData& r) {
    if (!m.has(r.at, r.length)) return false;
    if (!m.has(r.at, 4)) {  // both numbers are read, unchecked, before anything is printed
        m.unwind();
        return false;
    }
    m.ctx.print(" {} {} ", m.be16(r.at), m.be16(r.at + 2));
    // A data length under 4 wraps around in tcpdump's unsigned arithmetic.
    auto text_length = static_cast<std::uint32_t>(int{r.length} - 4);
    return print_text(m, r.at + 4, text_length);
}

// "UDPsize=N [DO] [option,option]".
bool print_opt(Message& m, const RecordData& r) {
    m.ctx.print(" UDPsize={}", r.klass);
    if (r.opt_flags & opt_flag_dnssec_ok) m.ctx.put(" DO");
    if (r.at >= r.end) return true;
    m.ctx.put(" [");
    for (std::size_t at = r.at; at < r.end;) {
        auto next = print_edns_option(m, at);
        if (!next) return false;
        at = *next;
        if (at < r.end) m.ctx.put(',');
    }
    m.ctx.put(']');
    return true;
}

// RFC 8945 transaction signature, from -v: algorithm, then the numbers around the MAC.
bool print_tsig(Message& m, std::size_t at) {
    if (m.ctx.options.verbosity == 0) return true;
    m.ctx.put(' ');
    auto next = print_name(m, at);  // algorithm
    if (!next) return false;
    at = *next + 6;  // time signed
    if (!m.has(at, 2)) return false;
    m.ctx.print(" fudge={}", m.be16(at));
    at += 2;
    if (!m.has(at, 2)) return false;
    m.ctx.print(" maclen={}", m.be16(at));
    at += 2 + m.be16(at);
    if (!m.has(at, 2)) return false;
    m.ctx.print(" origid={}", m.be16(at));
    at += 2;
    if (!m.has(at, 2)) return false;
    m.ctx.print(" error={}", m.be16(at));
    at += 2;
    if (!m.has(at, 2)) return false;
    m.ctx.print(" otherlen={}", m.be16(at));
    return true;
}

// False where tcpdump's ns_rprint returns NULL.
bool print_record_data(Message& m, const RecordData& r) {
    Context& ctx = m.ctx;
    std::size_t at = r.at;
    switch (static_cast<RecordType>(r.type)) {
    case RecordType::A: {
        if (!m.has(at, 4)) return false;
        ctx.put(' ');
        append_numeric(ctx.out, m.ipv4(at));  // never resolved, even without -n
        return true;
    }
    case RecordType::Ns:
    case RecordType::Cname:
    case RecordType::Ptr:
    case RecordType::Dname:
        ctx.put(' ');
        return print_name(m, at).has_value();
    case RecordType::Soa:
        return print_soa(m, at);
    case RecordType::Mx:
        ctx.put(' ');
        if (!m.has(at, 2)) return false;
        if (!print_name(m, at + 2)) return false;
        ctx.print(" {}", m.be16(at));
        return true;
    case RecordType::Txt:
        while (at < r.end) {
            ctx.put(" \"");
            auto next = print_character_string(m, at);
            if (!next) return false;
            at = *next;
            ctx.put('"');
        }
        return true;
    case RecordType::Srv:  // "target:port priority weight"
        ctx.put(' ');
        if (!m.has(at, 6)) return false;
        if (!print_name(m, at + 6)) return false;
        ctx.print(":{} {} {}", m.be16(at + 4), m.be16(at), m.be16(at + 2));
        return true;
    case RecordType::Aaaa: {
        if (!m.has(at, 16)) return false;
        ctx.put(' ');
        append_numeric(ctx.out, m.ipv6(at));
        return true;
    }
    case RecordType::A6:
        return print_a6(m, at);
    case RecordType::Uri:
        return print_uri(m, r);
    case RecordType::Opt:
        return print_opt(m, r);
    case RecordType::Tsig:
        return print_tsig(m, at);
    case RecordType::Unspeca:  // "unspecified ASCII": the text follows the type name directly
        if (!m.has(at, r.length)) return false;
        print_text(m, at, r.length);
        return true;
    }
    return true;  // other types print only their name
}

}  // namespace

Position print_question(Message& m, std::size_t at) {
    auto fixed = skip_name(m, at);
    if (!fixed || !m.has(*fixed, question_fixed_length)) return std::nullopt;
    Context& ctx = m.ctx;
    ctx.put(' ');
    put_type(ctx, m.be16(*fixed));
    std::uint16_t raw_class = m.be16(*fixed + 2);
    std::uint16_t klass = m.multicast ? raw_class & ~class_multicast_bit : raw_class;
    if (klass != class_in) {
        ctx.put(' ');
        put_class(ctx, klass);
    }
    if (m.multicast) ctx.put(raw_class & class_multicast_bit ? " (QU)" : " (QM)");
    ctx.put("? ");
    // tcpdump continues after the printed name, which differs from `fixed` only in broken names.
    auto name_end = print_name(m, at);
    if (!name_end) return std::nullopt;
    return *name_end + question_fixed_length;
}

Position print_record(Message& m, std::size_t at) {
    Context& ctx = m.ctx;
    Position fixed;
    if (ctx.options.verbosity > 0) {
        ctx.put(' ');
        fixed = print_name(m, at);
        if (!fixed) return std::nullopt;
    } else {
        fixed = skip_name(m, at);
    }
    if (!fixed || !m.has(*fixed, record_fixed_length)) return m.end();

    std::size_t p = *fixed;
    RecordData r;
    r.type = m.be16(p);
    std::uint16_t raw_class = m.be16(p + 2);
    r.klass = m.multicast ? raw_class & ~class_multicast_bit : raw_class;
    p += 4;
    bool is_opt = r.type == static_cast<std::uint16_t>(RecordType::Opt);
    if (r.klass != class_in && !is_opt) {
        ctx.put(' ');
        put_class(ctx, r.klass);
    }
    if (m.multicast && (raw_class & class_multicast_bit)) ctx.put(" (Cache flush)");
    if (is_opt) {
        r.opt_flags = m.be16(p + 2);  // after the extended RCODE and version bytes
    } else if (ctx.options.verbosity > 2) {
        ctx.put(" [");
        print_duration(ctx, m.be32(p));
        ctx.put(']');
    }
    p += 4;
    r.length = m.be16(p);
    r.at = p + 2;
    r.end = r.at + r.length;
    ctx.put(' ');
    put_type(ctx, r.type);
    if (r.end > m.end()) return std::nullopt;
    if (!print_record_data(m, r)) return std::nullopt;
    // The next record starts after the declared data, whatever the data printer read.
    return r.end;
}

}  // namespace rawdump::print::dns
