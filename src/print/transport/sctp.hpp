// SCTP (RFC 9260), IP protocol 132, over IPv4 and IPv6 (print-sctp.c of tcpdump 4.99.3).
#pragma once

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"
#include "src/print/dispatch/ip_info.hpp"

namespace rawdump::print {

// "192.0.2.1.3000 > 198.51.100.7.80: sctp (1) [INIT] [init tag: 1] ..."; from -vv one chunk
// per line and DATA payloads in hex. SCTP prints the addresses itself, even after IPv6
// extension headers. `packet` is narrowed to the datagram.
void print_sctp(Context& ctx, ByteReader packet, const IpInfo& ip);

}  // namespace rawdump::print
