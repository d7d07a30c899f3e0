// pcapng: blocks of {type, total length, body, total length}. rawdump reads section headers,
// interface descriptions (link type, snaplen, timestamp resolution) and enhanced, simple and
// obsolete packet blocks, skips every other block, and like libpcap refuses a second
// interface whose link type differs from the first.
#include <cstring>
#include <vector>

#include <fmt/format.h>

#include "src/savefile/byte_order.hpp"
#include "src/savefile/formats.hpp"

namespace rawdump::savefile {
namespace {

constexpr std::uint32_t byte_order_magic = 0x1a2b3c4d;
constexpr std::uint32_t max_block_size = 16 * 1024 * 1024;  // libpcap's upper bound on a block
constexpr std::uint16_t option_end = 0;
constexpr std::uint16_t option_if_tsresol = 9;

struct InterfaceInfo {
    std::uint32_t link_type;
    // Timestamp units per second are 10^exponent or 2^exponent.
    bool power_of_two = false;
    unsigned exponent = 6;
};

// Wide enough for units * 10^9 whatever the resolution.
__extension__ typedef unsigned __int128 Wide;

// Converts a timestamp in interface units to seconds + nanoseconds.
platform::Timestamp to_timestamp(std::uint64_t units, const InterfaceInfo& interface) {
    Wide per_second = 1;
    for (unsigned i = 0; i < interface.exponent; ++i) per_second *= interface.power_of_two ? 2 : 10;
    platform::Timestamp time;
    time.seconds = static_cast<std::int64_t>(units / per_second);
    Wide fraction = units % per_second;
    time.nanoseconds = static_cast<std::uint64_t>(fraction * 1000000000u / per_second);
    return time;
}

class PcapngReader final : public Reader {
public:
    explicit PcapngReader(InputStream input) : input_(std::move(input)) {}

    // Reads the first section header and the first interface description (libpcap does
    // the same before it reports the link type).
    std::string start() {
        std::string error;
        if (!read_first_section_header(error)) return error;
        while (interfaces_.empty()) {
            auto status = read_block(error);
            if (status == BlockStatus::Error) return error;
            if (status == BlockStatus::End || status == BlockStatus::Packet)
                return "the capture file has no Interface Description Blocks";
        }
        return {};
    }

    const FileInfo& info() const noexcept override { return info_; }

    ReadStatus next(platform::Frame& frame, std::string& error) override {
        for (;;) {
            switch (read_block(error)) {
            case BlockStatus::Packet: frame = pending_; return ReadStatus::Packet;
            case BlockStatus::End: return ReadStatus::End;
            case BlockStatus::Error: return ReadStatus::Error;
            case BlockStatus::Other: break;
            }
        }
    }

private:
    enum class BlockStatus { Packet, Other, End, Error };

    bool read_exact(std::size_t count, std::span<const std::byte>& out, std::string& error) {
        out = input_.read(count);
        if (out.size() == count) return true;
        error = fmt::format("truncated pcapng dump file; tried to read {} bytes, only got {}", count,
                            out.size());
        return false;
    }

    // The block type was read by Reader::open to recognise the format.
    bool read_first_section_header(std::string& error) {
        std::span<const std::byte> head;
        if (!read_exact(8, head, error)) return false;  // total length + byte-order magic
        std::uint32_t order = little_u32(head.subspan(4));
        if (order == byte_order_magic) fields_ = FieldReader(false);
        else if (order == __builtin_bswap32(byte_order_magic)) fields_ = FieldReader(true);
        else { error = "unknown file format"; return false; }
        std::uint32_t total = fields_.u32(head, 0);
        if (total < 28 || total > max_block_size || total % 4 != 0) {
            error = fmt::format("block in pcapng dump file has a length of {} < 28", total);
            return false;
        }
        std::span<const std::byte> body;
        if (!read_exact(total - 12, body, error)) return false;  // after type, length, magic
        interfaces_.clear();  // interface ids are per section
        return true;
    }

    BlockStatus read_block(std::string& error) {
        auto head = input_.read(8);
        if (head.empty()) {
            if (input_.error() == 0) return BlockStatus::End;
            error = fmt::format("error reading dump file: {}", std::strerror(input_.error()));
            return BlockStatus::Error;
        }
        if (head.size() < 8) {
            error = fmt::format("truncated pcapng dump file; tried to read 8 bytes, only got {}", head.size());
            return BlockStatus::Error;
        }
        std::uint32_t type = fields_.u32(head, 0);
        if (type == pcapng_block_type::section_header) {
            // Re-read the length with the new section's byte order: push back is not possible,
            // so parse the length here after learning the order from the magic.
            std::span<const std::byte> magic;
            std::uint32_t raw_length_le = little_u32(head.subspan(4));
            if (!read_exact(4, magic, error)) return BlockStatus::Error;
            std::uint32_t order = little_u32(magic);
            if (order == byte_order_magic) fields_ = FieldReader(false);
            else if (order == __builtin_bswap32(byte_order_magic)) fields_ = FieldReader(true);
            else { error = "unknown byte order in pcapng section header"; return BlockStatus::Error; }
            std::uint32_t total = order == byte_order_magic ? raw_length_le : __builtin_bswap32(raw_length_le);
            if (total < 28 || total > max_block_size || total % 4 != 0) {
                error = fmt::format("block in pcapng dump file has an invalid length {}", total);
                return BlockStatus::Error;
            }
            std::span<const std::byte> body;
            if (!read_exact(total - 12, body, error)) return BlockStatus::Error;
            interfaces_.clear();
            return BlockStatus::Other;
        }
        std::uint32_t total = fields_.u32(head, 4);
        if (total < 12 || total > max_block_size || total % 4 != 0) {
            error = fmt::format("block in pcapng dump file has an invalid length {}", total);
            return BlockStatus::Error;
        }
        std::span<const std::byte> body;
        if (!read_exact(total - 8, body, error)) return BlockStatus::Error;
        body = body.first(total - 12);  // drop the trailing copy of the length
        switch (type) {
        case pcapng_block_type::interface_description: return interface_block(body, error);
        case pcapng_block_type::enhanced_packet: return enhanced_packet(body, error);
        case pcapng_block_type::obsolete_packet: return obsolete_packet(body, error);
        case pcapng_block_type::simple_packet: return simple_packet(body, error);
        default: return BlockStatus::Other;
        }
    }

