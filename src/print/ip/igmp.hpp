// IGMP (IP protocol 2), called by the IP demultiplexer.
#pragma once

#include <cstdint>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"
#include "src/print/dispatch/ip_info.hpp"

namespace rawdump::print {

// `message` is narrowed to the IP payload; ip.length is its declared length.
void print_igmp(Context& ctx, ByteReader message, const IpInfo& ip);

}  // namespace rawdump::print
