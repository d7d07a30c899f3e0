// LCP configuration options (print-ppp.c print_lcp_config_options, tcpdump 4.99.3): each
// as "\n\t  Name Option (0xNN), length N", the decoded value, and under -vv its bytes in hex.
//
// An option whose 2-byte header is past the capture prints "[|lcp]" and stops the list; a
// value read past the capture ends the packet (" [|ppp]").
#include <array>
#include <utility>

#include "src/print/link/ppp_control.hpp"
#include "src/print/link/ppp_option_value.hpp"
#include "src/print/base/protocols.hpp"

namespace rawdump::print::ppp {
namespace {

constexpr std::array<std::string_view, 31> lcp_option_names{
    "Vend-Ext", "MRU", "ACCM", "Auth-Prot", "Qual-Prot", "Magic-Num", "deprecated(6)", "PFC", "ACFC",
    "FCS-Alt", "SDP", "Num-Mode", "deprecated(12)", "Call-Back", "deprecated(14)", "deprecated(15)",
    "deprecated(16)", "MRRU", "12-Bit seq #", "End-Disc", "Proprietary", "DCE-Id", "MP+", "Link-Disc",
    "LCP-Auth-Opt", "COBS", "Prefix-elision", "Multilink-header-Form", "I18N", "SDL-over-SONET/SDH",
    "PPP-Muxing",
};
enum LcpOption : std::uint8_t {
    vendor_extension = 0, mru = 1, accm = 2, auth_protocol = 3, quality_protocol = 4, magic_number = 5,
    pfc = 7, acfc = 8, callback = 13, mrru = 17, endpoint_discriminator = 19, link_discriminator = 23,
};

constexpr std::array<std::pair<std::uint8_t, std::string_view>, 3> auth_algorithms{{
    {5, "MD5"}, {128, "MS-CHAPv1"}, {129, "MS-CHAPv2"},
}};
constexpr std::array<std::pair<std::uint8_t, std::string_view>, 6> callback_operations{{
    {0, "UserAuth"}, {1, "DialString"}, {2, "LocalID"}, {3, "E.164"}, {4, "X.500"}, {6, "CBCP"},
}};

bool print_auth_protocol(Context& ctx, Value& v, std::uint8_t length) {
    std::uint16_t protocol = static_cast<std::uint16_t>(v.be16(2));
    if (!v.ok) return false;
    // tcpdump's format lacks its '%', so the text is literal.
    auto name = protocol_name(protocol);
    ctx.print(": {}", name.empty() ? std::string_view{"Unknown Auth Proto (0x04x)"} : name);
    switch (protocol) {
    case chap: {
        std::uint8_t algorithm = static_cast<std::uint8_t>(v.u8(4));
        if (!v.ok) return false;
        auto alg = name_or(auth_algorithms, algorithm, {});
        if (alg.empty())
            ctx.print(", Unknown Auth Alg {}", algorithm);
        else
            ctx.print(", {}", alg);
        return true;
    }
    case pap:
    case eap:
    case spap:
    case spap_old:
        return true;
    default:
        // The whole option, its header too.
        print_unknown_data(ctx, v.r, 0, "\n\t", length);
        return true;
    }
}

// RFC 1990 endpoint discriminator; false stops the option list (a bogus length or a short
// capture).
bool print_endpoint_discriminator(Context& ctx, Value& v, std::uint8_t length) {
    if (length < 3) {
        ctx.put(" (length bogus, should be >= 3)");
        return false;
    }
    std::uint8_t cls = static_cast<std::uint8_t>(v.u8(2));
    if (!v.ok) return false;
    switch (cls) {
    case 0: ctx.put(": Null"); return true;
    case 1: ctx.put(": Local"); return true;
    case 2:
        if (length != 7) {
            ctx.put(" (length bogus, should be = 7)");
            return false;
        }
        if (!v.need(3, 4)) return false;
        ctx.put(": IPv4 ");
        v.ipv4(3);
        return v.ok;
    case 3: {
        if (length != 9) {
            ctx.put(" (length bogus, should be = 9)");
            return false;
        }
        if (!v.need(3, 6)) return false;
        ctx.put(": MAC ");
        ctx.mac(v.r.mac_at(3));
        return true;
    }
    case 4: ctx.put(": Magic-Num-Block"); return true;
    case 5: ctx.put(": PSNDN"); return true;
    default: ctx.print(": Unknown class {}", cls); return true;
    }
}

}  // namespace

std::uint32_t print_lcp_option(Context& ctx, ByteReader option, std::uint32_t packet_length) {
    Header h;
    if (packet_length < 2) return 0;
    if (!option.has(2)) return ctx.put("[|lcp]"), 0;
    h.type = option.u8_at(0);
    h.length = option.u8_at(1);
    if (packet_length < h.length) return 0;
    const bool named = h.type < lcp_option_names.size();
    if (h.length < 2 || !named) {
        if (named)
            ctx.print("\n\t  {} Option (0x{:02x}), length {} (length bogus, should be >= 2)",
                      lcp_option_names[h.type], h.type, h.length);
        else
            ctx.print("\n\tunknown LCP option 0x{:02x}", h.type);
        return h.length < 2 ? 0 : h.length;
    }
    ctx.print("\n\t  {} Option (0x{:02x}), length {}", lcp_option_names[h.type], h.type, h.length);

    Value v{ctx, option};
    // " (length bogus, ...)": some stop the list (0), some skip the option (its length).
    auto bogus = [&](std::string_view should, bool stop) -> std::uint32_t {
        ctx.print(" (length bogus, should be {})", should);
        return stop ? 0 : h.length;
    };
    switch (h.type) {
    case vendor_extension: {
        if (h.length < 6) return bogus(">= 6", false);
        std::uint32_t oui = v.be24(2);
        if (!v.ok) return 0;
        auto name = oui_name(oui);
        ctx.print(": Vendor: {} ({})", name.empty() ? std::string_view{"Unknown"} : name, oui);
        break;
    }
    case mru:
    case mrru: {
        if (h.length != 4) return bogus("= 4", h.type == mrru);
        std::uint32_t value = v.be16(2);
        if (!v.ok) return 0;
        ctx.print(": {}", value);
        break;
    }
    case accm:
    case magic_number: {
        if (h.length != 6) return bogus("= 6", h.type == magic_number);
        std::uint32_t value = v.be32(2);
        if (!v.ok) return 0;
        ctx.print(": 0x{:08x}", value);
        break;
    }
    case auth_protocol:
        if (h.length < 4) return bogus(">= 4", false);
        if (!print_auth_protocol(ctx, v, h.length)) return 0;
        break;
    case quality_protocol: {
        if (h.length < 4) return bogus(">= 4", true);
        std::uint32_t protocol = v.be16(2);
        if (!v.ok) return 0;
        ctx.put(protocol == lqm ? ": LQR" : ": unknown");
        break;
    }
    case pfc:
    case acfc:
        break;
    case link_discriminator: {
        if (h.length != 4) return bogus("= 4", true);
        std::uint32_t value = v.be16(2);
        if (!v.ok) return 0;
        ctx.print(": 0x{:04x}", value);
        break;
    }
    case callback: {
        if (h.length < 3) return bogus(">= 3", true);
        ctx.put(": ");  // printed on its own before the field is read
        std::uint8_t operation = static_cast<std::uint8_t>(v.u8(2));
        if (!v.ok) return 0;
        ctx.print(": Callback Operation {} ({})", name_or(callback_operations, operation, "Unknown"), operation);
        break;
    }
    case endpoint_discriminator:
        if (!print_endpoint_discriminator(ctx, v, h.length)) return 0;
        break;
    default:
        dump_unknown(ctx, option, h.length);
        break;
    }
    return finish(ctx, option, h.length);
}

}  // namespace rawdump::print::ppp
