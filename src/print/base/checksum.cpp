#include "src/print/base/checksum.hpp"

namespace rawdump::print {

std::uint32_t checksum_add(std::uint32_t sum, std::span<const std::byte> bytes) noexcept {
    std::size_t i = 0;
    for (; i + 1 < bytes.size(); i += 2) {
        sum += std::to_integer<std::uint32_t>(bytes[i]) << 8 | std::to_integer<std::uint32_t>(bytes[i + 1]);
        // Fold early so a 64 KiB datagram cannot overflow 32 bits.
        if (sum & 0x80000000u) sum = (sum & 0xffff) + (sum >> 16);
    }
    if (i < bytes.size()) sum += std::to_integer<std::uint32_t>(bytes[i]) << 8;
    return sum;
}

std::uint16_t checksum_finish(std::uint32_t sum) noexcept {
    while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
    return static_cast<std::uint16_t>(~sum & 0xffff);
}

namespace {
template <std::size_t N>
std::uint32_t add_address(std::uint32_t sum, const std::array<std::uint8_t, N>& a) {
    for (std::size_t i = 0; i < N; i += 2) sum += std::uint32_t(a[i]) << 8 | a[i + 1];
    return sum;
}
}  // namespace

std::uint32_t pseudo_header_sum(const Ipv4Address& src, const Ipv4Address& dst, std::uint8_t proto,
                                std::uint32_t length) noexcept {
    std::uint32_t sum = add_address(add_address(0, src.bytes), dst.bytes);
    return sum + proto + (length & 0xffff) + (length >> 16);
}

std::uint32_t pseudo_header_sum(const Ipv6Address& src, const Ipv6Address& dst, std::uint8_t proto,
                                std::uint32_t length) noexcept {
    std::uint32_t sum = add_address(add_address(0, src.bytes), dst.bytes);
    return sum + proto + (length & 0xffff) + (length >> 16);
}

std::uint16_t checksum_should_be(std::uint16_t field, std::uint16_t computed) noexcept {
    std::uint32_t v = std::uint32_t(field) + computed;
    v = (v & 0xffff) + (v >> 16);
    v = (v & 0xffff) + (v >> 16);
    return static_cast<std::uint16_t>(v);
}

}  // namespace rawdump::print
