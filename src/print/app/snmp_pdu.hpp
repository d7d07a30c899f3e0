// SNMP PDUs (print-snmp.c pdu_print and below): shared by the community (v1, v2c) and the
// scoped-PDU (v3) message printers. Internal to snmp*.cpp.
#pragma once

#include "src/print/app/snmp_asn1.hpp"

namespace rawdump::print::snmp {

// Message versions as the version field carries them.
enum Version : std::int32_t { version_1 = 0, version_2c = 1, version_3 = 3 };

// One PDU: its tag and length, then the request or trap fields and the variable bindings.
void print_pdu(Walker& w, Cursor c, std::int32_t version);

}  // namespace rawdump::print::snmp
