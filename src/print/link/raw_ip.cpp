// LINKTYPE_RAW, IPV4 and IPV6 (tcpdump's ipN_print): no link header at all.
#include "src/print/link/raw_ip.hpp"

#include "src/print/dispatch/ethertypes.hpp"

namespace rawdump::print {

std::size_t print_raw_ip(Context& ctx, ByteReader frame, std::uint32_t wire_length) {
    if (ctx.options.link_header) ctx.put("ip: ");
    if (!frame.has(1)) {
        ctx.truncated("ip");
        return 0;
    }
    // The version nibble picks the decoder; any other version is named, not decoded
    // (tcpdump's ipN_print, used for RAW, IPV4 and IPV6 alike).
    switch (const unsigned version = frame.u8_at(0) >> 4; version) {
    case 4:
        print_network(ctx, EtherType::Ipv4, frame, wire_length);
        break;
    case 6:
        print_network(ctx, EtherType::Ipv6, frame, wire_length);
        break;
    default:
        ctx.print("unknown ip {}", version);
        break;
    }
    return 0;
}

}  // namespace rawdump::print
