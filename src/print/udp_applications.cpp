// UDP port dispatch (print-udp.c udp_print's chain of IS_SRC_OR_DST_PORT tests).
#include "src/print/applications.hpp"
#include "src/print/dns.hpp"
#include "src/print/vxlan.hpp"
#include "src/print/bootp.hpp"
#include "src/print/ntp.hpp"

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
    // --- BOOTP/DHCP, then NTP (tcpdump tests BOOTP after DNS, NTP after BOOTP and SNMP; with
    // -q it prints the generic line for both) ---
    if (!ctx.options.quiet && (app.sport == 67 || app.dport == 67 || app.sport == 68 || app.dport == 68)) {
        print_bootp(ctx, app.payload, app.length);
        return true;
    }
    if (!ctx.options.quiet && (app.sport == 123 || app.dport == 123)) {
        print_ntp(ctx, app.payload, app.length);
        return true;
    }
    // --- end BOOTP/DHCP, NTP ---
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
    }
    // --- end Ethernet overlays ---
    return false;
}

}  // namespace rawdump::print
