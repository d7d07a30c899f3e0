// The one way packet bytes are read: a bounds-checked cursor over a captured span.
//
// Reads past the end never touch memory; they return 0 and set a sticky `truncated()` flag,
// so a decoder can read a whole fixed header and check once, the way tcpdump's GET_* macros
// bail out on the first short read. Sub-views narrow the window to a layer's declared length
// (tcpdump's nd_push_snaplen).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "src/print/base/address.hpp"

namespace rawdump::print {

class ByteReader {
public:
    ByteReader() = default;
    explicit ByteReader(std::span<const std::byte> bytes) noexcept : bytes_(bytes) {}

    std::size_t size() const noexcept { return bytes_.size(); }
    std::size_t position() const noexcept { return pos_; }
    std::size_t remaining() const noexcept { return bytes_.size() - pos_; }
    bool has(std::size_t n) const noexcept { return n <= remaining(); }
    bool truncated() const noexcept { return truncated_; }
    // Everything in the window, independent of the cursor (for checksums and hex dumps).
    std::span<const std::byte> all() const noexcept { return bytes_; }
    // The unread part of the window.
    std::span<const std::byte> rest() const noexcept { return bytes_.subspan(pos_); }

    std::uint8_t u8() noexcept {
        if (!take(1)) return 0;
        return std::to_integer<std::uint8_t>(bytes_[pos_ - 1]);
    }
    std::uint16_t be16() noexcept {
        if (!take(2)) return 0;
        return static_cast<std::uint16_t>(at(pos_ - 2) << 8 | at(pos_ - 1));
    }
    std::uint32_t be24() noexcept {
        if (!take(3)) return 0;
        return at(pos_ - 3) << 16 | at(pos_ - 2) << 8 | at(pos_ - 1);
    }
    std::uint32_t be32() noexcept {
        if (!take(4)) return 0;
        return at(pos_ - 4) << 24 | at(pos_ - 3) << 16 | at(pos_ - 2) << 8 | at(pos_ - 1);
    }
    // Little-endian: for the few fields written in the capturing host's byte order.
    std::uint32_t le32() noexcept {
        if (!take(4)) return 0;
        return at(pos_ - 1) << 24 | at(pos_ - 2) << 16 | at(pos_ - 3) << 8 | at(pos_ - 4);
    }
    // n bytes as a span; empty (and truncated) when fewer remain.
    std::span<const std::byte> bytes(std::size_t n) noexcept {
        if (!take(n)) return {};
        return bytes_.subspan(pos_ - n, n);
    }
    // Copies exactly N bytes (addresses); zeros and truncated when short.
    template <std::size_t N>
    void copy(std::uint8_t (&dst)[N]) noexcept {
        auto src = bytes(N);
        for (std::size_t i = 0; i < N; ++i)
            dst[i] = src.empty() ? 0 : std::to_integer<std::uint8_t>(src[i]);
    }
    bool skip(std::size_t n) noexcept { return take(n); }

    // Addresses, read in order as the fixed-width fields they are (zeros when short).
    Ipv4Address ipv4() noexcept { return read_array<Ipv4Address>(); }
    Ipv6Address ipv6() noexcept { return read_array<Ipv6Address>(); }
    MacAddress mac() noexcept { return read_array<MacAddress>(); }

    // Reads at an offset of the window, leaving the cursor and the truncation flag alone: 0 (or
    // a zero address) where the field is not all captured, as window(offset, n).be16() gives.
    // Check has_at() (or the whole layer's length) first where a short field must be noticed.
    bool has_at(std::size_t offset, std::size_t n) const noexcept {
        return offset <= bytes_.size() && n <= bytes_.size() - offset;
    }
    std::uint8_t u8_at(std::size_t offset) const noexcept { return window(offset, 1).u8(); }
    std::uint16_t be16_at(std::size_t offset) const noexcept { return window(offset, 2).be16(); }
    std::uint32_t be24_at(std::size_t offset) const noexcept { return window(offset, 3).be24(); }
    std::uint32_t be32_at(std::size_t offset) const noexcept { return window(offset, 4).be32(); }
    Ipv4Address ipv4_at(std::size_t offset) const noexcept { return window(offset, 4).ipv4(); }
    Ipv6Address ipv6_at(std::size_t offset) const noexcept { return window(offset, 16).ipv6(); }
    MacAddress mac_at(std::size_t offset) const noexcept { return window(offset, 6).mac(); }

    // A reader over [offset, offset+length) of this window, clipped to what was captured.
    // Clipping is not truncation: the new reader only becomes truncated when read past.
    ByteReader window(std::size_t offset, std::size_t length) const noexcept {
        if (offset > bytes_.size()) return ByteReader{};
        std::size_t n = bytes_.size() - offset;
        return ByteReader{bytes_.subspan(offset, length < n ? length : n)};
    }
    // The unread rest, narrowed to at most `length` bytes.
    ByteReader narrowed(std::size_t length) const noexcept { return window(pos_, length); }

private:
    template <typename Address>
    Address read_array() noexcept {
        Address address;
        const auto src = bytes(address.bytes.size());
        for (std::size_t i = 0; i < src.size(); ++i) address.bytes[i] = std::to_integer<std::uint8_t>(src[i]);
        return address;
    }
    bool take(std::size_t n) noexcept {
        if (truncated_ || n > remaining()) {
            truncated_ = true;
            return false;
        }
        pos_ += n;
        return true;
    }
    std::uint32_t at(std::size_t i) const noexcept { return std::to_integer<std::uint32_t>(bytes_[i]); }

    std::span<const std::byte> bytes_;
    std::size_t pos_ = 0;
    bool truncated_ = false;
};

}  // namespace rawdump::print
