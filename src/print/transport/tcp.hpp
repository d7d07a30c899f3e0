// TCP (print-tcp.c), called by the IP protocol table.
#pragma once

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"
#include "src/print/dispatch/ip_info.hpp"

namespace rawdump::print {

void print_tcp(Context& ctx, ByteReader segment, const IpInfo& ip);

}  // namespace rawdump::print
