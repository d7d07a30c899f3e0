// NTP time messages (modes 0-5): stratum, poll, precision, root delay/dispersion, reference
// ID, the four timestamps and their differences, then the optional key ID and digest.
#include <array>
#include <cstdint>

#include "src/print/app/ntp_fixed_point.hpp"
#include "src/print/app/ntp_messages.hpp"

namespace rawdump::print::ntp {
namespace {

// The 48-byte header without extension fields, key ID or digest.
constexpr std::uint32_t header_length = 48;
constexpr std::uint32_t key_id_length = 4;
constexpr std::uint32_t md5_digest_length = 16;
constexpr std::uint32_t sha1_digest_length = 20;

// Strata whose reference ID tcpdump reads differently.
constexpr std::uint8_t stratum_unspecified = 0;
constexpr std::uint8_t stratum_primary = 1;           // refid is 4 ASCII characters ("GPS")
constexpr std::uint8_t stratum_info_query = 62;       // old ntpd info request: refid is an address
constexpr std::uint8_t stratum_info_reply = 63;

constexpr std::string_view stratum_name(std::uint8_t stratum) {
    if (stratum == stratum_unspecified) return "unspecified";
    if (stratum == stratum_primary) return "primary reference";
    if (stratum >= 2 && stratum <= 15) return "secondary reference";
    return "reserved";
}

// " (8s)" or " (1/4s)": the poll exponent as an interval, when it fits in 32 bits.
void print_poll_interval(Context& ctx, int exponent) {
    if (exponent <= -32 || exponent >= 32) return;
    if (exponent >= 0)
        ctx.print(" ({}s)", 1u << exponent);
    else
        ctx.print(" (1/{}s)", 1u << -exponent);
}

// tcpdump 4.99.3 checks that a whole field was captured before printing its label, so a
// cut-short field leaves no dangling label before " [|ntp]".
bool captured(Context& ctx, const ByteReader& r, std::size_t field_length) {
    if (r.has(field_length)) return true;
    ctx.truncated_unwind(protocol);
    return false;
}

bool labelled_timestamp(Context& ctx, ByteReader& r, std::string_view label, NtpTimestamp& value) {
    if (!captured(ctx, r, 8)) return false;
    ctx.put(label);
    value = read_ntp_timestamp(r);
    print_ntp_timestamp(ctx, value);
    return true;
}

// ", Reference-ID: ..."; false when the message ends here (cut short, or an info
// query/reply that tcpdump does not decode further).
bool print_reference_id(Context& ctx, ByteReader& r, std::uint8_t stratum) {
    if (!captured(ctx, r, 4)) return false;
    ctx.put(", Reference-ID: ");
    switch (stratum) {
    case stratum_unspecified:
        ctx.put("(unspec)");
        r.skip(4);
        return true;
    case stratum_primary:
        print_escaped(ctx, r.narrowed(4));
        r.skip(4);
        return true;
    case stratum_info_query:
    case stratum_info_reply:
        ctx.host(r.ipv4());
        ctx.put(stratum == stratum_info_query ? " INFO_QUERY" : " INFO_REPLY");
        return false;
    default:
        // NTPv4: an IPv4 address or the first bytes of an MD5 of an IPv6 one, shown as hex.
        ctx.print("0x{:08x}", r.be32());
        return true;
    }
}

// What follows the 48-byte header, recognised only by the total length (tcpdump does not
// walk NTPv4 extension fields).
void print_trailer(Context& ctx, ByteReader& r, std::uint32_t length) {
    if (length == header_length + key_id_length) {
        std::uint32_t key_id = r.be32();
        if (r.truncated()) return ctx.truncated_unwind(protocol);
        ctx.print("\n\tKey id: {}", key_id);
    } else if (length == header_length + key_id_length + md5_digest_length ||
               length == header_length + key_id_length + sha1_digest_length) {
        std::uint32_t key_id = r.be32();
        if (r.truncated()) return ctx.truncated_unwind(protocol);
        ctx.print("\n\tKey id: {}", key_id);
        std::uint32_t count = (length - header_length - key_id_length) / 4;
        std::array<std::uint32_t, sha1_digest_length / 4> digest{};
        for (std::uint32_t i = 0; i < count; ++i) digest[i] = r.be32();  // all read, then printed
        if (r.truncated()) return ctx.truncated_unwind(protocol);
        ctx.put("\n\tAuthentication: ");
        for (std::uint32_t i = 0; i < count; ++i) ctx.print("{:08x}", digest[i]);
    } else if (length > header_length) {
        ctx.print("\n\t({} more bytes after the header)", length - header_length);
    }
}

}  // namespace

void print_time_message(Context& ctx, ByteReader message, std::uint32_t length) {
    if (length < header_length) return print_invalid(ctx, message, length);
    ByteReader r = message;
    r.skip(1);  // LI/VN/Mode, already printed

    if (!captured(ctx, r, 1)) return;
    std::uint8_t stratum = r.u8();
    ctx.print(", Stratum {} ({})", stratum, stratum_name(stratum));
    if (!captured(ctx, r, 1)) return;
    auto poll = static_cast<std::int8_t>(r.u8());
    ctx.print(", poll {}", poll);
    print_poll_interval(ctx, poll);
    if (!captured(ctx, r, 1)) return;
    auto precision = static_cast<std::int8_t>(r.u8());
    ctx.print(", precision {}", precision);

    if (!captured(ctx, r, 4)) return;
    ctx.put("\n\tRoot Delay: ");
    print_ntp_short(ctx, read_ntp_short(r));
    if (!captured(ctx, r, 4)) return;
    ctx.put(", Root dispersion: ");
    print_ntp_short(ctx, read_ntp_short(r));
    if (!print_reference_id(ctx, r, stratum)) return;

    NtpTimestamp reference, originator, receive, transmit;
    if (!labelled_timestamp(ctx, r, "\n\t  Reference Timestamp:  ", reference)) return;
    if (!labelled_timestamp(ctx, r, "\n\t  Originator Timestamp: ", originator)) return;
    if (!labelled_timestamp(ctx, r, "\n\t  Receive Timestamp:    ", receive)) return;
    if (!labelled_timestamp(ctx, r, "\n\t  Transmit Timestamp:   ", transmit)) return;
    ctx.put("\n\t    Originator - Receive Timestamp:  ");
    print_ntp_delta(ctx, originator, receive);
    ctx.put("\n\t    Originator - Transmit Timestamp: ");
    print_ntp_delta(ctx, originator, transmit);

    print_trailer(ctx, r, length);
}

}  // namespace rawdump::print::ntp
