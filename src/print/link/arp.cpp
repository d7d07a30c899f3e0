// ARP (print-arp.c arp_print, tcpdump 4.99.3 wording) for Ethernet/IPv4 and other sizes, and
// ATM ARP (RFC 2225), whose header carries six address lengths instead of two.
#include <array>
#include <utility>

#include "src/print/base/hexdump.hpp"
#include "src/print/link/arp.hpp"
#include "src/print/link/arp_header.hpp"
#include "src/print/base/protocols.hpp"

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
constexpr std::uint16_t hardware_atm = 19;

std::string_view hardware_name(std::uint16_t hardware) {
    for (const auto& [k, n] : hardware_names)
        if (k == hardware) return n;
    return {};
}

std::string_view op_name(std::uint16_t op) {
    for (const auto& [k, n] : op_names)
        if (static_cast<std::uint16_t>(k) == op) return n;
    return {};
}

void print_hardware_type(Context& ctx, std::uint16_t hardware) {
    if (auto name = hardware_name(hardware); !name.empty())
        ctx.put(name);
    else
        ctx.print("Unknown Hardware ({})", hardware);
}

void print_protocol_type(Context& ctx, std::uint16_t protocol) {
    if (auto name = ethertype_name(protocol); !name.empty())
        ctx.put(name);
    else
        ctx.print("Unknown Protocol (0x{:04x})", protocol);
}

// ", Request " under -v, "Request " without: the operation before its addresses.
void print_operation(Context& ctx, std::uint16_t op) {
    if (ctx.options.verbosity > 0) ctx.put(", ");
    if (auto name = op_name(op); !name.empty())
        ctx.print("{} ", name);
    else
        ctx.print("Unknown ({}) ", op);
}

void print_protocol_address(Context& ctx, const ArpHeader& h, std::span<const std::byte> a) {
    if (h.protocol_type != protocol_ipv4 && h.protocol_type != protocol_trailer) return ctx.put("<wrong proto type>");
    if (h.protocol_length != 4) return ctx.put("<wrong len>");
    ctx.host(ByteReader{a}.ipv4());
}

void print_hex_bytes(Context& ctx, ByteReader bytes) {
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i) ctx.put(':');
        ctx.print("{:02x}", bytes.u8());
    }
}

void print_hardware_address(Context& ctx, std::span<const std::byte> a) {
    constexpr std::size_t mac_length = 6;
    if (a.empty()) return ctx.put("<empty>");
    if (a.size() == mac_length) return ctx.mac(ByteReader{a}.mac());
    print_hex_bytes(ctx, ByteReader{a});
}

bool all_zero(std::span<const std::byte> a) {
    for (std::byte b : a)
        if (b != std::byte{0}) return false;
    return true;
}

// ATM ARP: a 12-byte header, then source and target hardware, subaddress and protocol
// addresses, each with its own length (the top two bits of the hardware lengths are a type).
struct AtmArpPacket {
    std::uint16_t hardware = 0, protocol = 0, op = 0;
    ByteReader sender_hw, sender_sub, sender_proto, target_hw, target_sub, target_proto;
};

constexpr std::size_t atm_arp_header_length = 12;
constexpr std::uint8_t atm_length_mask = 0x3f;

bool decode_atm(ByteReader r, AtmArpPacket& p) {
    p.hardware = r.be16();
    p.protocol = r.be16();
    unsigned sender_hw_length = r.u8() & atm_length_mask, sender_sub_length = r.u8() & atm_length_mask;
    p.op = r.be16();
    unsigned sender_proto_length = r.u8();
    unsigned target_hw_length = r.u8() & atm_length_mask, target_sub_length = r.u8() & atm_length_mask;
    unsigned target_proto_length = r.u8();
    if (r.truncated()) return false;
    auto take = [&](std::size_t n) {
        ByteReader view = r.narrowed(n);
        r.skip(n);
        return view;
    };
    p.sender_hw = take(sender_hw_length);
    p.sender_sub = take(sender_sub_length);
    p.sender_proto = take(sender_proto_length);
    p.target_hw = take(target_hw_length);
    p.target_sub = take(target_sub_length);
    p.target_proto = take(target_proto_length);
    return !r.truncated();
}

bool is_ip_protocol(std::uint16_t protocol) { return protocol == protocol_ipv4 || protocol == protocol_trailer; }

// ATM addresses are always shown as hex bytes, with the subaddress after a comma.
void print_atm_address(Context& ctx, ByteReader address, ByteReader subaddress) {
    if (address.size() == 0) return ctx.put("<No address>");
    print_hex_bytes(ctx, address);
    if (subaddress.size() != 0) {
        ctx.put(',');
        print_hex_bytes(ctx, subaddress);
    }
}

void print_atm_protocol_address(Context& ctx, const AtmArpPacket& p, ByteReader a, std::string_view wrong_length) {
    if (!is_ip_protocol(p.protocol)) return ctx.put("<wrong proto type>");
    if (a.size() != 4) return ctx.put(wrong_length);
    ctx.host(a.ipv4());
}

