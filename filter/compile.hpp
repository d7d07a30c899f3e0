// The filter compiler's one entry point: pcap-filter text -> classic BPF.
#pragma once

#include <cstdint>
#include <string_view>

#include "filter/bpf.hpp"
#include "filter/diagnostic.hpp"
#include "filter/expected.hpp"
#include "filter/link_type.hpp"
#include "filter/services.hpp"

namespace rawdump::filter {

struct CompileOptions {
    LinkType link = LinkType::En10mb;
    std::uint32_t snaplen = 262144;  // value an accepting program returns
    bool optimize = true;            // -O turns the optimiser off
    // Port names (`port http`): empty means names are refused. The front end can pass
    // resolver_for(parse_services(<text of /etc/services>)) (see filter/services.hpp).
    PortResolver resolve_port;
};

// An empty (or all-blank) expression yields the accept-all program `ret #snaplen`.
Expected<Program, Diagnostic> compile(std::string_view expression, const CompileOptions& options);

}  // namespace rawdump::filter
