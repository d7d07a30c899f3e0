// Spanning tree BPDUs (IEEE 802.1D/w/s/aq), reached through LLC SAP 0x42 or Cisco's PVST+ SNAP.
#pragma once

#include <cstdint>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print {

// `bpdu` starts at the protocol identifier; `length` is what the LLC length field leaves.
void print_stp(Context& ctx, ByteReader bpdu, std::uint32_t length);

}  // namespace rawdump::print
