// File header fields in the byte order the file declares.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace rawdump::savefile {

class FieldReader {
public:
    explicit FieldReader(bool swapped) : swapped_(swapped) {}

    std::uint16_t u16(std::span<const std::byte> bytes, std::size_t at) const {
        std::uint16_t a = std::to_integer<std::uint16_t>(bytes[at]);
        std::uint16_t b = std::to_integer<std::uint16_t>(bytes[at + 1]);
        return swapped_ ? std::uint16_t(a << 8 | b) : std::uint16_t(b << 8 | a);
    }
    std::uint32_t u32(std::span<const std::byte> bytes, std::size_t at) const {
        std::uint32_t lo = u16(bytes, swapped_ ? at + 2 : at);
        std::uint32_t hi = u16(bytes, swapped_ ? at : at + 2);
        return hi << 16 | lo;
    }

private:
    bool swapped_;  // true: the file is big-endian; false: little-endian
};

inline std::uint32_t little_u32(std::span<const std::byte> bytes) {
    return FieldReader(false).u32(bytes, 0);
}

}  // namespace rawdump::savefile
