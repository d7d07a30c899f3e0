// From an EtherType to the printer of what it carries (print-ether.c ethertype_print).
// Link printers and tunnels (Ethernet, cooked, LLC/SNAP, PPP, MPLS, null, SLIP, Geneve)
// include this header to go down to the network layer, never a printer's header.
#pragma once

#include <cstdint>

#include "src/core/protocol_numbers.hpp"
#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print {

// Prints what `type` carries; false when no printer claims it (the caller then prints its
// link header and a hex dump, as tcpdump does). `length` is the on-wire length from there.
bool print_ethertype(Context& ctx, EtherType type, ByteReader payload, std::uint32_t length);
// The type as read off the wire.
inline bool print_ethertype(Context& ctx, std::uint16_t type, ByteReader payload, std::uint32_t length) {
    return print_ethertype(ctx, static_cast<EtherType>(type), payload, length);
}
// For a tunnel whose own header already named a type the table holds (IPv4, IPv6, MPLS):
// the same printer, with no answer to check.
inline void print_network(Context& ctx, EtherType type, ByteReader payload, std::uint32_t length) {
    static_cast<void>(print_ethertype(ctx, type, payload, length));
}

}  // namespace rawdump::print
