// The timestamp prefix of every packet line (util-print.c ts_print), for each -t style.
#pragma once

#include <cstdint>
#include <optional>

#include <fmt/format.h>

#include "src/core/frame.hpp"
#include "src/print/base/output_options.hpp"
#include "src/print/base/time_zone.hpp"

namespace rawdump::print {

class TimestampPrinter {
public:
    // `zone` is asked once per quarter hour of capture time (see local_offset); it must
    // outlive the printer.
    TimestampPrinter(TimestampStyle style, bool nanoseconds, const TimeZone& zone) noexcept
        : style_(style), nanoseconds_(nanoseconds), zone_(zone) {}

    // Appends the prefix including its trailing space (nothing for -t).
    void print(fmt::memory_buffer& out, const Timestamp& given) noexcept;

private:
    void clock(fmt::memory_buffer& out, std::int64_t seconds_of_day, std::uint64_t ns) const;
    void fraction(fmt::memory_buffer& out, std::uint64_t ns) const;
    void delta(fmt::memory_buffer& out, const Timestamp& from, const Timestamp& to) const;
    std::int64_t local_offset(std::int64_t seconds) noexcept;

    TimestampStyle style_;
    bool nanoseconds_;
    const TimeZone& zone_;
    // The local offset and the quarter hour of UTC it was asked for.
    std::optional<std::int64_t> utc_offset_;
    std::int64_t offset_quarter_ = 0;
    std::optional<Timestamp> reference_;  // previous (-ttt) or first (-ttttt) packet
};

}  // namespace rawdump::print
