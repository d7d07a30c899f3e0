// Host and network names (`host localhost`, `net loopback`) without I/O: the library asks
// caller-supplied resolvers, and offers parsers for hosts(5) and networks(5) text so the
// caller only has to read the files (like services.hpp for port names).
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rawdump::filter {

struct HostAddress {
    bool ipv6 = false;
    std::array<std::uint8_t, 16> bytes{};  // IPv4: the first four, in network order
};

// All addresses of a name, in the order libpcap would try them; empty: unknown name.
using HostResolver = std::function<std::vector<HostAddress>(std::string_view name)>;

// A network name's number as getnetbyname() gives it (inet_network: "127.0.0.0" is
// 0x7f000000, "10" is 0x0a); nullopt: unknown name.
using NetworkResolver = std::function<std::optional<std::uint32_t>(std::string_view name)>;

using HostsTable = std::map<std::string, std::vector<HostAddress>, std::less<>>;
using NetworksTable = std::map<std::string, std::uint32_t, std::less<>>;

// hosts(5): "address name [aliases...] [# comment]" per line; a name's addresses keep the
// file's order, duplicates dropped. Lines with an unparsable address are skipped.
HostsTable parse_hosts(std::string_view text);

// networks(5): "name number [aliases...] [# comment]"; the number is read as inet_network()
// reads it (1 to 4 dotted parts, decimal, 0x hex or 0 octal).
NetworksTable parse_networks(std::string_view text);

// Resolvers backed by parsed tables (case-insensitive, as the C library matches hosts(5)).
// A host's addresses come in the order getaddrinfo() gives them on a host without IPv6
// routes: ::1, then IPv4, then other IPv6, each group in the file's order.
HostResolver host_resolver_for(HostsTable table);
NetworkResolver network_resolver_for(NetworksTable table);

}  // namespace rawdump::filter
