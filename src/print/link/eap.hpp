// EAP packets (RFC 3748) as tcpdump 4.99.3's eap_print shows them where another protocol
// carries one: an EAPOL frame (marker " [|eap]") or RADIUS's EAP-Message attribute.
#pragma once

#include <cstdint>
#include <string_view>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print {

// `eap` starts at the EAP header and runs to the end of the capture: tcpdump reads the header
// fields even past `length`, the size the carrier gives the packet. Returns false when such a
// read ran past the capture; the carrier's marker (" [|radius]": 4.99.3's eap_print keeps the
// caller's protocol name) is then printed and the caller must stop, as tcpdump's longjmp
// does. A packet whose bytes were not all captured gets the marker and returns true.
bool print_eap_packet(Context& ctx, ByteReader eap, std::uint32_t length, std::string_view protocol);

}  // namespace rawdump::print
