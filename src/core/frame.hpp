// One captured packet as every packet source (live ring, savefile) hands it to the decoder.
// The bytes are borrowed: valid until the source is asked for the next packet.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace rawdump {

struct Timestamp {
    std::int64_t seconds = 0;
    // Normally below 10^9; wider because a damaged file's fraction field is kept as
    // written (tcpdump prints it raw), and microseconds * 1000 can exceed 32 bits.
    std::uint64_t nanoseconds = 0;
};

struct Frame {
    Timestamp time;
    std::uint32_t wire_length = 0;         // original length on the wire
    std::span<const std::byte> bytes;      // captured bytes (caplen == bytes.size())
};

}  // namespace rawdump
