// TCP port dispatch (print-tcp.c tcp_print's chain of IS_SRC_OR_DST_PORT tests), as one
// ordered table. The order is tcpdump 4.99.3's: -T domain first, then Telnet, then the text
// protocols (which keep their own port table), with DNS's 53 only when none of the ports
// tcp_print tests earlier is involved.
#include <array>

#include "src/print/app/dns.hpp"
#include "src/print/app/tcp_text_applications.hpp"
#include "src/print/app/telnet.hpp"
#include "src/print/dispatch/port_routes.hpp"
#include "src/print/dispatch/ports.hpp"

namespace rawdump::print {
namespace {

void print_tcp_dns(Context& ctx, const ApplicationPayload& app) {
    print_dns(ctx, app.payload, app.length, DnsTransport::Tcp, DnsFlavor::Unicast);
}
void print_telnet(Context& ctx, const ApplicationPayload& app) { print_telnet_commands(ctx, app.payload, app.length); }

// -T domain claims every segment; otherwise port 53 when dns_claims_tcp_ports says no port
// tcp_print tests before DNS is involved.
bool dns_claims(const Context& ctx, const ApplicationPayload& app) {
    return ctx.options.packet_type == PacketType::Domain || dns_claims_tcp_ports(app.sport, app.dport);
}
// -T (any type) turns tcp_print's port tests off.
bool telnet_claims(const Context& ctx, const ApplicationPayload& app) {
    return ctx.options.packet_type == PacketType::ByPort && (app.sport == telnet_port || app.dport == telnet_port);
}

// TCP's printers run under -q as well.
constexpr std::array tcp_routes{
    when(dns_claims, UnderQuiet::Prints, print_tcp_dns),
    when(telnet_claims, UnderQuiet::Prints, print_telnet),
};

}  // namespace

bool print_tcp_application(Context& ctx, const IpInfo&, const ApplicationPayload& app) {
    if (print_first_claiming(ctx, app, tcp_routes)) return true;
    // The text protocols (HTTP, FTP, SMTP, ...) hold their own ordered port table.
    return print_tcp_text_application(ctx, app);
}

}  // namespace rawdump::print
