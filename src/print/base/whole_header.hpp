// A fixed header is decoded whole or not at all: its fields are read in order and, when the
// capture ends inside it, there is no header (tcpdump's ND_TCHECK of the whole header). The
// structs of link/, ip/ and transport/ (ethernet_header.hpp, ipv4_header.hpp, ...) are read so.
#pragma once

#include <optional>

#include "src/print/base/byte_reader.hpp"

namespace rawdump::print {

// `read_fields(reader, header)` fills the header from a reader over its bytes.
template <typename Header, typename ReadFields>
std::optional<Header> decode_whole(ByteReader bytes, ReadFields&& read_fields) noexcept {
    Header header;
    read_fields(bytes, header);
    if (bytes.truncated()) return std::nullopt;
    return header;
}

}  // namespace rawdump::print
