// A span of seconds as tcpdump prints it (unsigned_relts_print): "1d2h3m4s", "51m12s", "0s".
// DNS TTLs, IGMP response times, DVMRP and PIMv1 hold times print so.
#pragma once

#include <cstdint>

#include "src/print/base/context.hpp"

namespace rawdump::print {

void print_duration(Context& ctx, std::uint32_t seconds);

}  // namespace rawdump::print
