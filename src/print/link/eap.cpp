// print-eap.c eap_print (tcpdump 4.99.3): code, identifier and length; for requests and
// responses the method type and the few method fields tcpdump knows (identity and
// notification text, legacy NAK types, TLS/TTLS/FAST flags, SIM/AKA subtypes).
#include "src/print/dispatch/carried.hpp"

#include "src/print/base/name_table.hpp"
#include <array>
#include <string_view>
#include <utility>

namespace rawdump::print {
namespace {

using Name = std::pair<unsigned, std::string_view>;

constexpr std::array<Name, 4> codes{{{1, "Request"}, {2, "Response"}, {3, "Success"}, {4, "Failure"}}};
constexpr unsigned code_request = 1, code_response = 2;

enum Method : unsigned { identity = 1, notification = 2, nak = 3, tls = 13, sim = 18, ttls = 21, aka = 23, fast = 43 };
constexpr std::array<Name, 14> methods{{
    {0, "No proposed"}, {1, "Identity"}, {2, "Notification"}, {3, "Nak"}, {4, "MD5-challenge"}, {5, "OTP"},
    {6, "GTC"}, {13, "TLS"}, {18, "SIM"}, {21, "TTLS"}, {23, "AKA"}, {43, "FAST"}, {254, "Expanded types"},
    {255, "Experimental"},
}};

// RFC 5216 flags of TLS and the methods built on it.
constexpr std::array<Name, 3> tls_flags{{{0x80, "L bit"}, {0x40, "More fragments bit"}, {0x20, "Start bit"}}};
constexpr unsigned tls_length_included = 0x80;
constexpr unsigned tls_version_mask = 0x07;

// RFC 4186 / 4187 subtypes.
constexpr std::array<Name, 9> sim_aka_subtypes{{
    {1, "Challenge"}, {2, "Auth reject"}, {4, "Sync failure"}, {5, "Identity"}, {10, "Start"},
    {11, "Challenge"}, {12, "Notification"}, {13, "Reauth"}, {14, "Client error"},
}};

constexpr std::size_t header_length = 4;
constexpr std::size_t type_offset = 4, data_offset = 5, tls_length_offset = 6;

// TLS, TTLS and FAST: the version (TTLS, FAST), the flags, and the message length when the
// L bit announces one.
void print_tls_flags(Context& ctx, const ByteReader& eap, std::size_t length, unsigned method) {
    std::string_view family = method == fast ? "FAST" : "TLS/TTLS";
    if (length < data_offset + 1) return ctx.print(" (too short for EAP {} request/response)", family);
    unsigned flags = eap.u8_at(data_offset);
    if (method == ttls) ctx.print(" TTLSv{}", flags & tls_version_mask);
    if (method == fast) ctx.print(" FASTv{}", flags & tls_version_mask);
    ctx.put(" flags ");
    print_flag_names(ctx, flags, tls_flags);
    ctx.print(" 0x{:02x}", flags);
    if (!(flags & tls_length_included)) return;
    if (length < tls_length_offset + 4)
        return ctx.print(" (too short for EAP {} request/response with length)", family);
    ctx.print(", len {}", eap.be32_at(tls_length_offset));
}

// The method part of a request or response; all `length` bytes of `eap` were captured.
void print_method(Context& ctx, const ByteReader& eap, std::size_t length) {
    unsigned method = eap.u8_at(type_offset);
    ctx.print("\n\t\t Type {} ({})", name_or(methods, method, "unknown"), method);
    switch (method) {
    case identity:
        if (length > data_offset) {  // the identity is optional
            ctx.put(", Identity: ");
            print_escaped_to_nul(ctx, eap.window(data_offset, length - data_offset));
        }
        return;
    case notification:
        if (length <= data_offset) return ctx.put(" (too short for EAP Notification request/response)");
        ctx.put(", Notification: ");
        return print_escaped_to_nul(ctx, eap.window(data_offset, length - data_offset));
    case nak: {
        if (length <= data_offset) return ctx.put(" (too short for EAP Legacy NAK request/response)");
        std::string_view separator;
        for (std::size_t i = data_offset; i < length; ++i) {
            unsigned wanted = eap.u8_at(i);
            ctx.print("{} {} ({})", separator, name_or(methods, wanted, "unknown"), wanted);
            separator = ",";
        }
        return;
    }
    case tls:
    case ttls:
    case fast:
        return print_tls_flags(ctx, eap, length, method);
    case sim:
    case aka: {
        if (length <= data_offset) return ctx.put(" (too short for EAP SIM/AKA request/response)");
        unsigned subtype = eap.u8_at(data_offset);
        return ctx.print(" subtype [{}] 0x{:02x}", name_or(sim_aka_subtypes, subtype, "unknown"), subtype);
    }
    default:
        return;  // MD5-challenge, OTP, GTC and the rest: the type only
    }
}

}  // namespace

bool print_eap_packet(Context& ctx, ByteReader eap, std::uint32_t length, std::string_view protocol) {
    // The code and the length field are read first; the identifier only once they match.
    if (!eap.has(header_length)) {
        ctx.truncated_unwind(protocol);
        return false;
    }
    unsigned code = eap.u8_at(0);
    std::uint32_t eap_length = eap.be16_at(2);
    if (eap_length != length) {
        // Most likely one piece of a packet the carrier split (RADIUS EAP-Message attributes).
        ctx.put("EAP fragment?");
        return true;
    }
    ctx.print("{} ({}), id {}, len {}", name_or(codes, code, "unknown"), code, eap.u8_at(1), eap_length);
    if (eap_length < header_length) {
        ctx.put(" (too short for EAP header)");
        return true;
    }
    if (!eap.has(eap_length)) {
        ctx.truncated(protocol);
        return true;
    }
    if (code != code_request && code != code_response) return true;
    if (eap_length <= type_offset) {
        ctx.put(" (too short for EAP request/response)");
        return true;
    }
    print_method(ctx, eap.window(0, eap_length), eap_length);
    return true;
}

}  // namespace rawdump::print
