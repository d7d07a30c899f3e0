// TCP port dispatch (print-tcp.c tcp_print's chain of IS_SRC_OR_DST_PORT tests).
#include "src/print/dispatch/applications.hpp"
#include "src/print/app/dns.hpp"
#include "src/print/app/port_printers.hpp"
#include "src/print/app/tcp_text_applications.hpp"

namespace rawdump::print {

bool print_tcp_application(Context& ctx, const IpInfo& ip, const ApplicationPayload& app) {
    (void)ip;
    // --- DNS (dns.cpp): -T domain claims every segment before any port test; port 53 only
    // when no port tcp_print tests earlier is involved (dns_claims_tcp_ports) ---
    if (ctx.options.packet_type == PacketType::Domain || dns_claims_tcp_ports(app.sport, app.dport)) {
        print_dns(ctx, app.payload, app.length, DnsTransport::Tcp, DnsFlavor::Unicast);
        return true;
    }
    // --- end DNS ---
    // --- Telnet (telnet.cpp): port 23 is the first port tcp_print tests; -T turns port
    // tests off. ---
    if (ctx.options.packet_type == PacketType::ByPort && (app.sport == 23 || app.dport == 23)) {
        print_telnet_commands(ctx, app.payload, app.length);
        return true;
    }
    // --- end Telnet ---
    // --- text protocols (HTTP): tcp_print tests these ports before DNS's 53 ---
    if (print_tcp_text_application(ctx, app)) return true;
    // --- end of text protocols ---
    return false;
}

}  // namespace rawdump::print
