// What the printer asks when it may print a name instead of a number (never with -n): the
// host name of an address, the service name of a TCP or UDP port. The printer does no I/O, so
// it does not build the answers: the command line builds them (src/names: /etc/hosts,
// /etc/services, reverse DNS) and hands them in, as the filter library gets its resolvers.
#pragma once

#include <cstdint>
#include <string_view>

#include "src/print/base/address.hpp"

namespace rawdump::print {

class NameLookup {
public:
    virtual ~NameLookup() = default;

    // The name, or empty when there is none (the number is printed then). The view stays valid
    // as long as the lookup does. An implementation may block the first time it sees an
    // address (a reverse DNS query, bounded by its timeout), so the printer asks only when it
    // is about to print the name; the answer should be cached, so later calls are quick.
    virtual std::string_view host(const Ipv4Address& a) const noexcept = 0;
    virtual std::string_view host(const Ipv6Address& a) const noexcept = 0;
    virtual std::string_view tcp_port(std::uint16_t port) const noexcept = 0;
    virtual std::string_view udp_port(std::uint16_t port) const noexcept = 0;
};

// Resolves nothing: every address and port prints as a number. For -n, and for tests.
class NoNames final : public NameLookup {
public:
    std::string_view host(const Ipv4Address&) const noexcept override { return {}; }
    std::string_view host(const Ipv6Address&) const noexcept override { return {}; }
    std::string_view tcp_port(std::uint16_t) const noexcept override { return {}; }
    std::string_view udp_port(std::uint16_t) const noexcept override { return {}; }
};

inline const NoNames no_names{};

}  // namespace rawdump::print
