// IR -> control-flow graph, libpcap-style: each primitive becomes a chain of tests on packet
// loads; and/or/not are wired by passing each sub-predicate the blocks its true and false
// outcomes continue at (the target-passing form of libpcap's backpatching).
//
// Every test block carries all the loads it needs (no reliance on A or X from an earlier
// block), which is what lets the optimiser skip or merge blocks freely; the optimiser then
// removes the loads that became redundant.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "filter/cfg.hpp"
#include "src/core/expected.hpp"
#include "filter/ir.hpp"
#include "filter/link_layer.hpp"

namespace rawdump::filter {

// Errors libpcap reports only in context (`mpls and arp`: "unsupported protocol over mpls",
// `pppoes and vlan`: "no VLAN support for PPP"), with the span of the primitive when known.
struct CodegenError {
    std::size_t offset;
    std::size_t length;
    std::string message;
};

// `error` (optional) receives the first such error; the graph is then meaningless.
cfg::Graph generate(const ir::Node& root, const LinkLayer& link, std::uint32_t accept_value,
                    std::optional<CodegenError>* error = nullptr);
Expected<cfg::Graph, CodegenError> generate_checked(const ir::Node& root, const LinkLayer& link,
                                                    std::uint32_t accept_value);

}  // namespace rawdump::filter
