// The system's time zone (TZ, or /etc/localtime), handed to the printer: the printer reads no
// zone file itself.
#pragma once

#include "src/print/base/time_zone.hpp"

namespace rawdump::cli {

// One for the whole run; the zone is read (tzset) the first time this is called.
const print::TimeZone& local_time_zone();

}  // namespace rawdump::cli
