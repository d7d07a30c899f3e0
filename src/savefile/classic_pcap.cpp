// Classic pcap: a 24-byte file header, then 16-byte record headers each followed by the
// captured bytes.
#include <algorithm>
#include <cstring>

#include <fmt/format.h>

#include "src/savefile/byte_order.hpp"
#include "src/savefile/formats.hpp"

namespace rawdump::savefile {
namespace {

constexpr std::size_t file_header_size = 24;
constexpr std::size_t record_header_size = 16;

class ClassicPcapReader final : public Reader {
public:
    ClassicPcapReader(InputStream input, ClassicPcapFormat format, FileInfo info)
        : input_(std::move(input)), fields_(format.big_endian), nanosecond_(format.nanosecond),
          info_(info) {}

    const FileInfo& info() const noexcept override { return info_; }

    ReadStatus next(platform::Frame& frame, std::string& error) override {
        auto header = input_.read(record_header_size);
        if (header.empty()) return read_failed(error);
        if (header.size() < record_header_size) {
            error = fmt::format("truncated dump file; tried to read {} header bytes, only got {}",
                                record_header_size, header.size());
            return ReadStatus::Error;
        }
        std::uint32_t seconds = fields_.u32(header, 0);
        std::uint32_t fraction = fields_.u32(header, 4);
        std::uint32_t captured = fields_.u32(header, 8);
        std::uint32_t wire = fields_.u32(header, 12);
        if (captured > maximum_snaplen) {
            error = fmt::format("invalid packet capture length {}, bigger than maximum of {}",
                                captured, maximum_snaplen);
            return ReadStatus::Error;
        }
        auto data = input_.read(captured);
        if (data.size() < captured) {
            if (input_.error() != 0) return read_failed(error);
            error = fmt::format("truncated dump file; tried to read {} captured bytes, only got {}",
                                captured, data.size());
            return ReadStatus::Error;
        }
        frame.time.seconds = seconds;
        frame.time.nanoseconds = nanosecond_ ? fraction : std::uint64_t(fraction) * 1000u;
        frame.wire_length = wire;
        // A record longer than the file's snapshot length is cut to it, as libpcap does
        // (pcap_adjust_snapshot: 0 or an oversized snapshot length means the maximum).
        frame.bytes = data.first(std::min<std::size_t>(data.size(), snapshot_length()));
        return ReadStatus::Packet;
    }

private:
    std::uint32_t snapshot_length() const noexcept {
        return info_.snaplen == 0 || info_.snaplen > maximum_snaplen ? maximum_snaplen : info_.snaplen;
    }
    ReadStatus read_failed(std::string& error) {
        if (input_.error() == 0) return ReadStatus::End;
        error = fmt::format("error reading dump file: {}", std::strerror(input_.error()));
        return ReadStatus::Error;
    }

    InputStream input_;
    FieldReader fields_;
    bool nanosecond_;
    FileInfo info_;
};

}  // namespace

Expected<std::unique_ptr<Reader>, std::string> open_classic_pcap(InputStream input, ClassicPcapFormat format) {
    auto rest = input.read(file_header_size - 4);
    if (rest.size() < file_header_size - 4)
        return Unexpected{fmt::format("truncated dump file; tried to read {} file header bytes, only got {}",
                                      file_header_size, rest.size())};
    FieldReader fields(format.big_endian);
    std::uint16_t major = fields.u16(rest, 0);
    if (major != 2)
        return Unexpected{fmt::format("archaic pcap savefile format")};
    FileInfo info;
    info.snaplen = fields.u32(rest, 12);
    // The upper bits of the link-type field carry FCS flags; the type is the low 16 bits.
    info.link_type = fields.u32(rest, 16) & 0xffff;
    return std::unique_ptr<Reader>(new ClassicPcapReader(std::move(input), format, info));
}

}  // namespace rawdump::savefile
