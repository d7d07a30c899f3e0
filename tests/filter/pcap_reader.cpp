#include "pcap_reader.hpp"

#include <array>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace rawdump::filter::testing {
namespace {

constexpr std::uint32_t magic_micro = 0xa1b2c3d4;
constexpr std::uint32_t magic_nano = 0xa1b23c4d;
constexpr std::size_t file_header_size = 24;
constexpr std::size_t record_header_size = 16;

std::uint32_t read_u32(const std::vector<char>& data, std::size_t at, bool swapped) {
    std::array<std::uint8_t, 4> b{};
    for (std::size_t i = 0; i < 4; ++i) b[i] = static_cast<std::uint8_t>(data[at + i]);
    if (swapped) return std::uint32_t{b[0]} << 24 | std::uint32_t{b[1]} << 16 | std::uint32_t{b[2]} << 8 | b[3];
    return std::uint32_t{b[3]} << 24 | std::uint32_t{b[2]} << 16 | std::uint32_t{b[1]} << 8 | b[0];
}

}  // namespace

std::vector<CapturedPacket> read_pcap(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot open " + path);
    const std::vector<char> data{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (data.size() < file_header_size) throw std::runtime_error("short pcap header: " + path);

    const std::uint32_t magic = read_u32(data, 0, false);
    bool swapped = false;
    if (magic != magic_micro && magic != magic_nano) {
        swapped = true;
        const std::uint32_t other = read_u32(data, 0, true);
        if (other != magic_micro && other != magic_nano) throw std::runtime_error("not a pcap: " + path);
    }

    std::vector<CapturedPacket> packets;
    std::size_t at = file_header_size;
    while (at + record_header_size <= data.size()) {
        const std::uint32_t captured = read_u32(data, at + 8, swapped);
        const std::uint32_t wire = read_u32(data, at + 12, swapped);
        at += record_header_size;
        if (at + captured > data.size()) throw std::runtime_error("truncated record in " + path);
        CapturedPacket packet;
        packet.wire_length = wire;
        packet.bytes.resize(captured);
        for (std::size_t i = 0; i < captured; ++i) packet.bytes[i] = static_cast<std::byte>(data[at + i]);
        packets.push_back(std::move(packet));
        at += captured;
    }
    return packets;
}

std::string test_data_path(const std::string& relative) {
    return std::string(FILTER_TEST_DATA) + "/" + relative;
}

}  // namespace rawdump::filter::testing
