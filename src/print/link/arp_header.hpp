// The ARP / RARP / InARP packet (RFC 826, 903, 2390) as plain values: the fixed part and the
// four addresses its lengths declare. What the text printer formats and what a structured
// output reports. Pure: no Context, no printing. (ATM ARP, RFC 2225, has its own layout.)
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/whole_header.hpp"

namespace rawdump::print {

struct ArpHeader {
    static constexpr std::size_t fixed_size = 8;
    std::uint16_t hardware_type = 0;   // ARPHRD (1 = Ethernet)
    std::uint16_t protocol_type = 0;   // an EtherType (0x0800 = IPv4)
    std::uint8_t hardware_length = 0;  // bytes in each hardware address
    std::uint8_t protocol_length = 0;  // bytes in each protocol address
    std::uint16_t operation = 0;       // 1 request, 2 reply, 3/4 reverse, 8/9 inverse, 10 NAK
    // The addresses as captured bytes; their sizes are the declared lengths.
    std::span<const std::byte> sender_hardware, sender_protocol, target_hardware, target_protocol;
};

// The fixed part and all four addresses, or nothing when any of it was not captured.
inline std::optional<ArpHeader> decode_arp_header(ByteReader r) noexcept {
    return decode_whole<ArpHeader>(r, [](ByteReader& in, ArpHeader& h) {
        h.hardware_type = in.be16();
        h.protocol_type = in.be16();
        h.hardware_length = in.u8();
        h.protocol_length = in.u8();
        h.operation = in.be16();
        h.sender_hardware = in.bytes(h.hardware_length);
        h.sender_protocol = in.bytes(h.protocol_length);
        h.target_hardware = in.bytes(h.hardware_length);
        h.target_protocol = in.bytes(h.protocol_length);
    });
}

}  // namespace rawdump::print
