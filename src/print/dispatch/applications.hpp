// Application-layer printers chosen by port (tcpdump's udp_print / tcp_print dispatch).
// Each protocol family has its own file; these two functions are the only place that maps
// ports to printers, so the mapping reads as one table per transport.
#pragma once

#include <cstdint>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"
#include "src/print/ip/ip.hpp"

namespace rawdump::print {

struct ApplicationPayload {
    ByteReader payload;        // narrowed to the transport payload, clipped to the capture
    std::uint32_t length = 0;  // payload length the transport header declares
    std::uint16_t sport = 0, dport = 0;
};

// Called where tcpdump's udp_print would print "UDP, length N". Returns false when no
// application printer claims the ports; the caller then prints the generic line.
bool print_udp_application(Context& ctx, const IpInfo& ip, const ApplicationPayload& app);
// Called after ", length N" of a TCP segment with payload. Returns false when no printer
// claims the ports (tcpdump then prints nothing more).
bool print_tcp_application(Context& ctx, const IpInfo& ip, const ApplicationPayload& app);

}  // namespace rawdump::print
