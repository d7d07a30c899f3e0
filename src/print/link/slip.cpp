// LINKTYPE_SLIP (print-sl.c sl_if_print): a 16-byte pseudo-header (direction, then the
// compressed-header copy), then an IP datagram whose version picks the printer.
#include "src/print/dispatch/ethertypes.hpp"
#include "src/print/link/slip.hpp"

namespace rawdump::print {
namespace {

constexpr std::size_t slip_header_length = 16;
constexpr std::size_t direction_offset = 0;
constexpr std::size_t compressed_header_offset = 1;
enum class SlipDirection : std::uint8_t { In = 0, Out = 1 };
constexpr std::uint8_t type_ip = 0x40;  // the high nibble of the compressed-header byte
constexpr std::uint8_t type_uncompressed_tcp = 0x70;

// -e: "I ip 62: ", or "O utcp 3: " for an uncompressed-TCP frame of a VJ-compressed link
// (its connection number sits where the IP protocol byte was). Compressed TCP headers are not
// decoded; they print their type byte the way tcpdump prints unknown ones.
// False when tcpdump would stop here.
bool print_pseudo_header(Context& ctx, ByteReader header, ByteReader packet, std::uint32_t length) {
    unsigned direction = header.u8_at(direction_offset);
    switch (static_cast<SlipDirection>(direction)) {
    case SlipDirection::In:
        ctx.put("I ");
        break;
    case SlipDirection::Out:
        ctx.put("O ");
        break;
    default:
        ctx.print("Invalid direction {} ", direction);
        return true;
    }
    unsigned type = header.u8_at(compressed_header_offset);
    if ((type & 0xf0) == type_ip) {
        ctx.print("ip {}: ", length + slip_header_length);
    } else if ((type & 0xf0) == type_uncompressed_tcp) {
        ctx.print("utcp {}: ", header.u8_at(compressed_header_offset + 9));
        // tcpdump records the header length for later compressed frames, reading the IP and
        // TCP headers to do so.
        if (!packet.has(20)) return false;
        std::size_t ip_header = (packet.u8_at(0) & 0x0f) * 4u;
        if (!packet.has(ip_header + 20)) return false;
    } else {
        ctx.print("slip-{}!: ", type);
    }
    return true;
}

}  // namespace

std::size_t print_slip(Context& ctx, ByteReader frame, std::uint32_t wire_length) {
    if (!frame.has(slip_header_length)) {
        ctx.truncated_unwind("slip");
        return 0;
    }
    std::uint32_t length = wire_length > slip_header_length ? wire_length - slip_header_length : 0;
    ByteReader packet = frame.window(slip_header_length, frame.size());
    if (ctx.options.link_header && !print_pseudo_header(ctx, frame.window(0, slip_header_length), packet, length)) {
        ctx.truncated_unwind("slip");
        return 0;
    }
    if (!packet.has(1)) {
        ctx.truncated_unwind("slip");
        return 0;
    }
    switch (unsigned version = packet.u8_at(0) >> 4) {
    case 4:
        print_network(ctx, EtherType::Ipv4, packet, length);
        break;
    case 6:
        print_network(ctx, EtherType::Ipv6, packet, length);
        break;
    default:
        ctx.print("ip v{}", version);
        break;
    }
    return slip_header_length;
}

}  // namespace rawdump::print
