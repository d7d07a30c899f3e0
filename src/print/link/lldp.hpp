// IEEE 802.1AB Link Layer Discovery Protocol (print-lldp.c, tcpdump 4.99.3), and the pieces
// its files share: the organisationally specific TLV printers live in lldp_org.cpp,
// lldp_med.cpp and lldp_dcbx.cpp.
#pragma once

#include <cstdint>
#include <string_view>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"
#include "src/print/base/name_table.hpp"

namespace rawdump::print {

// EtherType 0x88cc; `length` is the on-wire length of the LLDPDU.
void print_lldp(Context& ctx, ByteReader pdu, std::uint32_t length);

namespace lldp {

// Each takes a whole, captured organisationally specific TLV value (OUI, subtype, data) and
// returns true when tcpdump would follow it with a hex dump of the value.
bool print_ieee_8021(Context& ctx, ByteReader value);
bool print_ieee_8023(Context& ctx, ByteReader value);
bool print_iana(Context& ctx, ByteReader value);
// LLDP-MED (ANSI/TIA-1057), in lldp_med.cpp.
bool print_tia(Context& ctx, ByteReader value);
// DCBX 1.0x (OUI 00-1b-21), in lldp_dcbx.cpp.
bool print_dcbx(Context& ctx, ByteReader value);

using print::name_or;  // name_table.hpp

}  // namespace lldp
}  // namespace rawdump::print
