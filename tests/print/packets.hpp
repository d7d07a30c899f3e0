// Hand-built frames shared by the printer tests, and a helper that prints one frame.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "src/print/base/byte_reader.hpp"
#include "src/print/packet_printer.hpp"

namespace rawdump::test {

inline std::vector<std::byte> bytes(std::initializer_list<int> values) {
    std::vector<std::byte> v;
    for (int b : values) v.push_back(static_cast<std::byte>(b));
    return v;
}

inline std::vector<std::byte> concat(std::initializer_list<std::vector<std::byte>> parts) {
    std::vector<std::byte> v;
    for (const auto& p : parts) v.insert(v.end(), p.begin(), p.end());
    return v;
}

// Ethernet 00:11:22:33:44:55 -> 66:77:88:99:aa:bb with the given ethertype.
inline std::vector<std::byte> ethernet(int type_hi, int type_lo) {
    return bytes({0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, type_hi, type_lo});
}

// 192.0.2.1:40000 -> 198.51.100.7:9999 PSH|ACK, options nop,nop,TS val 101 ecr 200, payload
// "hello world\n" (64-byte IPv4 datagram, all checksums correct).
inline std::vector<std::byte> tcp4_frame() {
    return concat({ethernet(0x08, 0x00),
                   bytes({0x45, 0x00, 0x00, 0x40, 0x00, 0x01, 0x00, 0x00, 0x40, 0x06, 0x8e, 0x7b,
                          0xc0, 0x00, 0x02, 0x01, 0xc6, 0x33, 0x64, 0x07,
                          0x9c, 0x40, 0x27, 0x0f, 0x00, 0x0f, 0x42, 0x41, 0x00, 0x1e, 0x84, 0x81,
                          0x80, 0x18, 0x01, 0xf6, 0x6b, 0x32, 0x00, 0x00,
                          0x01, 0x01, 0x08, 0x0a, 0x00, 0x00, 0x00, 0x65, 0x00, 0x00, 0x00, 0xc8,
                          'h', 'e', 'l', 'l', 'o', ' ', 'w', 'o', 'r', 'l', 'd', '\n'})});
}

// 192.0.2.1:40000 -> 198.51.100.7:40001, 4 bytes "abcd", checksum 0x4321 (wrong).
inline std::vector<std::byte> udp4_bad_checksum_frame() {
    return concat({ethernet(0x08, 0x00),
                   bytes({0x45, 0x00, 0x00, 0x20, 0x00, 0x01, 0x00, 0x00, 0x40, 0x11, 0x8e, 0x90,
                          0xc0, 0x00, 0x02, 0x01, 0xc6, 0x33, 0x64, 0x07,
                          0x9c, 0x40, 0x9c, 0x41, 0x00, 0x0c, 0x43, 0x21, 'a', 'b', 'c', 'd'})});
}

struct Printed {
    std::string text;
};

inline std::string print_one(const OutputOptions& options, std::span<const std::byte> frame,
                             std::uint32_t wire_length, PacketPrinter* printer = nullptr) {
    PacketPrinter local(options, rawdump::LinkType::En10mb);
    PacketPrinter& p = printer ? *printer : local;
    rawdump::Frame f;
    f.time = {1700000000, 123456000};
    f.wire_length = wire_length;
    f.bytes = frame;
    fmt::memory_buffer out;
    p.print(f, out);
    return fmt::to_string(out);
}

inline OutputOptions numeric_utc() {
    OutputOptions o;
    o.numeric = true;
    o.timestamps = TimestampStyle::None;
    return o;
}

// Every cut of `raw` to fewer than `size` bytes decodes to no header: `decode` (one of the
// decode_*_header functions) gives an empty optional for each prefix of 0..size-1 bytes.
template <typename Decode>
void check_cuts_give_nothing(std::span<const std::byte> raw, std::size_t size, Decode decode) {
    for (std::size_t n = 0; n < size; ++n) {
        CAPTURE(n);
        CHECK_FALSE(decode(rawdump::print::ByteReader{raw.first(n)}));
    }
}

// `decode` applied to all of `raw`: the header it gives (the test stops if it gives none).
template <typename Decode>
auto decoded(std::span<const std::byte> raw, Decode decode) {
    const auto h = decode(rawdump::print::ByteReader{raw});
    REQUIRE(h);
    return *h;
}

}  // namespace rawdump::test
