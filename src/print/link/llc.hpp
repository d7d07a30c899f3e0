// IEEE 802.2 LLC and SNAP headers of 802.3 frames (print-llc.c), and the printers they lead to.
#pragma once

#include <cstddef>
#include <cstdint>

#include "src/print/base/address.hpp"
#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print {

struct LlcResult {
    std::size_t header_length = 0;  // LLC (and SNAP) bytes, which -x skips
    bool decoded = false;           // false: the caller dumps the payload in hex
};

// `payload` follows the Ethernet header (captured bytes); `length` is the 802.3 length field.
// The addresses are shown where tcpdump shows them (null on links without them: cooked).
LlcResult print_llc(Context& ctx, ByteReader payload, std::uint32_t length, const MacAddress* source,
                    const MacAddress* destination);

}  // namespace rawdump::print
