// EAPOL (print-eap.c, tcpdump 4.99.3): a 4-byte header (version, type, body length); with -v an
// EAP packet body is decoded: code, identifier, length and, for requests and responses, the
// method type with the few method fields tcpdump knows (identity text, TLS-style flags).
// EAPOL-Key and the other bodies are never decoded. A header cut short prints " [|eap]"; a
// field read past the capture does too, and unwinds (tcpdump's GET_* longjmp).
#include <array>
#include <utility>

#include "src/print/eapol.hpp"
#include "src/print/lldp.hpp"

namespace rawdump::print {
namespace {

using lldp::name_or;
using lldp::print_bit_names;
using Names = std::pair<unsigned, std::string_view>;

constexpr std::array<Names, 5> frame_types{{
    {0, "EAP packet"}, {1, "EAPOL start"}, {2, "EAPOL logoff"}, {3, "EAPOL key"}, {4, "Encapsulated ASF alert"},
}};
constexpr unsigned frame_type_packet = 0;

enum class Code : unsigned { Request = 1, Response = 2 };
constexpr std::array<Names, 4> codes{{{1, "Request"}, {2, "Response"}, {3, "Success"}, {4, "Failure"}}};

enum class Method : unsigned {
    Identity = 1, Notification = 2, Nak = 3, Tls = 13, Sim = 18, Ttls = 21, Aka = 23, Fast = 43,
};
constexpr std::array<Names, 14> methods{{
    {0, "No proposed"}, {1, "Identity"}, {2, "Notification"}, {3, "Nak"}, {4, "MD5-challenge"}, {5, "OTP"},
    {6, "GTC"}, {13, "TLS"}, {18, "SIM"}, {21, "TTLS"}, {23, "AKA"}, {43, "FAST"}, {254, "Expanded types"},
    {255, "Experimental"},
}};
constexpr std::array<Names, 3> tls_flags{{{0x80, "L bit"}, {0x40, "More fragments bit"}, {0x20, "Start bit"}}};
constexpr unsigned tls_length_included = 0x80;
constexpr std::array<Names, 9> sim_aka_subtypes{{
    {1, "Challenge"}, {2, "Auth reject"}, {4, "Sync failure"}, {5, "Identity"}, {10, "Start"}, {11, "Challenge"},
    {12, "Notification"}, {13, "Reauth"}, {14, "Client error"},
}};

constexpr std::size_t eapol_header_length = 4;
constexpr std::size_t eap_header_length = 4;
constexpr std::size_t method_offset = 4;
constexpr std::size_t method_data_offset = 5;

// TLS, TTLS and FAST: " flags [..] 0x..", then the message length when the L bit says so.
void print_tls_flags(Context& ctx, ByteReader eap, std::size_t length, Method method) {
    std::string_view family = method == Method::Fast ? "FAST" : "TLS/TTLS";
    if (length < 6) return ctx.print(" (too short for EAP {} request/response)", family);
    unsigned flags = eap.window(method_data_offset, 1).u8();
    if (method == Method::Ttls) ctx.print(" TTLSv{}", flags & 0x07);
    if (method == Method::Fast) ctx.print(" FASTv{}", flags & 0x07);
    ctx.put(" flags [");
    print_bit_names(ctx, flags, tls_flags, "none");
    ctx.print("] 0x{:02x}", flags);
    if (!(flags & tls_length_included)) return;
    if (length < 10) return ctx.print(" (too short for EAP {} request/response with length)", family);
    ctx.print(", len {}", eap.window(6, 4).be32());
}

// The method-specific part of a request or response; `eap` holds all `length` bytes.
void print_method(Context& ctx, ByteReader eap, std::size_t length) {
    unsigned method = eap.window(method_offset, 1).u8();
    ctx.print("\n\t\t Type {} ({})", name_or(methods, method, "unknown"), method);
    ByteReader data = eap.window(method_data_offset, length - method_data_offset);
    switch (static_cast<Method>(method)) {
    case Method::Identity:
        if (length > 5) {  // the identity text is optional
            ctx.put(", Identity: ");
            lldp::print_text(ctx, data);
        }
        return;
    case Method::Notification:
        if (length < 6) return ctx.put(" (too short for EAP Notification request/response)");
        ctx.put(", Notification: ");
        lldp::print_text(ctx, data);
        return;
    case Method::Nak: {
        if (length < 6) return ctx.put(" (too short for EAP Legacy NAK request/response)");
        std::string_view separator;
        while (data.remaining() > 0) {
            unsigned wanted = data.u8();
            ctx.print("{} {} ({})", separator, name_or(methods, wanted, "unknown"), wanted);
            separator = ",";
        }
        return;
    }
    case Method::Tls:
    case Method::Ttls:
    case Method::Fast:
        return print_tls_flags(ctx, eap, length, static_cast<Method>(method));
    case Method::Sim:
    case Method::Aka: {
        if (length < 6) return ctx.put(" (too short for EAP SIM/AKA request/response)");
        unsigned subtype = eap.window(method_data_offset, 1).u8();
        ctx.print(" subtype [{}] 0x{:02x}", name_or(sim_aka_subtypes, subtype, "unknown"), subtype);
        return;
    }
    default:
        return;  // MD5, OTP, GTC and the rest: the type line only
    }
}

// eap_print: `length` is the EAPOL body length, which a whole EAP packet must match.
void print_eap(Context& ctx, ByteReader eap, std::size_t length) {
    if (!eap.has(eap_header_length)) return ctx.truncated_unwind("eap");
    unsigned code = eap.window(0, 1).u8();
    std::size_t eap_length = eap.window(2, 2).be16();
    if (eap_length != length) return ctx.put("EAP fragment?");
    ctx.print("{} ({}), id {}, len {}", name_or(codes, code, "unknown"), code, eap.window(1, 1).u8(), eap_length);
    if (eap_length < eap_header_length) return ctx.put(" (too short for EAP header)");
    if (!eap.has(eap_length)) return ctx.truncated("eap");
    if (code != static_cast<unsigned>(Code::Request) && code != static_cast<unsigned>(Code::Response)) return;
    if (eap_length < 5) return ctx.put(" (too short for EAP request/response)");
    print_method(ctx, eap.window(0, eap_length), eap_length);
}

}  // namespace

void print_eapol(Context& ctx, ByteReader frame) {
    if (!frame.has(eapol_header_length)) return ctx.truncated("eap");
    ByteReader header = frame.window(0, eapol_header_length);
    unsigned version = header.u8(), type = header.u8();
    std::size_t body_length = header.be16();
    ctx.print("{} ({}) v{}, len {}", name_or(frame_types, type, "unknown"), type, version, body_length);
    if (ctx.options.verbosity < 1 || type != frame_type_packet) return;
    if (body_length == 0) return ctx.truncated("eap");
    ctx.put(", ");
    print_eap(ctx, frame.window(eapol_header_length, frame.size()), body_length);
}

}  // namespace rawdump::print
