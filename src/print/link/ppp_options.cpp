// Network and compression control protocol options (print-ppp.c, tcpdump 4.99.3): IPCP,
// IP6CP, CCP and BACP. Each prints "\n\t  Name Option (0xNN), length N", the decoded value,
// and under -vv the value bytes in hex.
//
// An option whose 2-byte header is past the capture prints the protocol's "[|ipcp]" marker
// and stops the list; a value read past the capture ends the packet (" [|ppp]").
#include <array>
#include <utility>

#include "src/print/link/ppp_control.hpp"
#include "src/print/link/ppp_option_value.hpp"

namespace rawdump::print::ppp {
namespace {

constexpr std::array<std::pair<std::uint8_t, std::string_view>, 8> ipcp_option_names{{
    {1, "IP-Addrs"}, {2, "IP-Comp"}, {3, "IP-Addr"}, {4, "Home-Addr"}, {129, "Pri-DNS"}, {130, "Pri-NBNS"},
    {131, "Sec-DNS"}, {132, "Sec-NBNS"},
}};
constexpr std::uint8_t ipcp_addresses = 1, ipcp_compression = 2, ipcp_address = 3, ipcp_mobile = 4,
                       ipcp_primary_dns = 129, ipcp_secondary_nbns = 132;
constexpr std::uint16_t ip_header_compression = 0x61;  // RFC 3544
constexpr std::uint32_t ip_header_compression_length = 14;
constexpr std::array<std::pair<std::uint16_t, std::string_view>, 2> compression_protocols{{
    {vj_compressed, "VJ-Comp"}, {ip_header_compression, "IP Header Compression"},
}};
constexpr std::array<std::pair<std::uint8_t, std::string_view>, 2> compression_suboptions{{
    {1, "RTP-Compression"}, {2, "Enhanced RTP-Compression"},
}};

constexpr std::uint8_t ip6cp_interface_id = 1;

constexpr std::array<std::pair<std::uint8_t, std::string_view>, 15> ccp_option_names{{
    {0, "OUI"}, {1, "Pred-1"}, {2, "Pred-2"}, {3, "Puddle"}, {16, "HP-PPC"}, {17, "Stac-LZS"}, {18, "MPPC"},
    {19, "Gand-FZA"}, {20, "V.42bis"}, {21, "BSD-Comp"}, {23, "LZS-DCP"}, {24, "MVRCA"}, {25, "DEC"},
    {26, "Deflate"}, {255, "Reserved"},
}};
constexpr std::uint8_t ccp_bsd_compress = 21, ccp_mvrca = 24, ccp_deflate = 26;

constexpr std::uint8_t bacp_favored_peer = 1;

// The checks every option printer starts with: false (stop the list) when the header is not
// in the packet length or the capture, or the length is impossible.
template <typename PrintName>
bool read_header(Context& ctx, ByteReader option, std::uint32_t packet_length, std::string_view marker,
                 Header& h, PrintName print_name) {
    if (packet_length < 2) return false;
    if (!option.has(2)) {
        ctx.put(marker);
        return false;
    }
    h.type = option.u8();
    h.length = option.u8();
    if (packet_length < h.length) return false;
    if (h.length < 2) {
        print_name();
        ctx.print(" Option (0x{:02x}), length {} (length bogus, should be >= 2)", h.type, h.length);
        return false;
    }
    print_name();
    ctx.print(" Option (0x{:02x}), length {}", h.type, h.length);
    return true;
}

}  // namespace

std::uint32_t print_ipcp_option(Context& ctx, ByteReader option, std::uint32_t packet_length) {
    Header h;
    auto name = [&] { ctx.print("\n\t  {}", name_or(ipcp_option_names, option.u8_at(0), "unknown")); };
    if (!read_header(ctx, option, packet_length, "[|ipcp]", h, name)) return 0;
    Value v{ctx, option};
    switch (h.type) {
    case ipcp_addresses:
        if (h.length != 10) return ctx.put(" (length bogus, should be = 10)"), h.length;
        if (!v.need(2, 8)) return 0;
        ctx.put(": src ");
        v.ipv4(2);
        ctx.put(", dst ");
        v.ipv4(6);
        break;
    case ipcp_compression: {
        // tcpdump walks its option pointer through the suboptions and dumps (-vv) from there.
        std::size_t dump_from = 0;
        if (h.length < 4) return ctx.put(" (length bogus, should be >= 4)"), 0;
        std::uint16_t protocol = static_cast<std::uint16_t>(v.be16(2));
        if (!v.ok) return 0;
        ctx.print(": {} (0x{:02x}):", name_or(compression_protocols, protocol, "Unknown"), protocol);
        if (protocol != ip_header_compression) break;
        if (h.length < ip_header_compression_length)
            return ctx.print(" (length bogus, should be >= {})", ip_header_compression_length), 0;
        if (!option.window(2, ip_header_compression_length).has(ip_header_compression_length))
            return ctx.put("[|ipcp]"), 0;
        ctx.print("\n\t    TCP Space {}, non-TCP Space {}, maxPeriod {}, maxTime {}, maxHdr {}", v.be16(4),
                  v.be16(6), v.be16(8), v.be16(10), v.be16(12));
        if (h.length > ip_header_compression_length) {
            std::uint32_t left = h.length - ip_header_compression_length;
            std::size_t& at = dump_from;
            at = ip_header_compression_length;
            ctx.print("\n\t      Suboptions, length {}", left);
            while (left >= 2) {
                if (!option.window(at, 2).has(2)) return ctx.put("[|ipcp]"), 0;
                std::uint8_t sub = static_cast<std::uint8_t>(v.u8(at));
                std::uint8_t sub_length = static_cast<std::uint8_t>(v.u8(at + 1));
                if (sub == 0 || sub_length == 0) break;  // tcpdump's sanity check
                ctx.print("\n\t\t{} Suboption #{}, length {}", name_or(compression_suboptions, sub, "Unknown"), sub,
                          sub_length);
                if (left < sub_length) {
                    ctx.print(" [remaining suboptions length {} < {}]", left, sub_length);
                    ctx.put(" (invalid)");
                    break;
                }
                left -= sub_length;
                at += sub_length;
            }
        }
        if (ctx.options.verbosity > 1) print_unknown_data(ctx, option, dump_from + 2, "\n\t    ", h.length - 2u);
        return h.length;
    }
    case ipcp_address:
    case ipcp_mobile:
    case ipcp_primary_dns:
    case 130:
    case 131:
    case ipcp_secondary_nbns:
        if (h.length != 6) return ctx.put(" (length bogus, should be = 6)"), 0;
        if (!v.need(2, 4)) return 0;
        ctx.put(": ");
        v.ipv4(2);
        break;
    default:
        dump_unknown(ctx, option, h.length);
        break;
    }
    return finish(ctx, option, h.length);
}

std::uint32_t print_ip6cp_option(Context& ctx, ByteReader option, std::uint32_t packet_length) {
    Header h;
    auto name = [&] { ctx.print("\n\t  {}", option.u8_at(0) == ip6cp_interface_id ? "Interface-ID" : "unknown"); };
    if (!read_header(ctx, option, packet_length, "[|ip6cp]", h, name)) return 0;
    Value v{ctx, option};
    switch (h.type) {
    case ip6cp_interface_id:
        if (h.length != 10) return ctx.put(" (length bogus, should be = 10)"), h.length;
        if (!option.window(2, 8).has(8)) return ctx.put("[|ip6cp]"), 0;
        ctx.print(": {:04x}:{:04x}:{:04x}:{:04x}", v.be16(2), v.be16(4), v.be16(6), v.be16(8));
        break;
    default:
        dump_unknown(ctx, option, h.length);
        break;
    }
    return finish(ctx, option, h.length);
}

std::uint32_t print_ccp_option(Context& ctx, ByteReader option, std::uint32_t packet_length) {
    Header h;
    auto name = [&] { ctx.print("\n\t  {}", name_or(ccp_option_names, option.u8_at(0), "Unknown")); };
    if (!read_header(ctx, option, packet_length, "[|ccp]", h, name)) return 0;
    Value v{ctx, option};
    switch (h.type) {
    case ccp_bsd_compress: {
        if (h.length < 3) return ctx.put(" (length bogus, should be >= 3)"), h.length;
        std::uint32_t b = v.u8(2);
        if (!v.ok) return 0;
        ctx.print(": Version: {}, Dictionary Bits: {}", b >> 5, b & 0x1f);
        break;
    }
    case ccp_mvrca: {
        if (h.length < 4) return ctx.put(" (length bogus, should be >= 4)"), h.length;
        if (!v.need(2, 2)) return 0;
        std::uint32_t b = v.u8(2);
        std::uint32_t contexts = v.u8(3);
        ctx.print(": Features: {}, PxP: {}, History: {}, #CTX-ID: {}", (b & 0xc0) >> 6,
                  (b & 0x20) ? "Enabled" : "Disabled", b & 0x1f, contexts);
        break;
    }
    case ccp_deflate: {
        if (h.length < 4) return ctx.put(" (length bogus, should be >= 4)"), h.length;
        if (!v.need(2, 2)) return 0;
        std::uint32_t b = v.u8(2);
        std::uint32_t c = v.u8(3);
        ctx.print(": Window: {}K, Method: {} (0x{:x}), MBZ: {}, CHK: {}", (b & 0xf0) >> 4,
                  (b & 0x0f) == 8 ? "zlib" : "unknown", b & 0x0f, (c & 0xfc) >> 2, c & 0x03);
        break;
    }
    default:
        dump_unknown(ctx, option, h.length);
        break;
    }
    return finish(ctx, option, h.length);
}

std::uint32_t print_bacp_option(Context& ctx, ByteReader option, std::uint32_t packet_length) {
    Header h;
    auto name = [&] { ctx.print("\n\t  {}", option.u8_at(0) == bacp_favored_peer ? "Favored-Peer" : "Unknown"); };
    if (!read_header(ctx, option, packet_length, "[|bacp]", h, name)) return 0;
    Value v{ctx, option};
    switch (h.type) {
    case bacp_favored_peer: {
        if (h.length != 6) return ctx.put(" (length bogus, should be = 6)"), h.length;
        std::uint32_t magic = v.be32(2);
        if (!v.ok) return 0;
        ctx.print(": Magic-Num 0x{:08x}", magic);
        break;
    }
    default:
        dump_unknown(ctx, option, h.length);
        break;
    }
    return finish(ctx, option, h.length);
}

}  // namespace rawdump::print::ppp
