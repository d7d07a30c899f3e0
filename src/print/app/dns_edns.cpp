// EDNS options inside an OPT record (tcpdump 4.99.3 eopt_print): "NAME data", where the data
// is decoded for the options tcpdump knows and shown as hex for the others.
#include <array>

#include "src/print/base/address.hpp"
#include "src/print/app/dns_message.hpp"
#include "src/print/app/dns_tables.hpp"

namespace rawdump::print::dns {
namespace {

// RFC 7871 address families.
constexpr std::uint16_t family_ipv4 = 1;
constexpr std::uint16_t family_ipv6 = 2;

void put_invalid(Context& ctx) { ctx.put(" (invalid)"); }

// RFC 7871 client subnet: "address/source-prefix/scope-prefix", the address zero-padded.
void print_client_subnet(Context& ctx, ByteReader data, std::size_t length) {
    if (length < 4) return put_invalid(ctx);
    std::uint16_t family = data.be16();
    unsigned source_bits = data.u8();
    unsigned scope_bits = data.u8();
    unsigned address_bits = family == family_ipv4 ? 32 : family == family_ipv6 ? 128 : 0;
    if (address_bits == 0) return put_invalid(ctx);
    std::size_t address_bytes = length - 4;
    if (address_bytes > address_bits / 8 || source_bits > address_bits || scope_bits > address_bits ||
        (source_bits + 7) / 8 != address_bytes)
        return put_invalid(ctx);
    std::array<std::uint8_t, 16> padded{};
    for (std::size_t i = 0; i < address_bytes; ++i) padded[i] = data.u8();
    if (family == family_ipv4) {
        Ipv4Address address;
        for (std::size_t i = 0; i < 4; ++i) address.bytes[i] = padded[i];
        append_numeric(ctx.out, address);
    } else {
        Ipv6Address address;
        address.bytes = padded;
        append_numeric(ctx.out, address);
    }
    ctx.print("/{}/{}", source_bits, scope_bits);
}

// RFC 7873: an 8-byte client cookie, optionally followed by an 8..32-byte server cookie.
void print_cookie(Context& ctx, ByteReader data, std::size_t length) {
    if (length < 8 || (length > 8 && length < 16) || length > 40) return put_invalid(ctx);
    for (std::size_t i = 0; i < length; ++i) {
        if (i == 8) ctx.put(' ');
        ctx.print("{:02x}", data.u8());
    }
}

// DAU, DHU, N3U (RFC 6975): a list of algorithm numbers.
template <std::size_t N>
void print_algorithms(Context& ctx, ByteReader data, std::size_t length,
                      const std::array<std::pair<std::uint16_t, std::string_view>, N>& names) {
    for (std::size_t i = 0; i < length; ++i) {
        if (i > 0) ctx.put(' ');
        std::uint8_t algorithm = data.u8();
        if (auto name = lookup(names, algorithm); !name.empty())
            ctx.put(name);
        else
            ctx.print("Alg_{}", algorithm);
    }
}

void print_hex(Context& ctx, ByteReader data, std::size_t length) {
    for (std::size_t i = 0; i < length; ++i) ctx.print("{:02x}", data.u8());
}

}  // namespace

Position print_edns_option(Message& m, std::size_t at) {
    Context& ctx = m.ctx;
    if (!m.has(at, 2)) return std::nullopt;
    std::uint16_t code = m.be16(at);
    at += 2;
    if (auto name = lookup(edns_option_names, code); !name.empty())
        ctx.put(name);
    else
        ctx.print("Opt{}", code);
    if (!m.has(at, 2)) return std::nullopt;
    std::size_t length = m.be16(at);
    at += 2;
    if (!m.has(at, length)) return std::nullopt;
    if (length == 0) return at;

    ctx.put(' ');
    ByteReader data = m.window(at, length);  // all captured: checked above
    switch (static_cast<EdnsOption>(code)) {
    case EdnsOption::ClientSubnet:
        print_client_subnet(ctx, data, length);
        break;
    case EdnsOption::Cookie:
        print_cookie(ctx, data, length);
        break;
    case EdnsOption::Keepalive:  // RFC 7828: in units of 100 ms
        if (length != 2) {
            put_invalid(ctx);
            break;
        }
        ctx.print("{:.1f} sec", data.be16() / 10.0);
        break;
    case EdnsOption::Expire:  // RFC 7314
        if (length != 4) {
            put_invalid(ctx);
            break;
        }
        ctx.print("{} sec", data.be32());
        break;
    case EdnsOption::Padding:  // RFC 7830: only the size matters
        ctx.print("({})", length);
        break;
    case EdnsOption::KeyTag:  // RFC 8145: 16-bit key tags
        if (length % 2 != 0) {
            put_invalid(ctx);
            break;
        }
        for (std::size_t i = 0; i < length; i += 2) {
            if (i > 0) ctx.put(' ');
            ctx.print("{}", data.be16());
        }
        break;
    case EdnsOption::Dau:
        print_algorithms(ctx, data, length, dnssec_algorithm_names);
        break;
    case EdnsOption::Dhu:
        print_algorithms(ctx, data, length, ds_hash_names);
        break;
    case EdnsOption::N3u:
        print_algorithms(ctx, data, length, nsec3_hash_names);
        break;
    case EdnsOption::Chain:
        // RFC 7901: a closest-trust-point name. tcpdump passes the option's end as the base
        // for compression pointers, and ignores a failed name.
        print_name(m, at, at + length);
        if (m.unwound) return std::nullopt;
        break;
    case EdnsOption::Nsid:  // an opaque server identifier
    default:
        print_hex(ctx, data, length);
        break;
    }
    return at + length;
}

}  // namespace rawdump::print::dns
