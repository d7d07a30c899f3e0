// Transport-layer printers, called by print_ip_payload.
#pragma once

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"
#include "src/print/ip/ip.hpp"

namespace rawdump::print {

void print_tcp(Context& ctx, ByteReader segment, const IpInfo& ip);
void print_udp(Context& ctx, ByteReader datagram, const IpInfo& ip);
void print_icmp(Context& ctx, ByteReader message, const IpInfo& ip);
void print_icmp6(Context& ctx, ByteReader message, const IpInfo& ip);

}  // namespace rawdump::print
