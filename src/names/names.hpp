// Name resolution without -n, as tcpdump 4.99.3 gets it from libc: host names from /etc/hosts
// (first line for an address wins), then, once reverse DNS is enabled, a PTR query to the first
// nameserver of /etc/resolv.conf (see reverse_dns.hpp); port names from /etc/services (separate
// tcp and udp tables; first entry wins), or the built-in table generated from Debian's file
// (services_table.hpp) when the file is missing. The files are loaded once at construction;
// each DNS answer, found or not, is cached, so an address costs at most one query and a known
// one is a single hash probe that never allocates.
//
// The command line builds one Names per run (never with -n) and hands it to the printer as the
// print::NameLookup it asks: the printer itself reads no file and opens no socket.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "src/print/base/address.hpp"
#include "src/print/base/name_lookup.hpp"
#include "src/names/reverse_dns.hpp"

namespace rawdump::names {

using print::Ipv4Address;
using print::Ipv6Address;

class Names final : public print::NameLookup {
public:
    Names() = default;  // no names until added (tests); from_files() is what the CLI uses
    // Reads the two files; a missing hosts file means no host names, a missing services file
    // means the built-in port names.
    static Names from_files(const char* hosts_path = "/etc/hosts",
                            const char* services_path = "/etc/services");
    // Asks DNS for the addresses the hosts file does not name (never for -n). Without a
    // nameserver in the resolv.conf, nothing is asked.
    void enable_reverse_dns(ReverseDnsOptions options = {});

    // -N: host names lose their domain ("nic.ddn.mil" prints as "nic"), as tcpdump cuts them.
    void strip_domains() noexcept { strip_domains_ = true; }
    // -f: only IPv4 addresses inside the capture interface's network get names; the
    // "foreign" ones print numerically. `net` and `mask` are host-order values.
    void name_only_local(std::uint32_t net, std::uint32_t mask) noexcept {
        local_net_ = net;
        local_mask_ = mask;
    }

    void add_host(const Ipv4Address& a, std::string name);
    void add_host(const Ipv6Address& a, std::string name);
    void add_service(std::uint16_t port, bool tcp, std::string name);

    // Empty when unknown. host() may ask DNS the first time it sees an address (waiting at
    // most the resolver's timeout); never afterwards.
    std::string_view host(const Ipv4Address& a) const noexcept override;
    std::string_view host(const Ipv6Address& a) const noexcept override;
    std::string_view tcp_port(std::uint16_t port) const noexcept override;
    std::string_view udp_port(std::uint16_t port) const noexcept override;

private:
    // Hosts-file names, then DNS answers as they come (an empty name caches a miss).
    mutable std::unordered_map<std::uint32_t, std::string> hosts4_;
    mutable std::unordered_map<Ipv6Address, std::string, print::Ipv6Hash> hosts6_;
    std::unique_ptr<ReverseDns> dns_;
    bool strip_domains_ = false;
    std::uint32_t local_net_ = 0;   // with local_mask_ 0 every address is local
    std::uint32_t local_mask_ = 0;
    std::unordered_map<std::uint16_t, std::string> tcp_ports_;
    std::unordered_map<std::uint16_t, std::string> udp_ports_;
};

}  // namespace rawdump::names
