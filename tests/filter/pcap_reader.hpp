// Capture files for the filter tests (the filter library itself does no I/O).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace rawdump::filter::testing {

struct CapturedPacket {
    std::vector<std::byte> bytes;  // the captured part
    std::uint32_t wire_length = 0;
};

// Reads every packet of a capture file (pcap or pcapng) with rawdump's savefile reader.
// Throws std::runtime_error when the file is missing or malformed.
std::vector<CapturedPacket> read_pcap(const std::string& path);

// Path of a file under tests/filter/ (the source directory, set by meson).
std::string test_data_path(const std::string& relative);

}  // namespace rawdump::filter::testing
