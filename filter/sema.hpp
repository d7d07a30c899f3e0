// Parse tree -> checked IR: resolves qualifier carry-over and defaults, range-checks values and
// refuses (with the offending span) everything this version does not compile yet.
#pragma once

#include "filter/diagnostic.hpp"
#include "src/core/expected.hpp"
#include "filter/ir.hpp"
#include "filter/parse.hpp"
#include "filter/hosts.hpp"
#include "filter/services.hpp"

namespace rawdump::filter {

struct SemaOptions {
    PortResolver resolve_port;         // empty: port names are refused
    bool has_mac_addresses = true;     // the link carries Ethernet addresses (EN10MB)
    HostResolver resolve_host;         // empty: host names are unknown
    NetworkResolver resolve_network;   // empty: network names are unknown
    std::uint32_t netmask = 0;         // the capture's IPv4 netmask, for `ip broadcast`
};

Expected<ir::NodePtr, Diagnostic> analyse(const ParsedExpression& parsed, const SemaOptions& options);

}  // namespace rawdump::filter
