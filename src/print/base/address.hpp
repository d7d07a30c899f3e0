// Address values decoded from packets, and their numeric text forms as tcpdump prints them.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>

#include <fmt/format.h>

namespace rawdump::print {

struct Ipv4Address {
    std::array<std::uint8_t, 4> bytes{};
    std::uint32_t value() const noexcept {
        return std::uint32_t(bytes[0]) << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3];
    }
    friend bool operator==(const Ipv4Address&, const Ipv4Address&) = default;
};

struct Ipv6Address {
    std::array<std::uint8_t, 16> bytes{};
    friend bool operator==(const Ipv6Address&, const Ipv6Address&) = default;
};

struct MacAddress {
    std::array<std::uint8_t, 6> bytes{};
    std::uint32_t oui() const noexcept { return std::uint32_t(bytes[0]) << 16 | bytes[1] << 8 | bytes[2]; }
    bool is_broadcast() const noexcept {
        for (auto b : bytes)
            if (b != 0xff) return false;
        return true;
    }
    friend bool operator==(const MacAddress&, const MacAddress&) = default;
};

// 192.0.2.1
void append_numeric(fmt::memory_buffer& out, const Ipv4Address& a);
// 2001:db8::1 (RFC 5952 compression, embedded IPv4 for ::a.b.c.d and ::ffff:a.b.c.d)
void append_numeric(fmt::memory_buffer& out, const Ipv6Address& a);
// 00:11:22:33:44:55
void append_numeric(fmt::memory_buffer& out, const MacAddress& a);

struct Ipv6Hash {
    std::size_t operator()(const Ipv6Address& a) const noexcept {
        std::size_t h = 1469598103934665603ull;
        for (auto b : a.bytes) h = (h ^ b) * 1099511628211ull;
        return h;
    }
};

}  // namespace rawdump::print
