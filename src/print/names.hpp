// Name resolution without -n, the way tcpdump 4.99.3 does it for files: host names from
// /etc/hosts (first line for an address wins; no DNS), port names from /etc/services (separate
// tcp and udp tables; first entry wins). Loaded once at construction so a lookup on the hot
// path is one hash probe and never allocates.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "src/print/address.hpp"

namespace rawdump::print {

class Names {
public:
    Names() = default;  // resolves nothing (for -n, and for tests)
    // Reads the two files; a missing file just means no names of that kind.
    static Names from_files(const char* hosts_path = "/etc/hosts",
                            const char* services_path = "/etc/services");

    void add_host(const Ipv4Address& a, std::string name);
    void add_host(const Ipv6Address& a, std::string name);
    void add_service(std::uint16_t port, bool tcp, std::string name);

    // Empty when unknown.
    std::string_view host(const Ipv4Address& a) const noexcept;
    std::string_view host(const Ipv6Address& a) const noexcept;
    std::string_view tcp_port(std::uint16_t port) const noexcept;
    std::string_view udp_port(std::uint16_t port) const noexcept;

private:
    std::unordered_map<std::uint32_t, std::string> hosts4_;
    std::unordered_map<Ipv6Address, std::string, Ipv6Hash> hosts6_;
    std::unordered_map<std::uint16_t, std::string> tcp_ports_;
    std::unordered_map<std::uint16_t, std::string> udp_ports_;
};

}  // namespace rawdump::print
