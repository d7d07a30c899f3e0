// Opens a capture file and picks the format from its first four bytes.
#include "src/savefile/reader.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

#include <fmt/format.h>

#include "src/savefile/byte_order.hpp"
#include "src/savefile/formats.hpp"

namespace rawdump::savefile {

Expected<std::unique_ptr<Reader>, std::string> Reader::open(const std::string& path) {
    int fd = path == "-" ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return Unexpected{fmt::format("{}: {}", path, std::strerror(errno))};
    InputStream input(fd);

    auto magic = input.read(4);
    if (magic.size() < 4) {
        // A directory opens but cannot be read; libpcap words it as any other read error.
        if (input.error() != 0)
            return Unexpected{fmt::format("error reading dump file: {}", std::strerror(input.error()))};
        return Unexpected{fmt::format(
            "truncated dump file; tried to read 4 file header bytes, only got {}", magic.size())};
    }
    std::uint32_t value = little_u32(magic);
    if (auto pcap = classic_pcap_format(value))
        return open_classic_pcap(std::move(input), *pcap);
    if (value == static_cast<std::uint32_t>(PcapngBlockType::SectionHeader))
        return open_pcapng(std::move(input));
    return Unexpected{std::string("unknown file format")};
}

}  // namespace rawdump::savefile
