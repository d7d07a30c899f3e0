#include "src/print/base/timestamp.hpp"
#include "src/print/base/civil_date.hpp"

namespace rawdump::print {

// tcpdump converts every packet's time with localtime(), so a capture that crosses a daylight
// saving change prints each side in its own offset. A zone's offset changes only at its
// transitions, and since zones left local mean time those fall on whole quarter hours of UTC
// (every offset is a multiple of 15 minutes): asking once per quarter hour of capture time
// gives the same text as asking per packet, at a zone lookup per 15 minutes of traffic.
std::int64_t TimestampPrinter::local_offset(std::int64_t seconds) noexcept {
    constexpr std::int64_t quarter_hour = 15 * 60;
    const std::int64_t quarter = seconds / quarter_hour - (seconds % quarter_hour < 0 ? 1 : 0);
    if (!utc_offset_ || quarter != offset_quarter_) {
        utc_offset_ = zone_.utc_offset(seconds);
        offset_quarter_ = quarter;
    }
    return *utc_offset_;
}

// Every packet line starts here, so the common shapes are written digit by digit: fmt's
// format-string path cost about a quarter of a whole `-n` line. fmt stays for the rare
// out-of-range values, and formats straight into the buffer (fmt::appender), never through
// a back_insert_iterator's intermediate buffer.

// A fraction of 10^6 or more (a corrupt usec field) prints in full, as tcpdump does.
void TimestampPrinter::fraction(fmt::memory_buffer& out, std::uint64_t ns) const {
    const unsigned width = nanoseconds_ ? 9 : 6;
    std::uint64_t value = nanoseconds_ ? ns : ns / 1000;
    if (value >= (nanoseconds_ ? 1000000000u : 1000000u)) {
        if (nanoseconds_)
            fmt::format_to(fmt::appender(out), ".{:09}", value);
        else
            fmt::format_to(fmt::appender(out), ".{:06}", value);
        return;
    }
    char text[10];
    text[0] = '.';
    for (unsigned i = width; i > 0; --i, value /= 10) text[i] = static_cast<char>('0' + value % 10);
    out.append(text, text + width + 1);
}

void TimestampPrinter::clock(fmt::memory_buffer& out, std::int64_t seconds_of_day, std::uint64_t ns) const {
    if (seconds_of_day < 0 || seconds_of_day >= seconds_per_day) {
        fmt::format_to(fmt::appender(out), "{:02}:{:02}:{:02}", seconds_of_day / 3600,
                       seconds_of_day / 60 % 60, seconds_of_day % 60);
    } else {
        const auto s = static_cast<unsigned>(seconds_of_day);
        const unsigned h = s / 3600, m = s / 60 % 60, sec = s % 60;
        const char text[8] = {static_cast<char>('0' + h / 10),   static_cast<char>('0' + h % 10),   ':',
                              static_cast<char>('0' + m / 10),   static_cast<char>('0' + m % 10),   ':',
                              static_cast<char>('0' + sec / 10), static_cast<char>('0' + sec % 10)};
        out.append(text, text + sizeof text);
    }
    fraction(out, ns);
}

void TimestampPrinter::delta(fmt::memory_buffer& out, const Timestamp& from,
                             const Timestamp& to) const {
    std::int64_t s = to.seconds - from.seconds;
    std::int64_t ns = std::int64_t(to.nanoseconds) - from.nanoseconds;
    if (ns < 0) ns += 1000000000, --s;
    bool negative = s < 0;
    if (negative) {  // |to - from|, printed after a '-' sign slot
        s = -s;
        if (ns > 0) ns = 1000000000 - ns, --s;
    }
    out.push_back(negative ? '-' : ' ');
    // Formatted like a gmtime %H:%M:%S, so whole days are dropped (as tcpdump does).
    clock(out, s % seconds_per_day, static_cast<std::uint64_t>(ns));
}

void TimestampPrinter::print(fmt::memory_buffer& out, const Timestamp& given) noexcept {
    Timestamp time = given;
    // Without --nano libpcap hands tcpdump microseconds, so deltas are taken between
    // truncated values.
    if (!nanoseconds_) time.nanoseconds = time.nanoseconds / 1000 * 1000;
    if (style_ == TimestampStyle::Epoch || style_ == TimestampStyle::Local || style_ == TimestampStyle::LocalDate) {
        // libpcap reads a classic pcap's 32-bit seconds as signed, and tcpdump 4.99.3 refuses
        // negative times. Values from 2^31 to 2^32 can only come from such a field; larger
        // ones (pcapng) are fine, but -tt prints them modulo 2^32.
        constexpr std::int64_t two_31 = std::int64_t{1} << 31, two_32 = std::int64_t{1} << 32;
        if (time.seconds < 0 || (time.seconds >= two_31 && time.seconds < two_32)) {
            const char error[] = "[Error converting time] ";
            out.append(error, error + sizeof error - 1);
            return;
        }
        if (style_ == TimestampStyle::Epoch) time.seconds %= two_32;
    }
    switch (style_) {
    case TimestampStyle::None:
        return;
    case TimestampStyle::Epoch:
        fmt::format_to(fmt::appender(out), "{}", time.seconds);
        fraction(out, time.nanoseconds);
        break;
    case TimestampStyle::Local: {
        std::int64_t local = time.seconds + local_offset(time.seconds);
        std::int64_t day = floor_div(local, seconds_per_day);
        clock(out, local - day * seconds_per_day, time.nanoseconds);
        break;
    }
    case TimestampStyle::LocalDate: {
        std::int64_t local = time.seconds + local_offset(time.seconds);
        std::int64_t day = floor_div(local, seconds_per_day);
        std::int64_t y;
        unsigned m, d;
        civil_from_days(day, y, m, d);
        fmt::format_to(fmt::appender(out), "{:04}-{:02}-{:02} ", y, m, d);
        clock(out, local - day * seconds_per_day, time.nanoseconds);
        break;
    }
    case TimestampStyle::DeltaPrevious:
        delta(out, reference_.value_or(time), time);
        reference_ = time;
        break;
    case TimestampStyle::DeltaFirst:
        if (!reference_) reference_ = time;
        delta(out, *reference_, time);
        break;
    }
    out.push_back(' ');
}

}  // namespace rawdump::print
