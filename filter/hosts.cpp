#include "filter/hosts.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

#include "filter/addresses.hpp"
#include "filter/networks.hpp"

namespace rawdump::filter {
namespace {

std::string lowercase(std::string_view text) {
    std::string result(text);
    std::transform(result.begin(), result.end(), result.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return result;
}

// The whitespace-separated fields of each line, comments removed.
template <typename Each>
void for_each_line(std::string_view text, Each each) {
    while (!text.empty()) {
        const auto end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        line = line.substr(0, line.find('#'));
        std::vector<std::string_view> fields;
        std::size_t at = 0;
        while (true) {
            at = line.find_first_not_of(" \t\r", at);
            if (at == std::string_view::npos) break;
            const auto stop = line.find_first_of(" \t\r", at);
            fields.push_back(line.substr(at, stop == std::string_view::npos ? stop : stop - at));
            if (stop == std::string_view::npos) break;
            at = stop;
        }
        if (!fields.empty()) each(fields);
    }
}

std::optional<HostAddress> parse_address(std::string_view text) {
    HostAddress address;
    if (text.find(':') != std::string_view::npos) {
        const auto network = ipv6_network(text, "", AddressKind::Host);
        if (!network) return std::nullopt;
        address.ipv6 = true;
        address.bytes = network->address;
        return address;
    }
    // A host address in hosts(5) has all four parts.
    if (std::count(text.begin(), text.end(), '.') != 3) return std::nullopt;
    const auto network = ipv4_network(text, false, "", AddressKind::Host);
    if (!network) return std::nullopt;
    for (int i = 0; i < 4; ++i)
        address.bytes[i] = static_cast<std::uint8_t>(network->address >> (24 - 8 * i));
    return address;
}

// inet_network(): up to four dotted parts, each a C number, packed into the low bytes.
std::optional<std::uint32_t> inet_network(std::string_view text) {
    std::uint32_t result = 0;
    int parts = 0;
    while (true) {
        const auto dot = text.find('.');
        const auto part = parse_number(text.substr(0, dot));
        if (!part || *part > 0xff || ++parts > 4) return std::nullopt;
        result = result << 8 | *part;
        if (dot == std::string_view::npos) break;
        text = text.substr(dot + 1);
    }
    return result;
}

// libpcap takes a name's addresses in getaddrinfo()'s order, which glibc sorts by RFC 6724
// (so the listing of `host localhost` tests ::1 before 127.0.0.1). The part of that sort that
// does not depend on the host's routes: the IPv6 loopback (highest precedence, always
// reachable) first, then IPv4, then other IPv6 addresses, which a host without IPv6 routes
// ranks last; each group keeps the file's order. Verdicts do not depend on the order.
void in_getaddrinfo_order(std::vector<HostAddress>& addresses) {
    auto rank = [](const HostAddress& address) {
        constexpr std::array<std::uint8_t, 16> loopback{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
        if (!address.ipv6) return 1;
        return address.bytes == loopback ? 0 : 2;
    };
    std::stable_sort(addresses.begin(), addresses.end(),
                     [&](const HostAddress& a, const HostAddress& b) { return rank(a) < rank(b); });
}

}  // namespace

HostsTable parse_hosts(std::string_view text) {
    HostsTable table;
    for_each_line(text, [&](const std::vector<std::string_view>& fields) {
        const auto address = parse_address(fields[0]);
        if (!address) return;
        for (std::size_t i = 1; i < fields.size(); ++i) {
            auto& list = table[lowercase(fields[i])];
            const bool known = std::any_of(list.begin(), list.end(), [&](const HostAddress& a) {
                return a.ipv6 == address->ipv6 && a.bytes == address->bytes;
            });
            if (!known) list.push_back(*address);
        }
    });
    return table;
}

NetworksTable parse_networks(std::string_view text) {
    NetworksTable table;
    for_each_line(text, [&](const std::vector<std::string_view>& fields) {
        if (fields.size() < 2) return;
        const auto number = inet_network(fields[1]);
        if (!number) return;
        table.emplace(lowercase(fields[0]), *number);
        for (std::size_t i = 2; i < fields.size(); ++i) table.emplace(lowercase(fields[i]), *number);
    });
    return table;
}

HostResolver host_resolver_for(HostsTable table) {
    for (auto& [name, addresses] : table) in_getaddrinfo_order(addresses);
    return [table = std::move(table)](std::string_view name) -> std::vector<HostAddress> {
        const auto found = table.find(lowercase(name));
        return found == table.end() ? std::vector<HostAddress>{} : found->second;
    };
}

NetworkResolver network_resolver_for(NetworksTable table) {
    return [table = std::move(table)](std::string_view name) -> std::optional<std::uint32_t> {
        const auto found = table.find(lowercase(name));
        if (found == table.end()) return std::nullopt;
        return found->second;
    };
}

}  // namespace rawdump::filter
