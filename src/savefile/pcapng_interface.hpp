// A pcapng Interface Description Block: link type, snapshot length and how the interface's
// packet timestamps turn into seconds and nanoseconds (if_tsresol, if_tsoffset).
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "src/core/expected.hpp"
#include "src/core/frame.hpp"
#include "src/core/link_type.hpp"

namespace rawdump::savefile {

struct PcapngInterface {
    LinkType link_type = LinkType::Null;
    std::uint32_t snaplen = 0;  // effective: never 0
    // Timestamp units per second are 10^exponent, or 2^exponent when power_of_two.
    bool power_of_two = false;
    unsigned exponent = 6;
    std::int64_t offset_seconds = 0;  // if_tsoffset, added to every timestamp

    Timestamp timestamp(std::uint64_t units) const;
};

// `body`: the block between its length fields. The error is libpcap's text, e.g.
// "Interface Description Block has more than one if_tsresol option".
Expected<PcapngInterface, std::string> parse_interface_block(std::span<const std::byte> body, bool big_endian);

}  // namespace rawdump::savefile
