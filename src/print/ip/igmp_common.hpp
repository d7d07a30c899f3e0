// What IGMP, DVMRP and PIMv1 print alike; each of the three includes this, none includes another.
#pragma once

#include <cstdint>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print {

// tcpdump's unsigned_relts_print: "51m12s", "1h", "0s".
void print_igmp_relative_seconds(Context& ctx, unsigned seconds);

}  // namespace rawdump::print
