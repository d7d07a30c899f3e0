// From a capture's link type to the printer of its frames (tcpdump's if_printer table).
// The packet printer starts here; tunnels that carry whole Ethernet frames (VXLAN, Geneve,
// GRE's transparent bridging) come back here with LinkType::En10mb.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "src/core/link_type.hpp"
#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print {

// How many bytes of link header the printer consumed (which -x/-X skip), or nothing when
// no printer handles `link` (the caller says so).
std::optional<std::size_t> print_link_type(Context& ctx, LinkType link, ByteReader frame, std::uint32_t wire_length);

}  // namespace rawdump::print
