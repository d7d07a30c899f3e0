// Printers a carrier calls by name, because its own header (not a type field) says what
// follows: PPP frames inside PPTP's GRE, L2TP and PPPoE, EAP messages inside RADIUS and EAPOL.
// tcpdump calls ppp_print and eap_print directly there, so no table entry's text (the ": " an
// EtherType route prints) comes first. Declared here so that an upper layer reaches them the
// same way it reaches every other layer, through dispatch/; defined in link/.
#pragma once

#include <cstdint>
#include <string_view>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print {

// link/ppp.cpp (RFC 1661; print-ppp.c ppp_print): `frame` starts at the address/control bytes
// if there are any, else at the protocol field, and runs to the end of what the enclosing
// layer captured; `length` is the declared length.
void print_ppp(Context& ctx, ByteReader frame, std::uint32_t length);

// link/eap.cpp (RFC 3748; tcpdump's eap_print): `eap` starts at the EAP header and runs to the
// end of the capture: tcpdump reads the header fields even past `length`, the size the carrier
// gives the packet. Returns false when such a read ran past the capture; the carrier's marker
// (" [|radius]": 4.99.3's eap_print keeps the caller's protocol name) is then printed and the
// caller must stop, as tcpdump's longjmp does. A packet whose bytes were not all captured gets
// the marker and returns true.
bool print_eap_packet(Context& ctx, ByteReader eap, std::uint32_t length, std::string_view protocol);

}  // namespace rawdump::print
