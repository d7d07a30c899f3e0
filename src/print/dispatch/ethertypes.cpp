// The EtherType table, in tcpdump's order.
#include "src/print/dispatch/ethertypes.hpp"

#include <array>

#include "src/print/ip/ipv4.hpp"
#include "src/print/ip/ipv6.hpp"
#include "src/print/link/arp.hpp"
#include "src/print/link/eapol.hpp"
#include "src/print/link/lldp.hpp"
#include "src/print/link/loopback.hpp"
#include "src/print/link/mpls.hpp"
#include "src/print/dispatch/carried.hpp"
#include "src/print/link/pppoe.hpp"
#include "src/print/link/slow_protocols.hpp"

namespace rawdump::print {
namespace {

using EtherTypePrinter = void (*)(Context&, ByteReader, std::uint32_t);

struct EtherTypeRoute {
    EtherType type;
    EtherTypePrinter print;
};

// PPP over Ethernet II (not PPPoE): the ": " comes only when there is a frame to print.
void print_ppp_after_colon(Context& ctx, ByteReader payload, std::uint32_t length) {
    if (length == 0) return;
    ctx.put(": ");
    print_ppp(ctx, payload, length);
}

void print_eapol_frame(Context& ctx, ByteReader payload, std::uint32_t) { print_eapol(ctx, payload); }

constexpr std::array ethertype_routes{
    EtherTypeRoute{EtherType::Ipv4, print_ipv4},
    EtherTypeRoute{EtherType::Ipv6, print_ipv6},
    EtherTypeRoute{EtherType::Arp, print_arp},
    EtherTypeRoute{EtherType::ReverseArp, print_arp},
    EtherTypeRoute{EtherType::MplsUnicast, print_mpls},
    EtherTypeRoute{EtherType::MplsMulticast, print_mpls},
    EtherTypeRoute{EtherType::PppoeDiscovery, print_pppoe},
    EtherTypeRoute{EtherType::PppoeSession, print_pppoe},
    EtherTypeRoute{EtherType::Ppp, print_ppp_after_colon},
    EtherTypeRoute{EtherType::Loopback, print_loopback},
    EtherTypeRoute{EtherType::SlowProtocols, print_slow_protocols},
    EtherTypeRoute{EtherType::Eapol, print_eapol_frame},
    EtherTypeRoute{EtherType::Lldp, print_lldp},
};

}  // namespace

bool print_ethertype(Context& ctx, EtherType type, ByteReader payload, std::uint32_t length) {
    for (const auto& route : ethertype_routes) {
        if (route.type != type) continue;
        route.print(ctx, payload, length);
        return true;
    }
    return false;
}

}  // namespace rawdump::print
