#include "src/savefile/pcapng_interface.hpp"

#include <fmt/format.h>

#include "src/savefile/byte_order.hpp"
#include "src/savefile/link_types.hpp"

namespace rawdump::savefile {
namespace {

enum class OptionCode : std::uint16_t { End = 0, TimestampResolution = 9, TimestampOffset = 14 };

// Units per second must fit 64 bits, as libpcap requires: up to 10^19 and 2^63.
constexpr unsigned largest_decimal_exponent = 19;
constexpr unsigned largest_binary_exponent = 63;

std::string too_short() { return "block of type 1 in pcapng dump file is too short"; }

}  // namespace

Timestamp PcapngInterface::timestamp(std::uint64_t units) const {
    // 128 bits: the fraction times 10^9 overflows 64 bits for fine resolutions (libpcap's
    // 64-bit arithmetic gets 2^-63 units wrong; rawdump does not copy that).
    __extension__ typedef unsigned __int128 Wide;
    Wide per_second = 1;
    for (unsigned i = 0; i < exponent; ++i) per_second *= power_of_two ? 2 : 10;
    Timestamp time;
    time.seconds = static_cast<std::int64_t>(units / per_second) + offset_seconds;
    time.nanoseconds = static_cast<std::uint64_t>(Wide(units % per_second) * 1000000000u / per_second);
    return time;
}

Expected<PcapngInterface, std::string> parse_interface_block(std::span<const std::byte> body, bool big_endian) {
    ByteReader fields(body, big_endian);
    PcapngInterface interface;
    interface.link_type = canonical_link_type(fields.u16());
    fields.skip(2);  // reserved
    std::uint32_t snaplen = fields.u32();
    if (fields.short_read()) return Unexpected{too_short()};
    interface.snaplen = effective_snaplen(interface.link_type, snaplen);

    bool have_resolution = false, have_offset = false;
    // Options until opt_endofopt or until too few bytes are left for an option header;
    // a value running past the block is damage.
    while (fields.remaining() >= 4) {
        auto code = static_cast<OptionCode>(fields.u16());
        std::uint16_t length = fields.u16();
        auto value = fields.bytes(length);
        fields.skip((4 - length % 4) % 4);
        if (fields.short_read()) return Unexpected{too_short()};
        if (code == OptionCode::End) break;
        ByteReader option(value, big_endian);
        switch (code) {
        case OptionCode::TimestampResolution: {
            if (length != 1)
                return Unexpected{fmt::format("Interface Description Block has if_tsresol option with length {} != 1", length)};
            if (have_resolution) return Unexpected{std::string("Interface Description Block has more than one if_tsresol option")};
            have_resolution = true;
            std::uint8_t resolution = option.u8();
            interface.power_of_two = (resolution & 0x80) != 0;
            interface.exponent = resolution & 0x7f;
            unsigned largest = interface.power_of_two ? largest_binary_exponent : largest_decimal_exponent;
            if (interface.exponent > largest)
                return Unexpected{fmt::format("Interface Description Block if_tsresol option resolution {}^-{} is too high",
                                              interface.power_of_two ? 2 : 10, interface.exponent)};
            break;
        }
        case OptionCode::TimestampOffset:
            if (length != 8)
                return Unexpected{fmt::format("Interface Description Block has if_tsoffset option with length {} != 8", length)};
            if (have_offset) return Unexpected{std::string("Interface Description Block has more than one if_tsoffset option")};
            have_offset = true;
            interface.offset_seconds = static_cast<std::int64_t>(option.u64());
            break;
        default: break;  // names, addresses, speeds: nothing rawdump shows
        }
    }
    return interface;
}

}  // namespace rawdump::savefile
