// Textual IPv4/IPv6 addresses and pcap-filter numbers, parsed without the C library (which
// would drag locale and resolver behaviour into the compiler).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rawdump::filter {

// "10.0.0.1" exactly four decimal parts, each 0..255.
std::optional<std::uint32_t> parse_ipv4(std::string_view text);

// RFC 4291 text forms: "fe80::1", "::", "::ffff:10.0.0.1", eight full groups.
std::optional<std::array<std::uint8_t, 16>> parse_ipv6(std::string_view text);

// MAC addresses as libpcap writes them: "a:b:c:d:e:f" / "a-b-c-d-e-f" (1-2 hex digits per
// byte), "a.b.c.d.e.f", "aabb.ccdd.eeff" or twelve hex digits "aabbccddeeff".
std::optional<std::array<std::uint8_t, 6>> parse_mac(std::string_view text);

// libpcap's numbers: decimal, 0x-prefixed hex or 0-prefixed octal, at most 32 bits.
std::optional<std::uint32_t> parse_number(std::string_view text);

// Why parse_number() refused `text`, in libpcap's words, for the first problem reading left
// to right: "number 08 contains non-octal digit" or "number 4294967296 overflows 32 bits".
std::string number_error(std::string_view text);

}  // namespace rawdump::filter
