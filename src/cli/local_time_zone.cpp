#include "src/cli/local_time_zone.hpp"

#include <ctime>

namespace rawdump::cli {
namespace {

class SystemTimeZone final : public print::TimeZone {
public:
    SystemTimeZone() noexcept { tzset(); }
    // localtime's offset, so daylight saving time is applied where the moment falls in it;
    // 0 (UTC) when the C library cannot convert the time.
    std::int64_t utc_offset(std::int64_t unix_seconds) const noexcept override {
        const auto t = static_cast<std::time_t>(unix_seconds);
        std::tm local{};
        return localtime_r(&t, &local) ? local.tm_gmtoff : 0;
    }
};

}  // namespace

const print::TimeZone& local_time_zone() {
    static const SystemTimeZone zone;
    return zone;
}

}  // namespace rawdump::cli
