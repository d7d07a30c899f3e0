// Multipath TCP options (RFC 8684), as tcpdump 4.99.3's print-mptcp.c shows them inside the
// TCP option list: "mptcp LEN SUBTYPE details".
#pragma once

#include <cstdint>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print {

// `option` holds the whole option, kind and length bytes included, all of it captured;
// `tcp_flags` is the segment's flag byte (which forms are valid depends on SYN and ACK).
// Returns false when the option's length does not fit its subtype ("[bad opt]").
bool print_mptcp_option(Context& ctx, ByteReader option, std::uint8_t tcp_flags);

}  // namespace rawdump::print
