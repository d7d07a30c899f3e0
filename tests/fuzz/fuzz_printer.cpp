// libFuzzer target for the decoders and the printer (scripts/fuzz builds and runs it with
// clang's -fsanitize=fuzzer,address,undefined). The input is one frame behind a 4-byte header:
//
//   byte 0  bits 0-2 link type (EN10MB, LINUX_SLL, LINUX_SLL2, NULL, LOOP, RAW, SLIP, IPV6)
//           bits 3-4 number of -v, bit 5 -e, bit 6 -q, bit 7 -S
//   byte 1  bits 0-2 dump (none, -x, -xx, -X, -XX, -A, -AA, none), bit 3 -K, bit 4 -T domain,
//           bit 5 -g, bit 6 -#, bit 7 print the frame a second time (per-flow state)
//   bytes 2-3  how many bytes the frame had on the wire beyond those captured (big endian)
//
// The frame's bytes are the rest of libFuzzer's buffer, which ends where the allocation ends,
// so a read past the capture is an ASan report. Always -n: no name server is asked.
#include <cstddef>
#include <cstdint>
#include <span>

#include <fmt/format.h>

#include "src/print/base/output_options.hpp"
#include "src/print/packet_printer.hpp"

namespace {

constexpr rawdump::LinkType link_types[] = {
    rawdump::LinkType::En10mb, rawdump::LinkType::LinuxSll, rawdump::LinkType::LinuxSll2,
    rawdump::LinkType::Null,   rawdump::LinkType::Loop,     rawdump::LinkType::Raw,
    rawdump::LinkType::Slip,   rawdump::LinkType::Ipv6,
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace rawdump;
    if (size < 4) return 0;
    const std::uint8_t a = data[0], b = data[1];
    const std::uint32_t extra = static_cast<std::uint32_t>(data[2]) << 8 | data[3];

    OutputOptions o;
    o.numeric = true;
    o.timestamps = TimestampStyle::None;
    o.verbosity = (a >> 3) & 3;
    o.link_header = a & 0x20;
    o.quiet = a & 0x40;
    o.absolute_sequence = a & 0x80;
    switch (b & 7) {
    case 1: o.hex = HexDump::Network; break;
    case 2: o.hex = HexDump::Link; break;
    case 3: o.hex = HexDump::Network, o.hex_ascii = true; break;
    case 4: o.hex = HexDump::Link, o.hex_ascii = true; break;
    case 5: o.ascii = true; break;
    case 6: o.ascii = true, o.ascii_link = true; break;
    default: break;
    }
    o.verify_checksums = !(b & 0x08);
    if (b & 0x10) o.packet_type = PacketType::Domain;
    o.one_line = b & 0x20;
    o.packet_numbers = b & 0x40;

    PacketPrinter printer(o, link_types[a & 7]);
    rawdump::Frame frame;
    frame.time = {1700000000, 123456000};
    frame.bytes = std::span<const std::byte>{reinterpret_cast<const std::byte*>(data + 4), size - 4};
    frame.wire_length = static_cast<std::uint32_t>(size - 4) + extra;
    fmt::memory_buffer out;
    printer.print(frame, out);
    if (out.size() == 0 || out[out.size() - 1] != '\n') __builtin_trap();  // one finished text
    if (b & 0x80) {
        out.clear();
        printer.print(frame, out);
        if (out.size() == 0 || out[out.size() - 1] != '\n') __builtin_trap();
    }
    return 0;
}
