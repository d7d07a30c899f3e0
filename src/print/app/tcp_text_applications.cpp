// tcpdump 4.99.3 tests ports in a fixed order and the first match wins: a segment between
// port 21 and port 80 is FTP, one between 22 and 80 goes to the SSH printer. Printers
// rawdump does not have yet (BGP, PPTP, Redis, BEEP, OpenFlow) still take
// their turn here, so such segments print nothing rather than the wrong protocol.
#include "src/print/app/tcp_text_applications.hpp"

#include <array>
#include <cstdint>

#include "src/print/app/http.hpp"
#include "src/print/app/text_protocols.hpp"

namespace rawdump::print {
namespace {

using Printer = void (*)(Context&, ByteReader, std::uint32_t);

struct PortRule {
    std::uint16_t port;
    Printer printer;  // nullptr: a printer rawdump lacks; the segment prints nothing more
};

// tcp_print's chain up to RTSP, in its order, one rule per port (a protocol's ports are
// adjacent, so the first rule either port matches is still the first protocol). DNS, which
// comes next, has its own block in tcp_applications.cpp.
constexpr std::array<PortRule, 14> chain{{  // Telnet (23), tested first, is in tcp_applications.cpp
    {25, print_smtp},
    {43, print_whois},
    {179, nullptr},                     // BGP
    {1723, nullptr},                    // PPTP
    {6379, nullptr},                    // Redis
    {22, print_ssh},
    {10288, nullptr},                   // BEEP
    {6633, nullptr}, {6653, nullptr},   // OpenFlow, old and IANA ports
    {21, print_ftp},
    {80, print_http}, {8080, print_http},  // 4.99.3 knows no other HTTP port (not 3128, not 8000)
    {554, print_rtsp}, {8554, print_rtsp},
}};

}  // namespace

bool print_tcp_text_application(Context& ctx, const ApplicationPayload& app) {
    // -T names the protocol itself; tcpdump then tests no port at all.
    if (ctx.options.packet_type != PacketType::ByPort) return false;
    for (const PortRule& rule : chain) {
        if (app.sport != rule.port && app.dport != rule.port) continue;
        if (!rule.printer) return false;
        rule.printer(ctx, app.payload, app.length);
        return true;
    }
    return false;
}

}  // namespace rawdump::print
