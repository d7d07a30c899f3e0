// UDP-encapsulated IPsec (print-isakmp.c isakmp_rfc3948_print of tcpdump 4.99.3).
#include "src/print/app/udp_encap.hpp"

#include "src/print/dispatch/ip_protocols.hpp"

namespace rawdump::print {
namespace {

constexpr std::uint8_t keepalive_byte = 0xff;   // RFC 3948 2.3: a single 0xff octet
constexpr std::size_t non_esp_marker_length = 4;
constexpr std::size_t isakmp_header_length = 28;
constexpr std::string_view protocol_name = "isakmp_rfc3948";

// The fixed ISAKMP header (print-isakmp.c isakmp_print up to its ":"). What follows the
// colon (phase, exchange type, payloads) needs the IKE decoder rawdump does not have.
void print_isakmp_header(Context& ctx, ByteReader message) {
    if (!message.has(isakmp_header_length)) return ctx.truncated("isakmp");
    ByteReader r = message;
    auto initiator_cookie = r.bytes(8), responder_cookie = r.bytes(8);
    r.skip(1);  // next payload
    const std::uint8_t version = r.u8();
    r.skip(2);  // exchange type, flags
    auto message_id = r.bytes(4);
    auto hex = [&](std::span<const std::byte> bytes) {
        for (auto b : bytes) ctx.print("{:02x}", std::to_integer<unsigned>(b));
    };
    ctx.put("isakmp");
    if (ctx.options.verbosity > 0) {
        ctx.print(" {}.{} msgid ", version >> 4, version & 0x0f);
        hex(message_id);
    }
    if (ctx.options.verbosity > 1) {
        ctx.put(" cookie ");
        hex(initiator_cookie);
        ctx.put("->");
        hex(responder_cookie);
    }
    ctx.put(':');
}

}  // namespace

void print_udp_encap(Context& ctx, ByteReader payload, std::uint32_t length) {
    if (length == 1) {
        if (!payload.has(1)) return ctx.truncated_unwind(protocol_name);
        if (payload.u8_at(0) == keepalive_byte) return ctx.put("isakmp-nat-keep-alive");
    }
    if (length < non_esp_marker_length) return ctx.truncated(protocol_name);
    if (!payload.has(non_esp_marker_length)) return ctx.truncated_unwind(protocol_name);
    if (payload.be32_at(0) == 0) {
        ctx.put("NONESP-encap: ");
        return print_isakmp_header(ctx, payload.window(non_esp_marker_length, payload.size()));
    }
    ctx.put("UDP-encap: ");
    // ESP, as if IP protocol 50 had named it: back down through the IP protocol table.
    IpInfo esp;
    esp.protocol = static_cast<std::uint8_t>(IpProto::Esp);
    esp.length = length;
    print_ip_payload(ctx, payload, esp);
}

}  // namespace rawdump::print
