// VRRP (RFC 3768 version 2, RFC 5798 version 3), IP protocol 112, over IPv4 and IPv6.
#pragma once

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"
#include "src/print/dispatch/ip_info.hpp"

namespace rawdump::print {

// "VRRPv2, Advertisement, vrid 1, prio 100, authtype none, intvl 1s, length 20"; from -v the
// checksum verdict, the addresses and a simple password. `message` is narrowed to the datagram.
void print_vrrp(Context& ctx, ByteReader message, const IpInfo& ip);

}  // namespace rawdump::print
