// The two savefile formats, each behind Reader (internal to savefile/).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "src/savefile/input_stream.hpp"
#include "src/savefile/reader.hpp"

namespace rawdump::savefile {

struct ClassicPcapFormat {
    bool big_endian;
    bool nanosecond;
};

// Classic pcap magic numbers as they read in little-endian order.
namespace pcap_magic {
inline constexpr std::uint32_t micro = 0xa1b2c3d4;
inline constexpr std::uint32_t nano = 0xa1b23c4d;
inline constexpr std::uint32_t micro_swapped = 0xd4c3b2a1;
inline constexpr std::uint32_t nano_swapped = 0x4d3cb2a1;
}  // namespace pcap_magic

namespace pcapng_block_type {
inline constexpr std::uint32_t section_header = 0x0a0d0d0a;
inline constexpr std::uint32_t interface_description = 1;
inline constexpr std::uint32_t obsolete_packet = 2;
inline constexpr std::uint32_t simple_packet = 3;
inline constexpr std::uint32_t enhanced_packet = 6;
}  // namespace pcapng_block_type

constexpr std::optional<ClassicPcapFormat> classic_pcap_format(std::uint32_t magic) {
    switch (magic) {
    case pcap_magic::micro: return ClassicPcapFormat{false, false};
    case pcap_magic::nano: return ClassicPcapFormat{false, true};
    case pcap_magic::micro_swapped: return ClassicPcapFormat{true, false};
    case pcap_magic::nano_swapped: return ClassicPcapFormat{true, true};
    default: return std::nullopt;
    }
}

// The largest packet libpcap accepts from a file (MAXIMUM_SNAPLEN).
inline constexpr std::uint32_t maximum_snaplen = 262144;

Expected<std::unique_ptr<Reader>, std::string> open_classic_pcap(InputStream input, ClassicPcapFormat format);
Expected<std::unique_ptr<Reader>, std::string> open_pcapng(InputStream input);

}  // namespace rawdump::savefile
