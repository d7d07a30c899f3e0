// ICMP multi-part extensions (RFC 4884) after the quoted datagram of an ICMP error, with
// MPLS label stack objects (RFC 4950), as tcpdump 4.99.3 prints them under -v.
#pragma once

#include <cstdint>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print {

// `message`: the ICMP message from its type byte (captured bytes); `length`: its length by
// the IP header. Prints nothing unless the message is long enough to carry extensions.
void print_icmp_extensions(Context& ctx, ByteReader message, std::uint32_t length);

}  // namespace rawdump::print
