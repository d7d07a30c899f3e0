// HTTP (and WebDAV) request and response lines, tcpdump's http_print.
#pragma once

#include <cstdint>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print {

// After "length N" of a TCP segment to or from an HTTP port; prints ": HTTP..." as tcpdump.
void print_http(Context& ctx, ByteReader payload, std::uint32_t length);

}  // namespace rawdump::print
