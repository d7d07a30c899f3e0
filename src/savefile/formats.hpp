// The two savefile formats, each behind Reader (internal to savefile/).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "src/savefile/input_stream.hpp"
#include "src/savefile/link_types.hpp"
#include "src/savefile/reader.hpp"

namespace rawdump::savefile {

struct ClassicPcapFormat {
    bool big_endian;
    bool nanosecond;
    // Alexey Kuznetzov's patched format: 8 more bytes per record header (interface index,
    // protocol, packet type), which libpcap reads and tcpdump therefore too.
    bool patched = false;
};

// Classic pcap magic numbers as they read in little-endian order.
namespace pcap_magic {
inline constexpr std::uint32_t micro = 0xa1b2c3d4;
inline constexpr std::uint32_t nano = 0xa1b23c4d;
inline constexpr std::uint32_t patched = 0xa1b2cd34;
inline constexpr std::uint32_t micro_swapped = 0xd4c3b2a1;
inline constexpr std::uint32_t nano_swapped = 0x4d3cb2a1;
inline constexpr std::uint32_t patched_swapped = 0x34cdb2a1;
}  // namespace pcap_magic

enum class PcapngBlockType : std::uint32_t {
    SectionHeader = 0x0a0d0d0a,  // also the first four bytes of every pcapng file
    InterfaceDescription = 1,
    ObsoletePacket = 2,
    SimplePacket = 3,
    EnhancedPacket = 6,
};

constexpr std::optional<ClassicPcapFormat> classic_pcap_format(std::uint32_t magic) {
    switch (magic) {
    case pcap_magic::micro: return ClassicPcapFormat{false, false};
    case pcap_magic::nano: return ClassicPcapFormat{false, true};
    case pcap_magic::micro_swapped: return ClassicPcapFormat{true, false};
    case pcap_magic::nano_swapped: return ClassicPcapFormat{true, true};
    case pcap_magic::patched: return ClassicPcapFormat{false, false, true};
    case pcap_magic::patched_swapped: return ClassicPcapFormat{true, false, true};
    default: return std::nullopt;
    }
}

Expected<std::unique_ptr<Reader>, std::string> open_classic_pcap(InputStream input, ClassicPcapFormat format);
Expected<std::unique_ptr<Reader>, std::string> open_pcapng(InputStream input);

}  // namespace rawdump::savefile
