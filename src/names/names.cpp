#include "src/names/names.hpp"

#include "src/names/services_table.hpp"

#include <arpa/inet.h>

#include <charconv>
#include <cstring>
#include <fstream>
#include <sstream>

namespace rawdump::names {
namespace {

template <typename Map, typename Key>
std::string_view find(const Map& map, const Key& key) noexcept {
    auto it = map.find(key);
    return it == map.end() ? std::string_view{} : std::string_view{it->second};
}

// The first `#` starts a comment in both files.
std::string strip_comment(const std::string& line) {
    auto hash = line.find('#');
    return hash == std::string::npos ? line : line.substr(0, hash);
}

// The cached name of `key`, asking DNS the first time. Allocation failure (or anything else
// thrown) just leaves the address numeric.
template <typename Map, typename Key, typename Address>
std::string_view resolve(Map& map, const Key& key, ReverseDns* dns, const Address& a) noexcept {
    if (auto it = map.find(key); it != map.end()) return it->second;
    if (!dns) return {};
    try {
        auto name = dns->lookup(a);
        return map.try_emplace(key, name ? std::move(*name) : std::string()).first->second;
    } catch (...) {
        return {};
    }
}

}  // namespace

Names Names::from_files(const char* hosts_path, const char* services_path) {
    Names names;
    std::ifstream hosts(hosts_path);
    for (std::string line; std::getline(hosts, line);) {
        std::istringstream fields(strip_comment(line));
        std::string addr, name;
        if (!(fields >> addr >> name)) continue;
        Ipv4Address v4;
        Ipv6Address v6;
        if (inet_pton(AF_INET, addr.c_str(), v4.bytes.data()) == 1)
            names.add_host(v4, name);
        else if (inet_pton(AF_INET6, addr.c_str(), v6.bytes.data()) == 1)
            names.add_host(v6, name);
    }
    std::ifstream services(services_path);
    if (!services.is_open()) {
        for (const auto& s : builtin_tcp_services) names.add_service(s.port, true, std::string(s.name));
        for (const auto& s : builtin_udp_services) names.add_service(s.port, false, std::string(s.name));
        return names;
    }
    for (std::string line; std::getline(services, line);) {
        std::istringstream fields(strip_comment(line));
        std::string name, port_proto;
        if (!(fields >> name >> port_proto)) continue;
        auto slash = port_proto.find('/');
        if (slash == std::string::npos) continue;
        unsigned port = 0;
        auto [end, ec] = std::from_chars(port_proto.data(), port_proto.data() + slash, port);
        if (ec != std::errc{} || end != port_proto.data() + slash || port > 0xffff) continue;
        std::string proto = port_proto.substr(slash + 1);
        if (proto == "tcp" || proto == "udp")
            names.add_service(static_cast<std::uint16_t>(port), proto == "tcp", name);
    }
    return names;
}

void Names::enable_reverse_dns(ReverseDnsOptions options) {
    auto dns = std::make_unique<ReverseDns>(std::move(options));
    dns_ = dns->enabled() ? std::move(dns) : nullptr;
}

void Names::add_host(const Ipv4Address& a, std::string name) { hosts4_.try_emplace(a.value(), std::move(name)); }
void Names::add_host(const Ipv6Address& a, std::string name) { hosts6_.try_emplace(a, std::move(name)); }
void Names::add_service(std::uint16_t port, bool tcp, std::string name) {
    (tcp ? tcp_ports_ : udp_ports_).try_emplace(port, std::move(name));
}

// tcpdump cuts a -N name at its first dot.
std::string_view without_domain(std::string_view name, bool strip) noexcept {
    return strip ? name.substr(0, name.find('.')) : name;
}

std::string_view Names::host(const Ipv4Address& a) const noexcept {
    // tcpdump tests the network before asking the resolver, so a foreign address costs no query.
    if ((a.value() & local_mask_) != local_net_) return {};
    return without_domain(resolve(hosts4_, a.value(), dns_.get(), a), strip_domains_);
}
std::string_view Names::host(const Ipv6Address& a) const noexcept {
    return without_domain(resolve(hosts6_, a, dns_.get(), a), strip_domains_);
}
std::string_view Names::tcp_port(std::uint16_t port) const noexcept { return find(tcp_ports_, port); }
std::string_view Names::udp_port(std::uint16_t port) const noexcept { return find(udp_ports_, port); }

}  // namespace rawdump::names
