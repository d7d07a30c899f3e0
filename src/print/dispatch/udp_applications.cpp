// UDP port dispatch (print-udp.c udp_print's chain of IS_SRC_OR_DST_PORT tests), as one
// ordered table. The order is tcpdump 4.99.3's and is behaviour: a datagram between two
// known ports goes to the entry listed first (514 -> 3784 is BFD, 3784 -> 514 is syslog).
#include <array>

#include "src/print/app/bfd.hpp"
#include "src/print/app/bootp.hpp"
#include "src/print/app/dhcp6.hpp"
#include "src/print/app/dns.hpp"
#include "src/print/app/geneve.hpp"
#include "src/print/app/l2tp.hpp"
#include "src/print/app/ntp.hpp"
#include "src/print/app/radius.hpp"
#include "src/print/app/rip.hpp"
#include "src/print/app/ripng.hpp"
#include "src/print/app/snmp.hpp"
#include "src/print/app/syslog.hpp"
#include "src/print/app/text_protocols.hpp"
#include "src/print/app/tftp.hpp"
#include "src/print/app/udp_encap.hpp"
#include "src/print/app/vxlan.hpp"
#include "src/print/dispatch/port_routes.hpp"
#include "src/print/dispatch/ports.hpp"

namespace rawdump::print {
namespace {

// Most printers take the payload and the length the UDP header declares.
template <void (*Print)(Context&, ByteReader, std::uint32_t)>
void payload_printer(Context& ctx, const ApplicationPayload& app) {
    Print(ctx, app.payload, app.length);
}

void print_unicast_dns(Context& ctx, const ApplicationPayload& app) {
    print_dns(ctx, app.payload, app.length, DnsTransport::Udp, DnsFlavor::Unicast);
}
void print_multicast_dns(Context& ctx, const ApplicationPayload& app) {
    print_dns(ctx, app.payload, app.length, DnsTransport::Udp, DnsFlavor::Multicast);
}
// BFD's packet kind is its destination port.
void print_bfd_packet(Context& ctx, const ApplicationPayload& app) {
    print_bfd(ctx, app.payload, app.length, app.dport);
}

// -T domain: every datagram is DNS, even under -q.
bool domain_forced(const Context& ctx, const ApplicationPayload&) {
    return ctx.options.packet_type == PacketType::Domain;
}

constexpr std::array udp_routes{
    when(domain_forced, UnderQuiet::Prints, print_unicast_dns),
    on_port(dns_port, print_unicast_dns),
    on_port(mdns_port, print_multicast_dns),
    on_port(tftp_port, payload_printer<print_tftp>),
    on_ports(bootp_server_port, bootp_client_port, payload_printer<print_bootp>),
    on_port(rip_port, payload_printer<print_rip>),
    on_port(ipsec_nat_t_port, payload_printer<print_udp_encap>),
    on_ports(snmp_port, snmp_trap_port, payload_printer<print_snmp>),
    on_port(ntp_port, payload_printer<print_ntp>),
    on_port(l2tp_port, payload_printer<print_l2tp>),
    on_port(ripng_port, payload_printer<print_ripng>),
    on_ports(dhcp6_client_port, dhcp6_server_port, payload_printer<print_dhcp6>),
    on_port(radius_ports[0], payload_printer<print_radius>),
    on_port(radius_ports[1], payload_printer<print_radius>),
    on_port(radius_ports[2], payload_printer<print_radius>),
    on_port(radius_ports[3], payload_printer<print_radius>),
    on_port(radius_ports[4], payload_printer<print_radius>),
    on_port(radius_ports[5], payload_printer<print_radius>),
    on_port(bfd_control_port, print_bfd_packet, PortSide::Destination),
    on_port(bfd_multihop_port, print_bfd_packet, PortSide::Destination),
    on_port(bfd_lag_port, print_bfd_packet, PortSide::Destination),
    on_port(bfd_echo_port, print_bfd_packet, PortSide::Destination),
    on_port(sip_port, payload_printer<print_sip>),
    on_port(syslog_port, payload_printer<print_syslog>),
    on_port(otv_port, payload_printer<print_otv>),
    on_port(vxlan_port, payload_printer<print_vxlan>),
    on_port(geneve_port, payload_printer<print_geneve>),
};
static_assert(radius_ports.size() == 6, "one route per RADIUS port above");

}  // namespace

bool print_udp_application(Context& ctx, const IpInfo&, const ApplicationPayload& app) {
    return print_first_claiming(ctx, app, udp_routes);
}

}  // namespace rawdump::print
