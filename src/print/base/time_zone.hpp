// The local time zone, as the printer needs it: how far local time is from UTC at a given
// moment (the default timestamps and -tttt, RADIUS time attributes). The printer reads no zone
// file (tzset reads /etc/localtime and TZ): the command line hands in the system's zone,
// tests a fixed one.
#pragma once

#include <cstdint>

namespace rawdump::print {

class TimeZone {
public:
    virtual ~TimeZone() = default;
    // Seconds east of UTC in effect at `unix_seconds` (localtime's tm_gmtoff), so that
    // local time = unix_seconds + utc_offset(unix_seconds).
    virtual std::int64_t utc_offset(std::int64_t unix_seconds) const noexcept = 0;
};

// The same offset at every moment: UTC (0) for tests and the fuzzer, or any fixed zone.
class FixedTimeZone final : public TimeZone {
public:
    explicit constexpr FixedTimeZone(std::int64_t offset_seconds = 0) noexcept : offset_(offset_seconds) {}
    std::int64_t utc_offset(std::int64_t) const noexcept override { return offset_; }

private:
    std::int64_t offset_;
};

inline const FixedTimeZone utc_time_zone{};

}  // namespace rawdump::print
