// Classic pcap: a 24-byte file header, then 16-byte record headers (24 in the patched
// format) each followed by the captured bytes.
#include <cstring>
#include <optional>

#include <fmt/format.h>

#include "src/savefile/byte_order.hpp"
#include "src/savefile/formats.hpp"

namespace rawdump::savefile {
namespace {

constexpr std::size_t file_header_size = 24;
constexpr std::size_t record_header_size = 16;
constexpr std::size_t patched_record_header_size = 24;
constexpr std::uint32_t ethernet_header_size = 14;

// libpcap reads versions 2.0 to 2.4, and 543.0, which some AIX releases wrote; anything older
// than 2 is "archaic", anything else unsupported.
std::optional<std::string> version_error(std::uint16_t major, std::uint16_t minor) {
    if (major < 2) return "archaic pcap savefile format";
    if ((major == 2 && minor <= 4) || (major == 543 && minor == 0)) return std::nullopt;
    return fmt::format("unsupported pcap savefile version {}.{}", major, minor);
}

class ClassicPcapReader final : public Reader {
public:
    ClassicPcapReader(InputStream input, ClassicPcapFormat format, FileInfo info)
        : input_(std::move(input)), big_endian_(format.big_endian), nanosecond_(format.nanosecond),
          header_size_(format.patched ? patched_record_header_size : record_header_size), info_(info),
          largest_record_(maximum_snaplen_for(info.link_type)) {}

    const FileInfo& info() const noexcept override { return info_; }

    ReadStatus next(Frame& frame, std::string& error) override {
        auto header = input_.read(header_size_);
        if (header.empty()) return read_failed(error);
        if (header.size() < header_size_) {
            error = fmt::format("truncated dump file; tried to read {} header bytes, only got {}",
                                header_size_, header.size());
            return ReadStatus::Error;
        }
        ByteReader fields(header, big_endian_);
        std::uint32_t seconds = fields.u32();
        std::uint32_t fraction = fields.u32();
        std::uint32_t captured = fields.u32();
        std::uint32_t wire = fields.u32();
        const std::uint32_t snaplen = info_.snaplen;
        if (captured > largest_record_) {
            error = captured > snaplen
                        ? fmt::format("invalid packet capture length {}, bigger than snaplen of {}", captured, snaplen)
                        : fmt::format("invalid packet capture length {}, bigger than maximum of {}", captured,
                                      largest_record_);
            return ReadStatus::Error;
        }
        auto data = input_.read(captured);
        if (data.size() < captured) {
            if (input_.error() != 0) return read_failed(error);
            // libpcap reads the first snaplen bytes, then skips the rest of an oversized
            // record, and names whichever read came up short.
            std::uint32_t tried = data.size() < snaplen ? std::min(captured, snaplen) : captured;
            error = fmt::format("truncated dump file; tried to read {} captured bytes, only got {}", tried,
                                data.size());
            return ReadStatus::Error;
        }
        frame.time.seconds = seconds;
        frame.time.nanoseconds = nanosecond_ ? fraction : std::uint64_t(fraction) * 1000u;
        frame.wire_length = wire;
        // A record longer than the file's snapshot length is cut to it, as libpcap does (files
        // from old Solaris systems and libpcap 1.5.0 have such records).
        frame.bytes = data.first(std::min(captured, snaplen));
        return ReadStatus::Packet;
    }

private:
    ReadStatus read_failed(std::string& error) {
        if (input_.error() == 0) return ReadStatus::End;
        error = fmt::format("error reading dump file: {}", std::strerror(input_.error()));
        return ReadStatus::Error;
    }

    InputStream input_;
    bool big_endian_;
    bool nanosecond_;
    std::size_t header_size_;  // of each record
    FileInfo info_;
    std::uint32_t largest_record_;  // a bigger captured length means a damaged file
};

}  // namespace

Expected<std::unique_ptr<Reader>, std::string> open_classic_pcap(InputStream input, ClassicPcapFormat format) {
    auto rest = input.read(file_header_size - 4);
    if (rest.size() < file_header_size - 4)
        return Unexpected{fmt::format("truncated dump file; tried to read {} file header bytes, only got {}",
                                      file_header_size, rest.size())};
    ByteReader fields(rest, format.big_endian);
    std::uint16_t major = fields.u16();
    std::uint16_t minor = fields.u16();
    fields.skip(8);  // time zone offset and timestamp accuracy: always 0 in practice, unused
    std::uint32_t snaplen = fields.u32();
    LinkTypeField link = split_link_type_field(fields.u32());
    if (auto error = version_error(major, minor)) return Unexpected{*error};
    FileInfo info;
    info.link_type = link.link_type;
    info.link_type_fcs_bits = link.fcs_bits;
    info.snaplen = effective_snaplen(link.link_type, snaplen);
    // The patched format's Ethernet captures may be cooked ones with a made-up Ethernet header
    // added after the snapshot length was applied, so libpcap allows for that header.
    if (format.patched && info.link_type == LinkType::En10mb) info.snaplen += ethernet_header_size;
    return std::unique_ptr<Reader>(new ClassicPcapReader(std::move(input), format, info));
}

}  // namespace rawdump::savefile
