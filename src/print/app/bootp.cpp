// BOOTP / DHCPv4: the fixed RFC 951 header, then the vendor area chosen by its magic number.
// The message reader `m` is never advanced: fields are read at their fixed offsets, each
// checked against the capture just before tcpdump reads it, so the marker lands where its does.
#include "src/print/app/bootp.hpp"

#include "src/print/app/bootp_vendor.hpp"

namespace rawdump::print {
namespace {

using bootp::protocol;

// RFC 951 field offsets.
namespace offset {
constexpr std::size_t op = 0, htype = 1, hlen = 2, hops = 3, xid = 4, secs = 8, flags = 10;
constexpr std::size_t ciaddr = 12, yiaddr = 16, siaddr = 20, giaddr = 24, chaddr = 28;
constexpr std::size_t sname = 44, file = 108, vendor = 236;
}  // namespace offset

constexpr std::size_t sname_length = 64, file_length = 128;
constexpr std::uint8_t op_request = 1, op_reply = 2;
constexpr std::uint8_t htype_ethernet = 1, ethernet_address_length = 6;
constexpr std::uint16_t flag_broadcast = 0x8000;
constexpr std::uint32_t magic_rfc1048 = 0x63825363;  // 99.130.83.99
constexpr std::uint32_t magic_cmu = 0x434d5500;      // "CMU\0"

// "\n\t  Client-IP 192.0.2.1" when the address is set; false when it was not captured.
bool print_address_field(Context& ctx, const ByteReader& m, std::size_t at, std::string_view label) {
    if (!m.has(at + 4)) {
        ctx.truncated_unwind(protocol);
        return false;
    }
    Ipv4Address address = m.ipv4_at(at);
    if (address.value() == 0) return true;
    ctx.put(label);
    ctx.host(address);
    return true;
}

// sname / file: text up to the first NUL. Printed only if the first byte is set; when no
// NUL comes within the field or the capture, tcpdump 4.99.3 closes the quote and prints the
// truncation marker without unwinding (nd_printztn returns 0 in both cases). Returns false
// when the packet ends here.
bool print_text_field(Context& ctx, const ByteReader& m, std::size_t at, std::size_t field_length,
                      std::string_view label) {
    if (!m.has(at + 1)) {
        ctx.truncated_unwind(protocol);
        return false;
    }
    if (m.u8_at(at) == 0) return true;
    ctx.put(label);
    ByteReader field = m.window(at, field_length);
    auto bytes = field.all();
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (bytes[i] == std::byte{0}) {
            print_escaped(ctx, field.window(0, i));
            ctx.put('"');
            return true;
        }
    }
    print_escaped(ctx, field);
    ctx.put('"');
    ctx.truncated(protocol);
    return false;
}

void print_vendor_area(Context& ctx, const ByteReader& m) {
    // tcpdump 4.99.3 bounds-checks the magic with ND_TCHECK, which prints the marker without
    // unwinding (unlike its GET_ reads of single fields).
    if (!m.has(offset::vendor + 4)) return ctx.truncated(protocol);
    ByteReader vendor = m.window(offset::vendor, m.size());
    std::uint32_t magic = m.be32_at(offset::vendor);
    if (magic == magic_rfc1048) return bootp::print_rfc1048_options(ctx, vendor);
    if (magic == magic_cmu) return bootp::print_cmu_vendor(ctx, vendor);
    if (magic != 0) ctx.print("\n\t  Vendor-#0x{:x}", magic);
}

}  // namespace

void print_bootp(Context& ctx, ByteReader m, std::uint32_t length) {
    if (!m.has(offset::op + 1)) return ctx.truncated_unwind(protocol);
    std::uint8_t op = m.u8_at(offset::op);
    ctx.put("BOOTP/DHCP, ");
    if (op == op_request)
        ctx.put("Request");
    else if (op == op_reply)
        ctx.put("Reply");
    else
        ctx.print("unknown (0x{:02x})", op);

    if (!m.has(offset::hlen + 1)) return ctx.truncated_unwind(protocol);
    std::uint8_t htype = m.u8_at(offset::htype);
    std::uint8_t hlen = m.u8_at(offset::hlen);
    const bool ethernet = htype == htype_ethernet && hlen == ethernet_address_length;
    if (ethernet && op == op_request) {
        if (!m.has(offset::chaddr + 6)) return ctx.truncated_unwind(protocol);
        ctx.put(" from ");
        ctx.mac(m.mac_at(offset::chaddr));
    }
    ctx.print(", length {}", length);
    if (ctx.options.verbosity == 0) return;

    if (!m.has(offset::secs + 2)) return ctx.truncated(protocol);  // ND_TCHECK: no unwind
    if (htype != htype_ethernet) ctx.print(", htype {}", htype);
    if (!ethernet) ctx.print(", hlen {}", hlen);
    // Only the fields that are set.
    if (std::uint8_t hops = m.u8_at(offset::hops)) ctx.print(", hops {}", hops);
    if (std::uint32_t xid = m.be32_at(offset::xid)) ctx.print(", xid 0x{:x}", xid);
    if (std::uint16_t secs = m.be16_at(offset::secs)) ctx.print(", secs {}", secs);

    if (!m.has(offset::flags + 2)) return ctx.truncated_unwind(protocol);
    std::uint16_t flags = m.be16_at(offset::flags);
    ctx.put(flags & flag_broadcast ? ", Flags [Broadcast]" : ", Flags [none]");
    if (ctx.options.verbosity > 1) ctx.print(" (0x{:04x})", flags);

    if (!print_address_field(ctx, m, offset::ciaddr, "\n\t  Client-IP ")) return;
    if (!print_address_field(ctx, m, offset::yiaddr, "\n\t  Your-IP ")) return;
    if (!print_address_field(ctx, m, offset::siaddr, "\n\t  Server-IP ")) return;
    if (!print_address_field(ctx, m, offset::giaddr, "\n\t  Gateway-IP ")) return;

    if (ethernet) {
        if (!m.has(offset::chaddr + 6)) return ctx.truncated_unwind(protocol);
        ctx.put("\n\t  Client-Ethernet-Address ");
        ctx.mac(m.mac_at(offset::chaddr));
    }
    if (!print_text_field(ctx, m, offset::sname, sname_length, "\n\t  sname \"")) return;
    if (!print_text_field(ctx, m, offset::file, file_length, "\n\t  file \"")) return;
    print_vendor_area(ctx, m);
}

}  // namespace rawdump::print
