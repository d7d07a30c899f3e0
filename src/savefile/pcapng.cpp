// pcapng: blocks of {type, total length, body, total length}. rawdump reads section headers,
// interface descriptions and enhanced, simple and obsolete packet blocks, and skips every
// other block. Like libpcap it wants every interface to have the first one's link type and
// snapshot length, and it refuses what libpcap refuses with libpcap's words.
#include <algorithm>
#include <cstring>
#include <vector>

#include <fmt/format.h>

#include "src/savefile/byte_order.hpp"
#include "src/savefile/formats.hpp"
#include "src/savefile/pcapng_interface.hpp"

namespace rawdump::savefile {
namespace {

constexpr std::uint32_t byte_order_magic = 0x1a2b3c4d;
constexpr std::size_t block_header_size = 8;   // type, total length
constexpr std::size_t block_trailer_size = 4;  // total length again
// libpcap's limits on a block's total length: the file's first section header, any block
// until the link type is known, and the allowance on top of the largest packet (headers and
// 128 KiB of options) once it is.
constexpr std::uint32_t first_section_header_limit = 1024 * 1024;
constexpr std::uint32_t initial_block_limit = 16 * 1024 * 1024;
constexpr std::uint32_t packet_block_allowance = 32 + 128 * 1024;

std::optional<bool> big_endian_from_magic(std::span<const std::byte> magic) {
    if (magic.size() < 4) return std::nullopt;
    std::uint32_t value = little_u32(magic);
    if (value == byte_order_magic) return false;
    if (value == __builtin_bswap32(byte_order_magic)) return true;
    return std::nullopt;
}

std::string too_short(std::uint32_t type) {
    return fmt::format("block of type {} in pcapng dump file is too short", type);
}

struct Block {
    std::uint32_t type;
    std::span<const std::byte> body;  // between the length fields
};

class PcapngReader final : public Reader {
public:
    explicit PcapngReader(InputStream input) : input_(std::move(input)) {}

    // Reads the first section header and blocks up to the first interface description:
    // libpcap does the same before it reports the link type, so these errors come before
    // tcpdump's "reading from file" line.
    std::string start() {
        std::string error;
        if (!read_first_section_header(error)) return error;
        while (interfaces_.empty()) {
            Block block;
            switch (read_block(block, error)) {
            case Status::End: return "the capture file has no Interface Description Blocks";
            case Status::Error: return error;
            case Status::Read: break;
            }
            if (is_packet(block.type))
                return "the capture file has a packet block before any Interface Description Blocks";
            if (!handle(block, error)) return error;
        }
        return {};
    }

    const FileInfo& info() const noexcept override { return info_; }

    ReadStatus next(Frame& frame, std::string& error) override {
        for (;;) {
            Block block;
            switch (read_block(block, error)) {
            case Status::End: return ReadStatus::End;
            case Status::Error: return ReadStatus::Error;
            case Status::Read: break;
            }
            if (!is_packet(block.type)) {
                if (!handle(block, error)) return ReadStatus::Error;
                continue;
            }
            if (!packet(block, frame, error)) return ReadStatus::Error;
            return ReadStatus::Packet;
        }
    }

private:
    enum class Status { Read, End, Error };

    static bool is_packet(std::uint32_t type) {
        switch (static_cast<PcapngBlockType>(type)) {
        case PcapngBlockType::EnhancedPacket:
        case PcapngBlockType::SimplePacket:
        case PcapngBlockType::ObsoletePacket: return true;
        default: return false;
        }
    }

    // The block type was read by Reader::open to recognise the format. libpcap checks this
    // first header its own way: a short file or a foreign magic is not pcapng at all, the
    // length may be any size in a sane range and the trailer is not compared.
    bool read_first_section_header(std::string& error) {
        auto head = input_.read(8);  // total length, byte-order magic
        auto big_endian = big_endian_from_magic(head.subspan(std::min<std::size_t>(4, head.size())));
        if (!big_endian) {
            error = input_.error() != 0 ? read_error() : "unknown file format";
            return false;
        }
        big_endian_ = *big_endian;
        std::uint32_t total = ByteReader(head, big_endian_).u32();
        if (total < 28 || total > first_section_header_limit) {
            error = fmt::format("Section Header Block in pcapng dump file has invalid length {} < _{}_ < {} (BT_SHB_INSANE_MAX)",
                                28, total, first_section_header_limit);
            return false;
        }
        auto rest = input_.read(total - 12);
        if (rest.size() < total - 12) {
            error = input_.error() != 0 ? read_error() : truncated(total - 12, rest.size());
            return false;
        }
        ByteReader fields(rest, big_endian_);
        std::uint16_t major = fields.u16();
        std::uint16_t minor = fields.u16();
        if (major != 1 || (minor != 0 && minor != 2)) {
            error = fmt::format("unsupported pcapng savefile version {}.{}", major, minor);
            return false;
        }
        return true;
    }

