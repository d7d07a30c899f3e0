// The one way savefile/ reads input bytes: fields in the byte order the file declares, never
// past the end of the bytes at hand.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace rawdump::savefile {

// Reads fields one after another from a header or block. A read past the end yields 0 (or no
// bytes) and marks the reader short, so a parser takes every field it needs and then checks
// short_read() once instead of comparing sizes before each field.
class ByteReader {
public:
    ByteReader(std::span<const std::byte> bytes, bool big_endian) : bytes_(bytes), big_endian_(big_endian) {}

    std::uint8_t u8() { return static_cast<std::uint8_t>(take(1)); }
    std::uint16_t u16() { return static_cast<std::uint16_t>(take(2)); }
    std::uint32_t u32() { return static_cast<std::uint32_t>(take(4)); }
    std::uint64_t u64() { return take(8); }

    // The next `count` bytes as they are (empty and short when fewer are left).
    std::span<const std::byte> bytes(std::size_t count) {
        if (count > remaining()) return mark_short();
        auto view = bytes_.subspan(at_, count);
        at_ += count;
        return view;
    }
    void skip(std::size_t count) { bytes(count); }

    std::size_t remaining() const noexcept { return bytes_.size() - at_; }
    bool short_read() const noexcept { return short_; }

private:
    std::uint64_t take(std::size_t width) {
        auto field = bytes(width);
        std::uint64_t value = 0;
        for (std::size_t i = 0; i < field.size(); ++i) {
            auto byte = std::to_integer<std::uint64_t>(field[big_endian_ ? i : field.size() - 1 - i]);
            value = value << 8 | byte;
        }
        return value;
    }
    std::span<const std::byte> mark_short() {
        short_ = true;
        at_ = bytes_.size();
        return {};
    }

    std::span<const std::byte> bytes_;
    bool big_endian_;
    std::size_t at_ = 0;
    bool short_ = false;
};

// A 32-bit field read in little-endian order (magic numbers are compared that way).
inline std::uint32_t little_u32(std::span<const std::byte> bytes) {
    return ByteReader(bytes, false).u32();
}

}  // namespace rawdump::savefile
