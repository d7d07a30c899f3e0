// LINKTYPE_SLIP (8): a 16-byte pseudo-header before the IP datagram. Expected text from
// tcpdump 4.99.3.
#include <doctest/doctest.h>

#include "tests/print/cut_expectations.hpp"

using namespace rawdump;
using namespace rawdump::test;

namespace {

constexpr auto slip = static_cast<rawdump::LinkType>(8);

std::string print_slip(const OutputOptions& o, const std::vector<std::byte>& frame, std::size_t cut) {
    PacketPrinter printer(o, slip);
    rawdump::Frame f;
    f.time = {1700000000, 123456000};
    f.wire_length = static_cast<std::uint32_t>(frame.size());
    f.bytes = std::span<const std::byte>{frame}.first(cut);
    fmt::memory_buffer out;
    printer.print(f, out);
    return fmt::to_string(out);
}

// Direction, compressed-header type, 14 more bytes, then UDP 192.0.2.1:40000 -> 198.51.100.7:40001.
std::vector<std::byte> slip_frame(int direction, int type) {
    return bytes({direction, type, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
                  0x45, 0x00, 0x00, 0x20, 0x00, 0x01, 0x00, 0x00, 0x40, 0x11, 0x8e, 0x90, 0xc0, 0x00, 0x02, 0x01,
                  0xc6, 0x33, 0x64, 0x07, 0x9c, 0x40, 0x9c, 0x41, 0x00, 0x0c, 0x00, 0x00, 0x61, 0x62, 0x63, 0x64});
}

}  // namespace

TEST_CASE("SLIP: the IP datagram after the pseudo-header; -e shows direction and type") {
    auto in = slip_frame(0x00, 0x40);
    CHECK(print_slip(numeric_utc(), in, in.size()) == "IP 192.0.2.1.40000 > 198.51.100.7.40001: UDP, length 4\n");
    CHECK(print_slip(with_link_header(), in, in.size()) ==
          "I ip 48: 192.0.2.1.40000 > 198.51.100.7.40001: UDP, length 4\n");
    CHECK(print_slip(numeric_utc(), in, 10) == " [|slip]\n");
    CHECK(print_slip(with_link_header(), in, 16) == "I ip 48:  [|slip]\n");  // the wire length
    // An uncompressed-TCP frame makes tcpdump look for a TCP header, which UDP does not have.
    auto out = slip_frame(0x01, 0x70);
    CHECK(print_slip(numeric_utc(), out, out.size()) == "IP 192.0.2.1.40000 > 198.51.100.7.40001: UDP, length 4\n");
    CHECK(print_slip(with_link_header(), out, out.size()) == "O utcp 0:  [|slip]\n");
}
