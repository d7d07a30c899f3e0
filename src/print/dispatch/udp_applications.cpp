// UDP port dispatch (print-udp.c udp_print's chain of IS_SRC_OR_DST_PORT tests).
#include "src/print/dispatch/applications.hpp"
#include "src/print/app/dns.hpp"
#include "src/print/app/vxlan.hpp"
#include "src/print/app/bootp.hpp"
#include "src/print/app/ntp.hpp"
#include "src/print/app/l2tp.hpp"
#include "src/print/app/radius.hpp"
#include "src/print/app/text_protocols.hpp"
#include "src/print/app/snmp.hpp"
#include "src/print/app/dhcp6.hpp"
#include "src/print/app/geneve.hpp"
#include "src/print/app/udp_encap.hpp"
#include "src/print/app/port_printers.hpp"

namespace rawdump::print {

bool print_udp_application(Context& ctx, const IpInfo& ip, const ApplicationPayload& app) {
    (void)ctx;
    (void)ip;
    (void)app;
    // --- DNS (dns.cpp): -T domain claims every port, and tcpdump tests DNS (53) and mDNS
    // (5353) before any other port, so this block stays first. -q prints the generic line. ---
    if (ctx.options.packet_type == PacketType::Domain) {
        print_dns(ctx, app.payload, app.length, DnsTransport::Udp, DnsFlavor::Unicast);
        return true;
    }
    if (!ctx.options.quiet && (app.sport == dns_port || app.dport == dns_port)) {
        print_dns(ctx, app.payload, app.length, DnsTransport::Udp, DnsFlavor::Unicast);
        return true;
    }
    if (!ctx.options.quiet && (app.sport == mdns_port || app.dport == mdns_port)) {
        print_dns(ctx, app.payload, app.length, DnsTransport::Udp, DnsFlavor::Multicast);
        return true;
    }
    // --- end DNS ---
    // --- TFTP (tftp.cpp): tcpdump 4.99.3 tests port 69 right after DNS and mDNS, before
    // BOOTP; -q prints the generic line ---
    if (!ctx.options.quiet && (app.sport == 69 || app.dport == 69)) {
        print_tftp(ctx, app.payload, app.length);
        return true;
    }
    // --- end TFTP ---
    // --- BOOTP/DHCP, then NTP (tcpdump tests BOOTP after DNS, NTP after BOOTP and SNMP; with
    // -q it prints the generic line for both) ---
    if (!ctx.options.quiet && (app.sport == 67 || app.dport == 67 || app.sport == 68 || app.dport == 68)) {
        print_bootp(ctx, app.payload, app.length);
        return true;
    }
    // --- RIP (rip.cpp): after BOOTP, before NTP ---
    if (!ctx.options.quiet && (app.sport == 520 || app.dport == 520)) {
        print_rip(ctx, app.payload, app.length);
        return true;
    }
    // --- end RIP ---
    // --- IPsec NAT traversal (udp_encap.cpp): tcpdump tests 4500 after RIP, before NTP ---
    if (!ctx.options.quiet && (app.sport == ipsec_nat_t_port || app.dport == ipsec_nat_t_port)) {
        print_udp_encap(ctx, app.payload, app.length);
        return true;
    }
    // --- end NAT traversal ---
    // --- SNMP (snmp.cpp): tcpdump tests 161 and 162 after the ISAKMP ports, before NTP;
    // -q prints the generic line ---
    if (!ctx.options.quiet && (app.sport == snmp_port || app.dport == snmp_port ||
                               app.sport == snmp_trap_port || app.dport == snmp_trap_port)) {
        print_snmp(ctx, app.payload, app.length);
        return true;
    }
    // --- end SNMP ---
    if (!ctx.options.quiet && (app.sport == 123 || app.dport == 123)) {
        print_ntp(ctx, app.payload, app.length);
        return true;
    }
    // --- end BOOTP/DHCP, NTP ---
    // --- L2TP (l2tp.cpp): tcpdump 4.99.3 tests 1701 after NTP (and ISAKMP, Kerberos), before
    // RIPng, DHCPv6, RADIUS, BFD, syslog and the overlays; -q prints the generic line ---
    if (!ctx.options.quiet && (app.sport == l2tp_port || app.dport == l2tp_port)) {
        print_l2tp(ctx, app.payload, app.length);
        return true;
    }
    // --- end L2TP ---
    // --- RIPng (ripng.cpp): right after NTP, before DHCPv6 and BFD ---
    if (!ctx.options.quiet && (app.sport == 521 || app.dport == 521)) {
        print_ripng(ctx, app.payload, app.length);
        return true;
    }
    // --- end RIPng ---
    // --- DHCPv6 (dhcp6.cpp): after NTP, before BFD and syslog ---
    if (!ctx.options.quiet && (app.sport == dhcp6_server_port || app.dport == dhcp6_server_port ||
                               app.sport == dhcp6_client_port || app.dport == dhcp6_client_port)) {
        print_dhcp6(ctx, app.payload, app.length);
        return true;
    }
    // --- end DHCPv6 ---
    // --- RADIUS (radius.cpp): after DHCPv6, before BFD and syslog; -q prints the generic line ---
    if (!ctx.options.quiet) {
        for (std::uint16_t port : radius_ports) {
            if (app.sport != port && app.dport != port) continue;
            print_radius(ctx, app.payload, app.length);
            return true;
        }
    }
    // --- end RADIUS ---
    // --- BFD (bfd.cpp), then syslog (syslog.cpp): BFD goes by the destination port alone and
    // comes first, so 514 -> 3784 is BFD but 3784 -> 514 is syslog ---
    if (!ctx.options.quiet && is_bfd_port(app.dport)) {
        print_bfd(ctx, app.payload, app.length, app.dport);
        return true;
    }
    // SIP (text_protocols.cpp) sits between BFD and syslog in tcpdump's chain: 5060 -> 3784 is
    // BFD, 5060 -> 514 is SIP. -q prints the generic line.
    if (!ctx.options.quiet && (app.sport == sip_port || app.dport == sip_port)) {
        print_sip(ctx, app.payload, app.length);
        return true;
    }
    if (!ctx.options.quiet && (app.sport == 514 || app.dport == 514)) {
        print_syslog(ctx, app.payload, app.length);
        return true;
    }
    // --- end BFD, syslog ---
    // --- Ethernet overlays (vxlan.cpp). tcpdump tests these ports late in its chain (after
    // DNS, BOOTP, NTP, ...), so keep this block after those; OTV's port comes first. ---
    if (!ctx.options.quiet) {
        auto either_port = [&](std::uint16_t port) { return app.sport == port || app.dport == port; };
        if (either_port(otv_port)) {
            print_otv(ctx, app.payload, app.length);
            return true;
        }
        if (either_port(vxlan_port)) {
            print_vxlan(ctx, app.payload, app.length);
            return true;
        }
        if (either_port(geneve_port)) {  // geneve.cpp; right after VXLAN in tcpdump's chain
            print_geneve(ctx, app.payload, app.length);
            return true;
        }
    }
    // --- end Ethernet overlays ---
    return false;
}

}  // namespace rawdump::print
