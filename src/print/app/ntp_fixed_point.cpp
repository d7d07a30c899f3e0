#include "src/print/app/ntp_fixed_point.hpp"
#include "src/print/base/civil_date.hpp"

namespace rawdump::print {
namespace {

// Seconds from the NTP era start (1900-01-01) to the Unix epoch. tcpdump 4.99.3 subtracts it
// from every timestamp, so values below it (era 1 after 2036, or garbage) print as pre-1970
// dates rather than being moved into the next era.
constexpr std::int64_t ntp_to_unix_offset = 2208988800;
constexpr double two_to_the_32 = 4294967296.0;  // tcpdump's FMAXINT

// The 32-bit fraction in parts per billion, computed in double exactly as tcpdump does so
// that the last digit rounds (truncates) the same way.
std::uint32_t fraction_nanos(std::uint32_t fraction) {
    double f = static_cast<double>(fraction) / two_to_the_32;
    return static_cast<std::uint32_t>(f * 1000000000.0);
}

// " (2017-06-19T14:12:09Z)": tcpdump formats with gmtime and strftime("%Y-%m-%dT%H:%M:%SZ"),
// so the date is UTC whatever the local time zone (unlike the packet timestamp prefix).
void print_utc_date(Context& ctx, std::uint32_t ntp_seconds) {
    std::int64_t unix_seconds = std::int64_t{ntp_seconds} - ntp_to_unix_offset;
    std::int64_t day = floor_div(unix_seconds, seconds_per_day);
    std::int64_t second_of_day = unix_seconds - day * seconds_per_day;
    std::int64_t year;
    unsigned month, mday;
    civil_from_days(day, year, month, mday);
    ctx.print(" ({:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z)", year, month, mday, second_of_day / 3600,
              second_of_day / 60 % 60, second_of_day % 60);
}

}  // namespace

NtpShort read_ntp_short(ByteReader& r) noexcept {
    NtpShort v;
    v.seconds = r.be16();
    v.fraction = r.be16();
    return v;
}

NtpTimestamp read_ntp_timestamp(ByteReader& r) noexcept {
    NtpTimestamp v;
    v.seconds = r.be32();
    v.fraction = r.be32();
    return v;
}

void print_ntp_short(Context& ctx, NtpShort value) {
    double f = value.fraction / 65536.0;
    ctx.print("{}.{:06}", value.seconds, static_cast<int>(f * 1000000.0));
}

void print_ntp_timestamp(Context& ctx, NtpTimestamp value) {
    ctx.print("{}.{:09}", value.seconds, fraction_nanos(value.fraction));
    if (value.seconds != 0) print_utc_date(ctx, value.seconds);
}

void print_ntp_delta(Context& ctx, NtpTimestamp from, NtpTimestamp to) {
    if (from.is_zero()) return print_ntp_timestamp(ctx, to);
    bool negative;
    std::uint32_t seconds, fraction;  // unsigned arithmetic wraps as in tcpdump
    if (to.seconds > from.seconds) {
        negative = false;
        seconds = to.seconds - from.seconds;
        fraction = to.fraction - from.fraction;
        if (from.fraction > to.fraction) --seconds;  // borrow
    } else if (to.seconds < from.seconds) {
        negative = true;
        seconds = from.seconds - to.seconds;
        fraction = from.fraction - to.fraction;
        if (to.fraction > from.fraction) --seconds;
    } else {
        // Equal seconds: an equal fraction counts as negative ("-0.000000000"), as in tcpdump.
        seconds = 0;
        negative = !(to.fraction > from.fraction);
        fraction = negative ? from.fraction - to.fraction : to.fraction - from.fraction;
    }
    ctx.print("{}{}.{:09}", negative ? '-' : '+', seconds, fraction_nanos(fraction));
}

}  // namespace rawdump::print
