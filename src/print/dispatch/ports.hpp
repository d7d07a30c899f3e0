// Application-layer printers chosen by port (tcpdump's udp_print / tcp_print dispatch).
// Each protocol has its own file; udp_applications.cpp and tcp_applications.cpp hold the one
// ordered table per transport that maps ports to printers. TCP and UDP call these.
#pragma once

#include <cstdint>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"
#include "src/print/dispatch/ip_info.hpp"

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
