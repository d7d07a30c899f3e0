// The filter compiler's one entry point: pcap-filter text -> classic BPF.
#pragma once

#include <cstdint>
#include <string_view>

#include "filter/bpf.hpp"
#include "filter/diagnostic.hpp"
#include "src/core/expected.hpp"
#include "filter/hosts.hpp"
#include "src/core/link_type.hpp"
#include "filter/services.hpp"
#include "src/core/snaplen.hpp"

namespace rawdump::filter {

struct CompileOptions {
    LinkType link = LinkType::En10mb;
    std::uint32_t snaplen = maximum_snaplen; // value an accepting program returns
    bool optimize = true;            // -O turns the optimiser off
    // A program for a live AF_PACKET socket (-i) rather than a savefile (-r) or -d: libpcap
    // then tests VLAN tags through the kernel's ancillary loads (not implemented yet: `vlan`
    // is refused on live programs).
    bool live = false;
    // A program for packets of a savefile (-r): libpcap then refuses the Linux metadata
    // primitives (inbound/outbound/ifindex) on links without those header fields, and on
    // NULL/LOOP matches IPv6 by the BSD AF_INET6 values (24, 28, 30) instead of the host's.
    bool savefile = false;
    // Port names (`port http`): empty means names are refused. The front end can pass
    // resolver_for(parse_services(<text of /etc/services>)) (see filter/services.hpp).
    PortResolver resolve_port;
    // Host and network names (`host localhost`, `net loopback`): empty means unknown. The
    // front end can pass host_resolver_for(parse_hosts(<text of /etc/hosts>)) and
    // network_resolver_for(parse_networks(<text of /etc/networks>)) (see filter/hosts.hpp).
    HostResolver resolve_host;
    NetworkResolver resolve_network;
    // The capture interface's IPv4 netmask, for `ip broadcast` (tcpdump passes 0 when it has
    // none, e.g. with -d or -r: the test is then for 0.0.0.0 and 255.255.255.255).
    std::uint32_t netmask = 0;
};

// An empty (or all-blank) expression yields the accept-all program `ret #snaplen`.
Expected<Program, Diagnostic> compile(std::string_view expression, const CompileOptions& options);

}  // namespace rawdump::filter
