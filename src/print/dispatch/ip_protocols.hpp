// From an IP protocol number to the printer of what it carries (print-ip-demux.c
// ip_demux_print). IPv4, IPv6 and their extension headers call it with the datagram's
// payload; AH calls it again for what AH protects.
#pragma once

#include "src/core/protocol_numbers.hpp"
#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"
#include "src/print/dispatch/ip_info.hpp"

namespace rawdump::print {

// `payload` is narrowed to the IP datagram's payload; ip.protocol picks the printer.
void print_ip_payload(Context& ctx, ByteReader payload, const IpInfo& ip);

}  // namespace rawdump::print