    Status read_block(Block& block, std::string& error) {
        auto head = input_.read(block_header_size);
        if (head.empty()) {
            if (input_.error() == 0) return Status::End;
            error = read_error();
            return Status::Error;
        }
        if (head.size() < block_header_size) {
            error = truncated(block_header_size, head.size());
            return Status::Error;
        }
        ByteReader fields(head, big_endian_);
        block.type = fields.u32();
        std::uint32_t length_field = fields.u32();
        bool big_endian = big_endian_;
        if (block.type == static_cast<std::uint32_t>(PcapngBlockType::SectionHeader)) {
            // A new section may change the byte order, which its magic tells. (libpcap reads
            // the length in the old order and so refuses such a file; the format allows it.)
            if (auto order = big_endian_from_magic(input_.peek(4))) big_endian = *order;
            if (big_endian != big_endian_) length_field = __builtin_bswap32(length_field);
        }
        const std::uint32_t total = length_field;
        if (total < block_header_size + block_trailer_size) {
            error = fmt::format("block in pcapng dump file has a length of {} < {}", total,
                                block_header_size + block_trailer_size);
            return Status::Error;
        }
        if (total % 4 != 0) {
            error = fmt::format("block in pcapng dump file has a length of {} that is not a multiple of 4", total);
            return Status::Error;
        }
        if (total > block_limit_) {
            error = fmt::format("pcapng block size {} > maximum {}", total, block_limit_);
            return Status::Error;
        }
        auto rest = input_.read(total - block_header_size);
        if (rest.size() < total - block_header_size) {
            error = input_.error() != 0 ? read_error() : truncated(total - block_header_size, rest.size());
            return Status::Error;
        }
        block.body = rest.first(rest.size() - block_trailer_size);
        ByteReader trailer(rest.last(block_trailer_size), big_endian);
        if (trailer.u32() != total) {
            error = "block total length in header and trailer don't match";
            return Status::Error;
        }
        return Status::Read;
    }

    // Section headers and interface descriptions; other blocks are skipped.
    bool handle(const Block& block, std::string& error) {
        switch (static_cast<PcapngBlockType>(block.type)) {
        case PcapngBlockType::SectionHeader: return section_header(block, error);
        case PcapngBlockType::InterfaceDescription: return interface_description(block, error);
        default: return true;
        }
    }

    bool section_header(const Block& block, std::string& error) {
        auto big_endian = big_endian_from_magic(block.body);
        ByteReader fields(block.body, big_endian.value_or(big_endian_));
        fields.skip(4);  // the magic
        std::uint16_t major = fields.u16();
        fields.skip(2 + 8);  // minor version, section length
        if (fields.short_read()) {
            error = too_short(block.type);
            return false;
        }
        if (!big_endian) {
            error = "the file has a section with a bad byte order magic field";
            return false;
        }
        // As libpcap: a later section may have any 1.x version.
        if (major != 1) {
            error = fmt::format("unknown pcapng savefile major version number {}", major);
            return false;
        }
        big_endian_ = *big_endian;
        interfaces_.clear();  // interface ids are per section
        return true;
    }

    bool interface_description(const Block& block, std::string& error) {
        auto interface = parse_interface_block(block.body, big_endian_);
        if (!interface) {
            error = interface.error();
            return false;
        }
        if (have_first_interface_) {
            if (interface->link_type != info_.link_type) {
                error = fmt::format("an interface has a type {} different from the type of the first interface",
                                    link_type_number(interface->link_type));
                return false;
            }
            if (interface->snaplen != info_.snaplen) {
                error = fmt::format("an interface has a snapshot length {} different from the snapshot length of the first interface",
                                    interface->snaplen);
                return false;
            }
        } else {
            have_first_interface_ = true;
            info_.link_type = interface->link_type;
            info_.snaplen = interface->snaplen;
            block_limit_ = std::max(initial_block_limit, maximum_snaplen_for(info_.link_type) + packet_block_allowance);
        }
        interfaces_.push_back(*interface);
        return true;
    }

    bool packet(const Block& block, Frame& frame, std::string& error) {
        ByteReader fields(block.body, big_endian_);
        std::uint32_t interface_id = 0, captured = 0, wire = 0;
        std::uint64_t units = 0;
        switch (static_cast<PcapngBlockType>(block.type)) {
        case PcapngBlockType::EnhancedPacket:
        case PcapngBlockType::ObsoletePacket: {
            bool enhanced = block.type == static_cast<std::uint32_t>(PcapngBlockType::EnhancedPacket);
            if (enhanced) {
                interface_id = fields.u32();
            } else {
                interface_id = fields.u16();
                fields.skip(2);  // drop count
            }
            std::uint64_t high = fields.u32();
            units = high << 32 | fields.u32();
            captured = fields.u32();
            wire = fields.u32();
            break;
        }
        default:  // simple: no interface id (the first one), no timestamp, caplen implied
            wire = fields.u32();
            captured = std::min(wire, info_.snaplen);
            break;
        }
        if (fields.short_read()) {
            error = too_short(block.type);
            return false;
        }
        if (interface_id >= interfaces_.size()) {
            error = fmt::format("a packet arrived on interface {}, but there's no Interface Description Block for that interface",
                                interface_id);
            return false;
        }
        if (captured > info_.snaplen) {
            error = fmt::format("invalid packet capture length {}, bigger than snaplen of {}", captured, info_.snaplen);
            return false;
        }
        auto data = fields.bytes(captured);
        if (fields.short_read()) {
            error = too_short(block.type);
            return false;
        }
        frame.time = interfaces_[interface_id].timestamp(units);
        frame.wire_length = wire;
        frame.bytes = data;
        return true;
    }

    std::string read_error() const {
        return fmt::format("error reading dump file: {}", std::strerror(input_.error()));
    }
    static std::string truncated(std::size_t wanted, std::size_t got) {
        return fmt::format("truncated pcapng dump file; tried to read {} bytes, only got {}", wanted, got);
    }

    InputStream input_;
    bool big_endian_ = false;
    std::vector<PcapngInterface> interfaces_;  // of the current section
    bool have_first_interface_ = false;        // the file's link type and snaplen are known
    FileInfo info_;
    std::uint32_t block_limit_ = initial_block_limit;
};

}  // namespace

Expected<std::unique_ptr<Reader>, std::string> open_pcapng(InputStream input) {
    auto reader = std::make_unique<PcapngReader>(std::move(input));
    if (auto error = reader->start(); !error.empty()) return Unexpected{error};
    return std::unique_ptr<Reader>(std::move(reader));
}

}  // namespace rawdump::savefile
