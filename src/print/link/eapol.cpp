// EAPOL (print-eap.c, tcpdump 4.99.3): a 4-byte header (version, type, body length); with -v an
// EAP packet body is decoded by eap.cpp. EAPOL-Key and the other bodies are never decoded. A
// header cut short prints " [|eap]"; a field read past the capture does too, and unwinds
// (tcpdump's GET_* longjmp).
#include <array>
#include <utility>

#include "src/print/dispatch/carried.hpp"
#include "src/print/link/eapol.hpp"
#include "src/print/link/lldp.hpp"

namespace rawdump::print {
namespace {

using lldp::name_or;
using Names = std::pair<unsigned, std::string_view>;

constexpr std::array<Names, 5> frame_types{{
    {0, "EAP packet"}, {1, "EAPOL start"}, {2, "EAPOL logoff"}, {3, "EAPOL key"}, {4, "Encapsulated ASF alert"},
}};
constexpr unsigned frame_type_packet = 0;

constexpr std::size_t eapol_header_length = 4;

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
    // The body length is what a whole EAP packet must match (eap.hpp).
    print_eap_packet(ctx, frame.window(eapol_header_length, frame.size()), body_length, "eap");
}

}  // namespace rawdump::print