void print_atm_arp(Context& ctx, ByteReader packet, std::uint32_t length) {
    AtmArpPacket p;
    if (!decode_atm(packet, p)) return ctx.truncated_unwind("arp");
    if (!ctx.options.link_header) ctx.put("ARP, ");
    bool plain = is_ip_protocol(p.protocol) && p.sender_proto.size() == 4 && p.target_proto.size() == 4;
    if (!plain || ctx.options.verbosity > 0) {
        print_hardware_type(ctx, p.hardware);
        ctx.put(", ");
        print_protocol_type(ctx, p.protocol);
        ctx.print(" (len {}/{})", p.sender_proto.size(), p.target_proto.size());
        if (ctx.options.verbosity == 0) return ctx.print(", length {}", length);
    }
    print_operation(ctx, p.op);
    auto sender_proto = [&] { print_atm_protocol_address(ctx, p, p.sender_proto, "<wrong splen>"); };
    auto target_proto = [&] { print_atm_protocol_address(ctx, p, p.target_proto, "<wrong tplen>"); };
    switch (static_cast<ArpOp>(p.op)) {
    case ArpOp::Request:
        ctx.put("who-has ");
        target_proto();
        if (p.target_hw.size() != 0) {
            ctx.put(" (");
            print_atm_address(ctx, p.target_hw, p.target_sub);
            ctx.put(')');
        }
        ctx.put(" tell ");
        sender_proto();
        break;
    case ArpOp::Reply:
        sender_proto();
        ctx.put(" is-at ");
        print_atm_address(ctx, p.sender_hw, p.sender_sub);
        break;
    case ArpOp::InverseRequest:
        ctx.put("who-is ");
        print_atm_address(ctx, p.target_hw, p.target_sub);
        ctx.put(" tell ");
        print_atm_address(ctx, p.sender_hw, p.sender_sub);
        break;
    case ArpOp::InverseReply:
        print_atm_address(ctx, p.sender_hw, p.sender_sub);
        ctx.put("at ");  // tcpdump prints no space before "at" here
        sender_proto();
        break;
    case ArpOp::Nak:
        ctx.put("for ");
        sender_proto();
        break;
    default:
        // tcpdump's ND_DEFAULTPRINT here ignores -x and -q.
        hex_ascii_dump(ctx.out, packet.all());
        return;
    }
    ctx.print(", length {}", length);
}

}  // namespace

void print_arp(Context& ctx, ByteReader packet, std::uint32_t length) {
    if (!packet.has(8)) return ctx.truncated_unwind("arp");
    if (packet.be16_at(0) == hardware_atm) return print_atm_arp(ctx, packet, length);
    const std::optional<ArpHeader> decoded = decode_arp_header(packet);
    if (!decoded) return ctx.truncated_unwind("arp");
    const ArpHeader& p = *decoded;
    if (!ctx.options.link_header) ctx.put("ARP, ");
    bool plain = (p.protocol_type == protocol_ipv4 || p.protocol_type == protocol_trailer) && p.protocol_length == 4 &&
                 p.hardware_length != 0;
    if (!plain || ctx.options.verbosity > 0) {
        print_hardware_type(ctx, p.hardware_type);
        ctx.print(" (len {}), ", p.hardware_length);
        print_protocol_type(ctx, p.protocol_type);
        ctx.print(" (len {})", p.protocol_length);
        // Without -v tcpdump does not trust the address formats of an unusual packet.
        if (ctx.options.verbosity == 0) return ctx.print(", length {}", length);
    }
    print_operation(ctx, p.operation);
    switch (static_cast<ArpOp>(p.operation)) {
    case ArpOp::Request:
        ctx.put("who-has ");
        print_protocol_address(ctx, p, p.target_protocol);
        if (!all_zero(p.target_hardware)) {
            ctx.put(" (");
            print_hardware_address(ctx, p.target_hardware);
            ctx.put(')');
        }
        ctx.put(" tell ");
        print_protocol_address(ctx, p, p.sender_protocol);
        break;
    case ArpOp::Reply:
        print_protocol_address(ctx, p, p.sender_protocol);
        ctx.put(" is-at ");
        print_hardware_address(ctx, p.sender_hardware);
        break;
    case ArpOp::ReverseRequest:
    case ArpOp::InverseRequest:
        ctx.put("who-is ");
        print_hardware_address(ctx, p.target_hardware);
        ctx.put(" tell ");
        print_hardware_address(ctx, p.sender_hardware);
        break;
    case ArpOp::ReverseReply:
        print_hardware_address(ctx, p.target_hardware);
        ctx.put(" at ");
        print_protocol_address(ctx, p, p.target_protocol);
        break;
    case ArpOp::InverseReply:
        print_hardware_address(ctx, p.sender_hardware);
        ctx.put(" at ");
        print_protocol_address(ctx, p, p.sender_protocol);
        break;
    default:
        // tcpdump's ND_DEFAULTPRINT here ignores -x and -q.
        hex_ascii_dump(ctx.out, packet.all());
        return;
    }
    ctx.print(", length {}", length);
}

}  // namespace rawdump::print
