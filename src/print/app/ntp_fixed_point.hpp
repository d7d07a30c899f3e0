// NTP's fixed-point numbers as tcpdump prints them (print-ntp.c p_sfix / p_ntp_delta and
// ntp.c p_ntp_time): seconds, then the fraction scaled to decimal digits.
#pragma once

#include <cstdint>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print {

// RFC 5905 "short format": 16-bit seconds, 16-bit fraction (root delay and dispersion).
struct NtpShort {
    std::uint16_t seconds = 0, fraction = 0;
};

// RFC 5905 "timestamp format": seconds since 1900, 32-bit fraction.
struct NtpTimestamp {
    std::uint32_t seconds = 0, fraction = 0;
    bool is_zero() const noexcept { return seconds == 0 && fraction == 0; }
};

// Both read through `r`; on a short capture `r` becomes truncated and the value is zero.
NtpShort read_ntp_short(ByteReader& r) noexcept;
NtpTimestamp read_ntp_timestamp(ByteReader& r) noexcept;

// "0.001373": seconds, then the fraction in parts per million.
void print_ntp_short(Context& ctx, NtpShort value);
// "3706870329.516015118 (2017-06-19T14:12:09Z)": the fraction in parts per billion, and the
// date in UTC unless the seconds are zero.
void print_ntp_timestamp(Context& ctx, NtpTimestamp value);
// "+0.001441629" / "-777343293.366267130": `to - from`; when `from` is zero, `to` itself.
void print_ntp_delta(Context& ctx, NtpTimestamp from, NtpTimestamp to);

}  // namespace rawdump::print
