// The Ethernet II / 802.3 header and the 802.1Q/802.1ad tags after it, as plain values: what
// the text printer formats and what a structured output reports. Pure: no Context, no printing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "src/print/base/address.hpp"
#include "src/print/base/byte_reader.hpp"
#include "src/print/base/whole_header.hpp"

namespace rawdump::print {

struct EthernetHeader {
    static constexpr std::size_t size = 14;
    // Type fields up to this value are 802.3 lengths (an LLC header follows), not EtherTypes.
    static constexpr std::uint16_t max_length_field = 1500;
    MacAddress destination;
    MacAddress source;
    std::uint16_t type = 0;  // EtherType, or the 802.3 length when <= max_length_field
    bool is_length() const noexcept { return type <= max_length_field; }
};

// One 802.1Q / 802.1ad tag: the tag control information, then the next type.
struct VlanTag {
    static constexpr std::size_t size = 4;
    std::uint8_t priority = 0;    // PCP, 3 bits
    bool drop_eligible = false;   // DEI (was CFI), 1 bit
    std::uint16_t id = 0;         // VID, 12 bits
    std::uint16_t type = 0;       // what follows the tag
};

// The whole fixed header, or nothing when fewer than 14 bytes were captured.
inline std::optional<EthernetHeader> decode_ethernet_header(ByteReader r) noexcept {
    return decode_whole<EthernetHeader>(r, [](ByteReader& in, EthernetHeader& h) {
        h.destination = in.mac();
        h.source = in.mac();
        h.type = in.be16();
    });
}

// A tag read at the reader's start, or nothing when fewer than 4 bytes were captured.
inline std::optional<VlanTag> decode_vlan_tag(ByteReader r) noexcept {
    constexpr unsigned priority_shift = 13;
    constexpr std::uint16_t dei_bit = 0x1000, id_mask = 0x0fff;
    return decode_whole<VlanTag>(r, [](ByteReader& in, VlanTag& h) {
        const std::uint16_t tci = in.be16();
        h.priority = static_cast<std::uint8_t>(tci >> priority_shift);
        h.drop_eligible = (tci & dei_bit) != 0;
        h.id = tci & id_mask;
        h.type = in.be16();
    });
}

}  // namespace rawdump::print
