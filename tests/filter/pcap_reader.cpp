#include "pcap_reader.hpp"

#include <stdexcept>

#include "src/savefile/reader.hpp"

namespace rawdump::filter::testing {

// The product's own savefile reader, so the tests parse captures exactly as `rawdump -r` does.
std::vector<CapturedPacket> read_pcap(const std::string& path) {
    auto reader = savefile::Reader::open(path);
    if (!reader) throw std::runtime_error(path + ": " + reader.error());
    std::vector<CapturedPacket> packets;
    rawdump::Frame frame;
    std::string error;
    for (;;) {
        switch ((*reader)->next(frame, error)) {
            case savefile::ReadStatus::End: return packets;
            case savefile::ReadStatus::Error: throw std::runtime_error(path + ": " + error);
            case savefile::ReadStatus::Packet:
                packets.push_back({{frame.bytes.begin(), frame.bytes.end()}, frame.wire_length});
                break;
        }
    }
}

std::string test_data_path(const std::string& relative) {
    return std::string(FILTER_TEST_DATA) + "/" + relative;
}

}  // namespace rawdump::filter::testing
