// ARP (print-arp.c arp_print, tcpdump 4.99.3 wording) for Ethernet/IPv4 and other sizes.
#include <array>
#include <utility>

#include "src/print/hexdump.hpp"
#include "src/print/link.hpp"
#include "src/print/protocols.hpp"

namespace rawdump::print {
namespace {

enum class ArpOp : std::uint16_t {
    Request = 1, Reply = 2, ReverseRequest = 3, ReverseReply = 4, InverseRequest = 8, InverseReply = 9,
    Nak = 10,
};

constexpr std::array<std::pair<ArpOp, std::string_view>, 7> op_names{{
    {ArpOp::Request, "Request"}, {ArpOp::Reply, "Reply"}, {ArpOp::ReverseRequest, "Reverse Request"},
    {ArpOp::ReverseReply, "Reverse Reply"}, {ArpOp::InverseRequest, "Inverse Request"},
    {ArpOp::InverseReply, "Inverse Reply"}, {ArpOp::Nak, "NACK Reply"},
}};

// print-arp.c arphrd_values.
constexpr std::array<std::pair<std::uint16_t, std::string_view>, 8> hardware_names{{
    {1, "Ethernet"}, {6, "TokenRing"}, {7, "ArcNet"}, {15, "FrameRelay"}, {23, "Strip"}, {24, "IEEE 1394"},
    {19, "ATM"}, {32, "InfiniBand"},
}};
constexpr std::uint16_t protocol_ipv4 = 0x0800;
constexpr std::uint16_t protocol_trailer = 0x1000;

struct ArpPacket {
    std::uint16_t hardware = 0, protocol = 0, op = 0;
    std::uint8_t hardware_length = 0, protocol_length = 0;
    // The four addresses as captured views (their sizes are the declared lengths).
    ByteReader sender_hw, sender_proto, target_hw, target_proto;
};

bool decode(ByteReader r, ArpPacket& p) {
    p.hardware = r.be16();
    p.protocol = r.be16();
    p.hardware_length = r.u8();
    p.protocol_length = r.u8();
    p.op = r.be16();
    if (r.truncated()) return false;
    auto take = [&](std::size_t n) {
        ByteReader view = r.narrowed(n);
        r.skip(n);
        return view;
    };
    p.sender_hw = take(p.hardware_length);
    p.sender_proto = take(p.protocol_length);
    p.target_hw = take(p.hardware_length);
    p.target_proto = take(p.protocol_length);
    return !r.truncated();
}

void print_protocol_address(Context& ctx, const ArpPacket& p, ByteReader a) {
    if (p.protocol != protocol_ipv4 && p.protocol != protocol_trailer) return ctx.put("<wrong proto type>");
    if (p.protocol_length != 4) return ctx.put("<wrong len>");
    Ipv4Address addr;
    for (auto& b : addr.bytes) b = a.u8();
    ctx.host(addr);
}

void print_hardware_address(Context& ctx, ByteReader a) {
    if (a.size() == 0) return ctx.put("<empty>");
    if (a.size() == 6) {
        MacAddress mac;
        for (auto& b : mac.bytes) b = a.u8();
        return ctx.mac(mac);
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (i) ctx.put(':');
        ctx.print("{:02x}", a.u8());
    }
}

bool all_zero(ByteReader a) {
    while (a.remaining() > 0)
        if (a.u8() != 0) return false;
    return true;
}

}  // namespace

void print_arp(Context& ctx, ByteReader packet, std::uint32_t length) {
    ArpPacket p;
    if (!decode(packet, p)) return ctx.truncated_unwind("arp");
    if (!ctx.options.link_header) ctx.put("ARP, ");
    bool plain = (p.protocol == protocol_ipv4 || p.protocol == protocol_trailer) && p.protocol_length == 4 &&
                 p.hardware_length != 0;
    if (!plain || ctx.options.verbosity > 0) {
        std::string_view hardware;
        for (const auto& [k, n] : hardware_names)
            if (k == p.hardware) hardware = n;
        if (hardware.empty())
            ctx.print("Unknown Hardware ({}) (len {}), ", p.hardware, p.hardware_length);
        else
            ctx.print("{} (len {}), ", hardware, p.hardware_length);
        auto proto = ethertype_name(p.protocol);
        if (proto.empty())
            ctx.print("Unknown Protocol (0x{:04x}) (len {}), ", p.protocol, p.protocol_length);
        else
            ctx.print("{} (len {}), ", proto, p.protocol_length);
    }
    std::string_view op;
    for (const auto& [k, n] : op_names)
        if (static_cast<std::uint16_t>(k) == p.op) op = n;
    if (op.empty())
        ctx.print("Unknown ({}) ", p.op);
    else
        ctx.print("{} ", op);
    switch (static_cast<ArpOp>(p.op)) {
    case ArpOp::Request:
        ctx.put("who-has ");
        print_protocol_address(ctx, p, p.target_proto);
        if (!all_zero(p.target_hw)) {
            ctx.put(" (");
            print_hardware_address(ctx, p.target_hw);
            ctx.put(')');
        }
        ctx.put(" tell ");
        print_protocol_address(ctx, p, p.sender_proto);
        break;
    case ArpOp::Reply:
        print_protocol_address(ctx, p, p.sender_proto);
        ctx.put(" is-at ");
        print_hardware_address(ctx, p.sender_hw);
        break;
    case ArpOp::ReverseRequest:
    case ArpOp::InverseRequest:
        ctx.put("who-is ");
        print_hardware_address(ctx, p.target_hw);
        ctx.put(" tell ");
        print_hardware_address(ctx, p.sender_hw);
        break;
    case ArpOp::ReverseReply:
        print_hardware_address(ctx, p.target_hw);
        ctx.put(" at ");
        print_protocol_address(ctx, p, p.target_proto);
        break;
    case ArpOp::InverseReply:
        print_hardware_address(ctx, p.sender_hw);
        ctx.put(" at ");
        print_protocol_address(ctx, p, p.sender_proto);
        break;
    default:
        if (ctx.default_dump()) hex_ascii_dump(ctx.out, packet.all());
        return;
    }
    ctx.print(", length {}", length);
}

}  // namespace rawdump::print
