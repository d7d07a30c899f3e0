// Port names (`port http`) without I/O: the library asks a caller-supplied resolver, and
// offers a parser for the text of a services(5) file so the caller only has to read it.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace rawdump::filter {

// What a service name means for each transport (libpcap looks up tcp and udp separately).
struct ServicePorts {
    std::optional<std::uint16_t> tcp;
    std::optional<std::uint16_t> udp;
};

using PortResolver = std::function<ServicePorts(std::string_view name)>;

using ServicesTable = std::map<std::string, ServicePorts, std::less<>>;

// Parses services(5) text: "name port/proto [aliases...] [# comment]" per line.
ServicesTable parse_services(std::string_view text);

// A resolver backed by a parsed table (names and aliases, case-sensitive like getservbyname).
PortResolver resolver_for(ServicesTable table);

}  // namespace rawdump::filter
