// IPv6 extension headers (print-ip6opts.c, print-frag6.c, print-rt6.c; tcpdump 4.99.3).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print {

// Each takes a reader starting at the extension header (to the end of the captured datagram)
// and returns the header's length, or nothing when the line ends inside it (truncation,
// invalid contents, or a later fragment whose payload cannot be decoded).

// Hop-by-hop or destination options: "HBH " / "DSTOPT ", the options under -v.
// `payload_length` is the IPv6 payload length; a valid jumbo option's length is stored in
// `found_jumbo`.
std::optional<unsigned> print_option_header(Context& ctx, ByteReader header, bool hop_by_hop,
                                            std::uint32_t payload_length, std::optional<std::uint32_t>& found_jumbo);
// "frag (0|12) " (identification too under -v). `fragment_payload` is the length after the
// fragment header as tcpdump derives it from the payload length (it can wrap around).
std::optional<unsigned> print_fragment_header(Context& ctx, ByteReader header, std::uint64_t fragment_payload);
// "RT6 (len=4, type=0 [Deprecated], segleft=1, [0]2001:db8::a, ...) ".
// Sets `final_destination` to the address TCP/UDP checksums use (the last hop of the route).
std::optional<unsigned> print_routing_header(Context& ctx, ByteReader header, Ipv6Address& final_destination);

}  // namespace rawdump::print