    BlockStatus interface_block(std::span<const std::byte> body, std::string& error) {
        if (body.size() < 8) { error = "interface description block too short"; return BlockStatus::Error; }
        InterfaceInfo interface{fields_.u16(body, 0)};
        std::uint32_t snaplen = fields_.u32(body, 4);
        for (std::size_t at = 8; at + 4 <= body.size();) {
            std::uint16_t code = fields_.u16(body, at);
            std::uint16_t length = fields_.u16(body, at + 2);
            if (code == option_end || at + 4 + length > body.size()) break;
            if (code == option_if_tsresol && length >= 1) {
                auto value = std::to_integer<unsigned>(body[at + 4]);
                interface.power_of_two = (value & 0x80) != 0;
                interface.exponent = value & 0x7f;
            }
            at += 4 + ((length + 3u) & ~3u);
        }
        if (!interfaces_.empty() || info_.snaplen != 0) {
            if (interface.link_type != info_.link_type) {
                error = fmt::format("an interface has a type {} different from the type of the first interface",
                                    interface.link_type);
                return BlockStatus::Error;
            }
        } else {
            info_.link_type = interface.link_type;
            info_.snaplen = snaplen == 0 ? maximum_snaplen : snaplen;
        }
        interfaces_.push_back(interface);
        return BlockStatus::Other;
    }

    BlockStatus packet(std::span<const std::byte> data, std::uint32_t captured, std::uint32_t wire,
                       std::uint32_t interface_id, std::uint64_t time_units, std::string& error) {
        if (interface_id >= interfaces_.size()) {
            error = fmt::format("a packet arrived on interface {}, but there's no Interface Description Block for that interface",
                                interface_id);
            return BlockStatus::Error;
        }
        if (captured > data.size()) {
            error = "packet in pcapng dump file has a captured length larger than its block";
            return BlockStatus::Error;
        }
        pending_.time = to_timestamp(time_units, interfaces_[interface_id]);
        pending_.wire_length = wire;
        pending_.bytes = data.first(captured);
        return BlockStatus::Packet;
    }

    BlockStatus enhanced_packet(std::span<const std::byte> body, std::string& error) {
        if (body.size() < 20) { error = "enhanced packet block too short"; return BlockStatus::Error; }
        std::uint64_t units = std::uint64_t(fields_.u32(body, 4)) << 32 | fields_.u32(body, 8);
        return packet(body.subspan(20), fields_.u32(body, 12), fields_.u32(body, 16),
                      fields_.u32(body, 0), units, error);
    }

    BlockStatus obsolete_packet(std::span<const std::byte> body, std::string& error) {
        if (body.size() < 20) { error = "packet block too short"; return BlockStatus::Error; }
        std::uint64_t units = std::uint64_t(fields_.u32(body, 4)) << 32 | fields_.u32(body, 8);
        return packet(body.subspan(20), fields_.u32(body, 12), fields_.u32(body, 16),
                      fields_.u16(body, 0), units, error);
    }

    BlockStatus simple_packet(std::span<const std::byte> body, std::string& error) {
        if (body.size() < 4) { error = "simple packet block too short"; return BlockStatus::Error; }
        std::uint32_t wire = fields_.u32(body, 0);
        std::uint32_t captured = std::min<std::uint32_t>(wire, static_cast<std::uint32_t>(body.size() - 4));
        if (!interfaces_.empty()) captured = std::min(captured, info_.snaplen);
        return packet(body.subspan(4), captured, wire, 0, 0, error);
    }

    InputStream input_;
    FieldReader fields_{false};
    std::vector<InterfaceInfo> interfaces_;
    FileInfo info_;
    platform::Frame pending_;
};

}  // namespace

Expected<std::unique_ptr<Reader>, std::string> open_pcapng(InputStream input) {
    auto reader = std::make_unique<PcapngReader>(std::move(input));
    if (auto error = reader->start(); !error.empty()) return Unexpected{error};
    return std::unique_ptr<Reader>(std::move(reader));
}

}  // namespace rawdump::savefile
