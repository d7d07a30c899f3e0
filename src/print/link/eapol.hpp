// IEEE 802.1X EAP over LAN, EtherType 0x888e, and the EAP packets it carries (print-eap.c).
#pragma once

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print {

// tcpdump's eapol_print takes no length: everything is bounded by what was captured.
void print_eapol(Context& ctx, ByteReader frame);

}  // namespace rawdump::print
