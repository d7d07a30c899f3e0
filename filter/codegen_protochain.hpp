// `protochain N`: libpcap's gen_protochain walks the IPv4/IPv6 header chain in a loop (a
// backward jump the Linux checker refuses). This emits the same walk unrolled, forward jumps
// only, for a bounded number of headers.
#pragma once

#include <cstdint>

#include "filter/cfg.hpp"
#include "filter/ir.hpp"

namespace rawdump::filter {

// Extension headers (IPv6: hop-by-hop, destination options, routing, fragment, AH; IPv4: AH)
// the unrolled walk steps over. libpcap's loop has no bound; a chain longer than this
// ends the walk with "the next header after the last one stepped over == N" (so a chain of
// more than protochain_max_headers headers in front of N does not match, where libpcap's
// would).
inline constexpr unsigned protochain_max_headers = 8;

// The walk after the link layer has been checked: A = the first next-header value, X = its
// header's offset from the network header; then per header: A == N → on_true, an extension
// header → step over it, anything else → on_false. libpcap's quirk is kept: after an AH
// header X becomes (ah_len + 2) * 4 from the network header, not from the AH header.
cfg::BlockId emit_protochain_walk(cfg::Graph& graph, bool ipv6, std::uint32_t protocol,
                                  std::uint32_t network_offset, cfg::BlockId on_true,
                                  cfg::BlockId on_false);

// libpcap turns its optimiser off for a whole filter that uses protochain (and so gives the
// unoptimised program's verdicts on truncated packets); compile() does the same.
bool uses_protochain(const ir::Node& node);

}  // namespace rawdump::filter
