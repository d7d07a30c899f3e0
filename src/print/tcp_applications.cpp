// TCP port dispatch (print-tcp.c tcp_print's chain of IS_SRC_OR_DST_PORT tests).
#include "src/print/applications.hpp"
#include "src/print/dns.hpp"
#include "src/print/tcp_text_applications.hpp"

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
    // --- text protocols (HTTP): tcp_print tests these ports before DNS's 53 ---
    if (print_tcp_text_application(ctx, app)) return true;
    // --- end of text protocols ---
    return false;
}

}  // namespace rawdump::print
