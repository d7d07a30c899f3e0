// PPP (print-ppp.c, tcpdump 4.99.3): the optional address/control bytes, the (possibly
// compressed) protocol field, and the payload by protocol: IP, IPv6, MPLS, the control
// protocols (ppp_control.cpp), PAP, CHAP and multilink headers.
//
// Fields tcpdump reads with GET_* stop the packet with " [|ppp]" when they are past the
// capture (and -x then loses the link-header length); its explicit length checks print the
// protocol's own marker instead.
#include <array>
#include <utility>

#include "src/print/base/name_table.hpp"
#include "src/print/dispatch/carried.hpp"

#include "src/print/base/hexdump.hpp"
#include "src/print/dispatch/ethertypes.hpp"
#include "src/print/link/mpls.hpp"
#include "src/print/link/ppp_control.hpp"
#include "src/core/snaplen.hpp"

namespace rawdump::print {
namespace ppp {
namespace {

constexpr std::array<std::pair<std::uint16_t, std::string_view>, 40> protocol_names{{
    {0x0021, "IP"}, {0x0023, "OSI"}, {0x0025, "NS"}, {0x0027, "DECNET"}, {0x0029, "APPLE"},
    {0x002b, "IPX"}, {0x002d, "VJC IP"}, {0x002f, "VJNC IP"}, {0x0031, "BRPDU"}, {0x0033, "STII"},
    {0x0035, "VINES"}, {0x0281, "MPLS"}, {0x0283, "MPLS"}, {0x00fd, "Compressed"}, {0x003d, "MLPPP"},
    {0x0057, "IP6"}, {0x0201, "HELLO"}, {0x0231, "LUXCOM"}, {0x0233, "SNS"}, {0x8021, "IPCP"},
    {0x8023, "OSICP"}, {0x8025, "NSCP"}, {0x8027, "DECNETCP"}, {0x8029, "APPLECP"}, {0x802b, "IPXCP"},
    {0x8033, "STIICP"}, {0x8035, "VINESCP"}, {0x8057, "IP6CP"}, {0x8281, "MPLSCP"}, {0xc021, "LCP"},
    {0xc023, "PAP"}, {0xc025, "LQM"}, {0xc223, "CHAP"}, {0xc227, "EAP"}, {0xc027, "SPAP"},
    {0xc123, "Old-SPAP"}, {0xc02b, "BACP"}, {0xc02d, "BAP"}, {0xc03d, "MLPPP-CP"}, {0x80fd, "CCP"},
}};

constexpr std::array<std::pair<std::uint8_t, std::string_view>, 4> chap_codes{{
    {1, "Challenge"}, {2, "Response"}, {3, "Success"}, {4, "Fail"},
}};
constexpr std::uint8_t chap_challenge = 1, chap_response = 2, chap_success = 3, chap_failure = 4;

constexpr std::array<std::pair<std::uint8_t, std::string_view>, 3> pap_codes{{
    {1, "Auth-Req"}, {2, "Auth-ACK"}, {3, "Auth-NACK"},
}};
constexpr std::uint8_t pap_request = 1, pap_ack = 2, pap_nak = 3;

// Address/control bytes: RFC 1662 framing, and pppd's direction marks in their place.
constexpr std::uint16_t address_control = 0xff03;
constexpr std::uint16_t pppd_in = 0x0003;
constexpr std::uint16_t pppd_out = 0x0103;
// Ethernet types some implementations put in the protocol field.
constexpr std::uint16_t ethertype_ipv4 = 0x0800;
constexpr std::uint16_t ethertype_ipv6 = 0x86dd;


// `count` bytes of text as fn_print_char shows them; a short capture ends the packet.
bool print_text(Context& ctx, ByteReader& r, std::uint32_t count) {
    ByteReader text = r.narrowed(count);
    print_escaped(ctx, text);
    if (text.size() < count) {
        ctx.truncated_unwind("ppp");
        return false;
    }
    r.skip(count);
    return true;
}

// handle_mlppp: the RFC 1990 header with 12-bit sequence numbers.
void print_multilink(Context& ctx, ByteReader r, std::uint32_t length) {
    if (!ctx.options.link_header) ctx.put("MLPPP, ");
    if (length < 2 || !r.has(2)) return ctx.put("[|mlppp]");
    std::uint16_t header = r.be16();
    ctx.print("seq 0x{:03x}, Flags [", header & 0x0fff);
    unsigned flags = header >> 8 & 0xc0;
    if (flags == 0) ctx.put("none");
    if (flags & 0x80) ctx.put("begin");
    if ((flags & 0xc0) == 0xc0) ctx.put(", ");
    if (flags & 0x40) ctx.put("end");
    ctx.print("], length {}", length);
}

// "CHAP, Challenge (0x01), id 1": the code and id PAP and CHAP start with, then their length
// field. The caller has checked that the code byte is there; false when a later field is
// not (the packet then ends).
template <typename Names>
bool print_auth_header(Context& ctx, std::string_view protocol, const Names& names, ByteReader& r,
                       std::uint8_t& code, std::uint16_t& declared) {
    code = r.u8();
    auto name = name_of(names, code);
    ctx.print("{}, {} (0x{:02x})", protocol, name.empty() ? std::string_view{"unknown"} : name, code);
    std::uint8_t id = r.u8();
    if (r.truncated()) return ctx.truncated_unwind("ppp"), false;
    ctx.print(", id {}", id);
    declared = r.be16();
    if (r.truncated()) return ctx.truncated_unwind("ppp"), false;
    return true;
}

// CHAP (RFC 1994): only what all its algorithms share, value and name or message.
void print_chap(Context& ctx, ByteReader r, std::uint32_t length) {
    if (length < 1) return ctx.put("[|chap]");
    if (length < 4) {
        if (!r.has(1)) return ctx.truncated_unwind("ppp");
        return ctx.print("[|chap 0x{:02x}]", r.u8());
    }
    if (!r.has(1)) return ctx.truncated_unwind("ppp");
    std::uint8_t code = 0;
    std::uint16_t declared = 0;
    if (!print_auth_header(ctx, "CHAP", chap_codes, r, code, declared)) return;
    switch (code) {
    case chap_challenge:
    case chap_response: {
        if (length - r.position() < 1) return;
        std::uint8_t value_size = r.u8();
        if (r.truncated()) return ctx.truncated_unwind("ppp");
        if (length - r.position() < value_size) return;
        ctx.put(", Value ");
        for (unsigned i = 0; i < value_size; ++i) {
            std::uint8_t b = r.u8();
            if (r.truncated()) return ctx.truncated_unwind("ppp");
            ctx.print("{:02x}", b);
        }
        // The name runs to the CHAP length field, whatever the enclosing length says.
        ctx.put(", Name ");
        print_text(ctx, r, declared - static_cast<std::uint32_t>(r.position()));
        return;
    }
    case chap_success:
    case chap_failure:
        ctx.put(", Msg ");
        print_text(ctx, r, declared - static_cast<std::uint32_t>(r.position()));
        return;
    default:
        return;
    }
}

// PAP (RFC 1334): peer id and password of a request, the message of a reply.
void print_pap(Context& ctx, ByteReader r, std::uint32_t length) {
    if (length < 1) return ctx.put("[|pap]");
    if (length < 4) {
        if (!r.has(1)) return ctx.truncated_unwind("ppp");
        return ctx.print("[|pap 0x{:02x}]", r.u8());
    }
    if (!r.has(1)) return ctx.truncated_unwind("ppp");
    std::uint8_t code = 0;
    std::uint16_t declared = 0;
    if (!print_auth_header(ctx, "PAP", pap_codes, r, code, declared)) return;
    if (declared > length) return ctx.print(", length {} > packet size", declared);
    length = declared;
    if (length < 4) return ctx.print(", length {} < PAP header length", length);
    // One length-prefixed string; false when it is not all inside the PAP length.
    auto field = [&](std::string_view label) {
        if (length - r.position() < 1) return false;
        std::uint8_t size = r.u8();
        if (r.truncated()) return ctx.truncated_unwind("ppp"), false;
        if (length - r.position() < size) return false;
        ctx.put(label);
        return print_text(ctx, r, size);
    };
    switch (code) {
    case pap_request:
        // A valid Authenticate-Request has room for both lengths.
        if (declared < 6) return ctx.put("[|pap]");
        if (field(", Peer ")) field(", Name ");
        return;
    case pap_ack:
    case pap_nak:
        if (declared < 5) return ctx.put("[|pap]");
        field(", Msg ");
        return;
    default:
        return;
    }
}

void print_payload(Context& ctx, std::uint16_t protocol, ByteReader frame, std::size_t offset,
                   std::uint32_t length);

// Room for the largest capture record a savefile may hold (libpcap's MAXIMUM_SNAPLEN).
constexpr std::size_t max_unescaped = maximum_snaplen;
constexpr std::uint8_t hdlc_escape = 0x7d;

// ppp_hdlc: a frame still in RFC 1662 octet-stuffed form (its "protocol" starts with the
// 0x7e flag). tcpdump un-escapes everything captured from the flag's next byte on, then
// guesses the protocol again in the result. The copy goes to one static buffer, not the
// heap (the printer runs on one thread); a frame nested in an un-escaped one is un-escaped
// in place, which is safe because un-escaping never makes bytes longer and nothing reads
// the outer copy afterwards.
void print_hdlc(Context& ctx, ByteReader frame, std::size_t start, std::uint32_t length) {
    static std::array<std::byte, max_unescaped> buffer;
    std::span<const std::byte> in = frame.window(start, frame.size()).all();
    if (in.empty() || length == 0) return;
    std::byte* out = buffer.data();
    if (in.data() >= buffer.data() && in.data() < buffer.data() + buffer.size())
        out += in.data() - buffer.data();
    else if (in.size() > buffer.size())
        in = in.first(buffer.size());
    std::size_t unescaped = 0;
    for (std::size_t i = 0; i < in.size(); ++i) {
        std::byte c = in[i];
        if (std::to_integer<std::uint8_t>(c) == hdlc_escape) {
            if (i + 1 == in.size()) break;  // an escape with nothing after it is dropped
            c = in[++i] ^ std::byte{0x20};
        }
        out[unescaped++] = c;
    }
    ByteReader b{std::span<const std::byte>(out, unescaped)};
    auto size = static_cast<std::uint32_t>(unescaped);
    if (size < 1) return ctx.truncated("ppp");
    // A one-byte (compressed) protocol field first, then a two-byte one, with or without
    // the address and control bytes.
    switch (b.u8_at(0)) {
    case ip:
        return print_network(ctx, EtherType::Ipv4, b.window(1, size), size - 1);
    case ipv6:
        return print_network(ctx, EtherType::Ipv6, b.window(1, size), size - 1);
    default:
        break;
    }
    if (size < 2) return ctx.truncated("ppp");
    std::uint16_t protocol = b.be16_at(0);
    // Another flag where the protocol should be is not un-escaped again.
    if ((protocol & 0xff00) == 0x7e00) return ctx.print("(protocol 0x{:04x} invalid)", protocol);
    if (protocol != address_control) return print_payload(ctx, protocol, b, 2, size - 2);
    if (size < 4) return ctx.truncated("ppp");
    print_payload(ctx, b.be16_at(2), b, 4, size - 4);
}

// handle_ppp: the payload by protocol number. `frame` holds it at `offset`.
void print_payload(Context& ctx, std::uint16_t protocol, ByteReader frame, std::size_t offset,
                   std::uint32_t length) {
    // An HDLC flag where the protocol should be: the frame is still octet-stuffed.
    if ((protocol & 0xff00) == 0x7e00) return print_hdlc(ctx, frame, offset - 1, length);
    ByteReader payload = frame.window(offset, frame.size());
    switch (protocol) {
    case lcp:
    case ipcp:
    case osicp:
    case mplscp:
    case ipv6cp:
    case ccp:
    case bacp:
        return print_control(ctx, protocol, frame, offset, length);
    case multilink:
        return print_multilink(ctx, payload, length);
    case chap:
        return print_chap(ctx, payload, length);
    case pap:
        return print_pap(ctx, payload, length);
    case bap:
        return;  // tcpdump prints nothing for BAP yet
    case ethertype_ipv4:
    case vj_uncompressed:
    case ip:
        return print_network(ctx, EtherType::Ipv4, payload, length);
    case ethertype_ipv6:
    case ipv6:
        return print_network(ctx, EtherType::Ipv6, payload, length);
    case mpls_unicast:
    case mpls_multicast:
        return print_mpls(ctx, payload, length);
    case compressed:
        return ctx.put("compressed PPP data");
    default:
        break;
    }
    // IPX and OSI payloads have no printer here; they are shown as unknown data.
    if (auto name = protocol_name(protocol); !name.empty())
        ctx.print("{} ", name);
    else
        ctx.print("unknown PPP protocol (0x{:04x}) ", protocol);
    print_unknown_data(ctx, payload, 0, "\n\t", length);
}

}  // namespace

std::string_view protocol_name(std::uint16_t protocol) noexcept { return name_of(protocol_names, protocol); }

void print_unknown_data(Context& ctx, ByteReader bytes, std::size_t offset, std::string_view prefix,
                        std::uint32_t length) {
    if (offset > bytes.size()) {
        ctx.put(prefix);
        return ctx.put("Dissector error: print_unknown_data called with pointer past end of packet");
    }
    hex_dump(ctx.out, bytes.window(offset, length).all(), prefix);
}

}  // namespace ppp

void print_ppp(Context& ctx, ByteReader frame, std::uint32_t length) {
    using namespace ppp;
    const std::uint32_t whole = length;
    if (length < 2) return ctx.truncated("ppp");
    if (!frame.has(2)) return ctx.truncated_unwind("ppp");
    std::size_t offset = 0;
    switch (frame.be16_at(0)) {
    case pppd_in:
        if (ctx.options.link_header) ctx.put("In  ");
        offset = 2;
        break;
    case pppd_out:
        if (ctx.options.link_header) ctx.put("Out ");
        offset = 2;
        break;
    case address_control:
        offset = 2;
        break;
    default:
        break;
    }
    length -= static_cast<std::uint32_t>(offset);
    if (length < 2) return ctx.truncated("ppp");
    ByteReader field = frame.window(offset, 2);
    if (field.size() < 1) return ctx.truncated_unwind("ppp");
    std::uint16_t protocol = field.u8();
    // An odd first byte is a protocol field compressed to one byte (RFC 1661 section 6.5).
    if (protocol % 2 == 0) {
        if (field.size() < 2) return ctx.truncated_unwind("ppp");
        protocol = static_cast<std::uint16_t>(protocol << 8 | field.u8());
    }
    auto field_length = static_cast<std::uint32_t>(field.position());
    offset += field_length;
    length -= field_length;
    if (ctx.options.link_header) {
        auto name = protocol_name(protocol);
        ctx.print("{} (0x{:04x}), length {}", name.empty() ? std::string_view{"unknown"} : name, protocol, whole);
        // tcpdump -e says no more about a protocol it cannot name.
        if (name.empty()) return;
        ctx.put(": ");
    }
    print_payload(ctx, protocol, frame, offset, length);
}

}  // namespace rawdump::print
