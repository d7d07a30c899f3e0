// UDP (print-udp.c udp_print, tcpdump 4.99.3 wording). Port-based application printers
// (DNS, NTP, DHCP, ...) are chosen in udp_applications.cpp.
#include "src/print/dispatch/ports.hpp"
#include "src/print/base/checksum.hpp"
#include "src/print/base/protocols.hpp"
#include "src/print/transport/udp.hpp"
#include "src/print/transport/udp_header.hpp"

namespace rawdump::print {
namespace {

// "src.sport > dst.dport: "; without ports when they were not captured (and then nothing
// at all after extension headers, which already printed the addresses).
void print_endpoints(Context& ctx, const IpInfo& ip, const UdpHeader* h) {
    if (h) return ip.print_endpoints(ctx, h->source_port, h->destination_port, false);
    if (ip.header_protocol != ip.protocol) return;
    ip.print_addresses(ctx);
    ctx.put(": ");
}

// "[udp sum ok] " or "[bad udp cksum ...] " when the first `length` bytes of the datagram
// (its header included) were all captured; "[no cksum] " for IPv4's optional zero. IPv4
// shows it from -vv, IPv6 (where it is mandatory) from -v.
void print_checksum(Context& ctx, const IpInfo& ip, ByteReader datagram, std::uint32_t length,
                    std::uint16_t checksum) {
    auto verify = [&] {
        if (!datagram.has(length)) return;
        std::uint32_t sum = ip.pseudo_sum(static_cast<std::uint8_t>(IpProto::Udp), length);
        std::uint16_t computed = checksum_finish(checksum_add(sum, datagram.window(0, length).all()));
        if (computed != 0)
            ctx.print("[bad udp cksum 0x{:04x} -> 0x{:04x}!] ", checksum, checksum_should_be(checksum, computed));
        else
            ctx.put("[udp sum ok] ");
    };
    if (ip.version == 4 && ctx.options.verbosity > 1) {
        if (checksum == 0)
            ctx.put("[no cksum] ");
        else
            verify();
    } else if (ip.version == 6) {
        verify();
    }
}

}  // namespace

void print_udp(Context& ctx, ByteReader datagram, const IpInfo& ip) {
    const std::optional<UdpHeader> decoded = decode_udp_header(datagram);
    // A cut header still shows what was captured of it: tcpdump reads the fields in order and
    // stops at the first one missing (the ports, the length, then the checksum).
    UdpHeader h = decoded.value_or(UdpHeader{datagram.be16_at(0), datagram.be16_at(2), datagram.be16_at(4), 0});
    if (!datagram.has(4)) {
        print_endpoints(ctx, ip, nullptr);
        return ctx.truncated("udp");
    }
    std::uint32_t length = ip.length;
    if (length < UdpHeader::size) {
        print_endpoints(ctx, ip, &h);
        return ctx.print("truncated-udp {}", length);
    }
    // The length is checked before the checksum is read: a bad one is reported even when
    // the checksum was not captured.
    if (!datagram.has(6)) {
        print_endpoints(ctx, ip, &h);
        return ctx.truncated("udp");
    }
    std::uint32_t ulen = h.length;
    if (ulen == 0 && length > 65535) ulen = length;  // IPv6 jumbogram
    if (ulen < UdpHeader::size) {
        print_endpoints(ctx, ip, &h);
        return ctx.print("truncated-udplength {}", ulen);
    }
    if (!decoded) {
        print_endpoints(ctx, ip, &h);
        return ctx.truncated("udp");
    }
    ulen -= UdpHeader::size;
    length -= UdpHeader::size;
    // The printers below read up to the end of the IP payload (tcpdump bounds them by the
    // IP layer's snapshot end, not by the UDP length) but are told the smaller length.
    const std::uint32_t readable = length;
    if (ulen < length) length = ulen;

    print_endpoints(ctx, ip, &h);
    // Over IPv4 the checksum is optional and shown from -vv; over IPv6 it is mandatory (-v).
    // -T (packet_type) skips the checksum: tcpdump decodes the forced protocol first and returns.
    if (ctx.options.verbosity > 0 && ctx.options.verify_checksums && !ip.fragmented &&
        ctx.options.packet_type == PacketType::ByPort)
        print_checksum(ctx, ip, datagram, length + UdpHeader::size, h.checksum);
    if (print_udp_application(ctx, ip, {datagram.window(UdpHeader::size, readable), length, h.source_port,
                                        h.destination_port}))
        return;
    // ulen is still larger only when the UDP header claims more than the IP payload holds.
    if (ulen > length && !ip.fragmented)
        ctx.print("UDP, bad length {} > {}", ulen, length);
    else
        ctx.print("UDP, length {}", ulen);
}

}  // namespace rawdump::print
