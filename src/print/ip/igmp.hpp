// IGMP (IP protocol 2), called by the IP demultiplexer.
#pragma once

#include <cstdint>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"
#include "src/print/ip/ip.hpp"

namespace rawdump::print {

// `message` is narrowed to the IP payload; ip.length is its declared length.
void print_igmp(Context& ctx, ByteReader message, const IpInfo& ip);
// DVMRP messages (IGMP type 0x13), from the IGMP header on (igmp_dvmrp.cpp).
void print_dvmrp(Context& ctx, ByteReader message, std::uint32_t length);
// PIM version 1 messages (IGMP type 0x14), from the IGMP header on (igmp_pimv1.cpp).
void print_pimv1(Context& ctx, ByteReader message, std::uint32_t length);
// tcpdump's unsigned_relts_print: "51m12s", "1h", "0s".
void print_igmp_relative_seconds(Context& ctx, unsigned seconds);

}  // namespace rawdump::print
