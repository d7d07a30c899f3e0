// PPP control protocols (print-ppp.c handle_ctrl_proto, tcpdump 4.99.3): the code, id and
// length every one of them starts with; under -v the encoded length and, by code, the
// configuration options, magic numbers and rejected protocols.
#include <array>
#include <utility>

#include "src/print/link/ppp_control.hpp"

#include "src/print/base/protocols.hpp"

namespace rawdump::print::ppp {
namespace {

// RFC 1661 codes, with RFC 1570 (Identification, Time-Remaining), RFC 1962 (Reset) and
// RFC 2153 (Vendor-Specific).
constexpr std::array<std::string_view, 16> code_names{
    "Vendor-Extension", "Conf-Request", "Conf-Ack",  "Conf-Nack",  "Conf-Reject", "Term-Request",
    "Term-Ack",         "Code-Reject",  "Prot-Reject", "Echo-Request", "Echo-Reply",  "Disc-Req",
    "Ident",            "Time-Rem",     "Reset-Req", "Reset-Ack",
};
enum Code : std::uint8_t {
    vendor_extension = 0,
    configure_request = 1,
    configure_ack = 2,
    configure_nak = 3,
    configure_reject = 4,
    terminate_request = 5,
    terminate_ack = 6,
    code_reject = 7,
    protocol_reject = 8,
    echo_request = 9,
    echo_reply = 10,
    discard_request = 11,
    identification = 12,
    time_remaining = 13,
};

using OptionPrinter = std::uint32_t (*)(Context&, ByteReader, std::uint32_t);

OptionPrinter option_printer(std::uint16_t protocol) {
    switch (protocol) {
    case lcp: return print_lcp_option;
    case ipcp: return print_ipcp_option;
    case ipv6cp: return print_ip6cp_option;
    case ccp: return print_ccp_option;
    case bacp: return print_bacp_option;
    default: return nullptr;  // no option printer for this protocol
    }
}

// The options of a Configure-Request/Ack/Nak/Reject, `options` bytes of them.
void print_options(Context& ctx, OptionPrinter printer, ByteReader r, std::uint32_t declared) {
    std::uint32_t left = declared - 4;
    do {
        if (printer == nullptr) return;
        // Each printer checks its option against the whole packet length, not what is left.
        std::uint32_t advance = printer(ctx, r.narrowed(r.remaining()), declared);
        if (ctx.unwound || advance == 0) return;
        if (left < advance) {
            ctx.print(" [remaining options length {} < {}]", left, advance);
            ctx.put(" (invalid)");
            return;
        }
        left -= advance;
        r.skip(advance);
        // Skipping past the capture is harmless: the next printer's own read reports it.
        if (r.truncated()) r = ByteReader{};
    } while (left != 0);
}

}  // namespace

void print_control(Context& ctx, std::uint16_t protocol, ByteReader frame, std::size_t offset,
                   std::uint32_t length) {
    std::string_view name = protocol_name(protocol);
    auto print_name = [&] {
        if (name.empty())
            ctx.print("unknown ctrl-proto (0x{:04x})", protocol);
        else
            ctx.put(name);
    };
    // tcpdump's own truncation marker here: "[|LCP]", without the leading space.
    auto truncated = [&] {
        ctx.put("[|");
        print_name();
        ctx.put(']');
    };
    print_name();
    ctx.put(", ");
    ByteReader r = frame.window(offset, frame.size());
    if (length < 4 || !r.has(2)) return truncated();
    std::uint8_t code = r.u8();
    std::uint8_t id = r.u8();
    ctx.print("{} (0x{:02x}), id {}, length {}", code < code_names.size() ? code_names[code] : "Unknown Opcode",
              code, id, length + 2);
    if (ctx.options.verbosity == 0) return;

    std::uint32_t declared = r.be16();
    if (r.truncated()) return ctx.truncated_unwind("ppp");
    if (declared < 4) return ctx.print("\n\tencoded length {} (< 4))", declared);
    if (declared > length) return ctx.print("\n\tencoded length {} (> packet length {}))", declared, length);
    length = declared;
    ctx.print("\n\tencoded length {} (=Option(s) length {})", declared, declared - 4);
    if (length == 4) return;  // an empty Configure-Request and the like

    // -vv shows the protocol field and the header first.
    ByteReader from_protocol = frame.window(offset >= 2 ? offset - 2 : 0, frame.size());
    if (ctx.options.verbosity > 1) print_unknown_data(ctx, from_protocol, 0, "\n\t", 6);

    // Reads a 4-byte field at `at` past the header, or ends the packet.
    auto be32_at = [&](std::size_t at, std::uint32_t& value) {
        ByteReader field = r.window(4 + at, 4);
        value = field.be32();
        if (field.truncated()) ctx.truncated_unwind("ppp");
        return !field.truncated();
    };
    std::uint32_t magic = 0;
    switch (code) {
    case vendor_extension: {
        if (length < 11 || !be32_at(0, magic)) return;
        ctx.print("\n\t  Magic-Num 0x{:08x}", magic);
        ByteReader oui = r.window(8, 3);
        std::uint32_t value = oui.be24();
        if (oui.truncated()) return ctx.truncated_unwind("ppp");
        auto oui_text = oui_name(value);
        ctx.print(" Vendor: {} ({})", oui_text.empty() ? std::string_view{"Unknown"} : oui_text, value);
        return;
    }
    case configure_request:
    case configure_ack:
    case configure_nak:
    case configure_reject:
        return print_options(ctx, option_printer(protocol), r, declared);
    case terminate_request:
    case terminate_ack:
    case code_reject:
        return;  // tcpdump does not decode their data
    case protocol_reject: {
        if (length < 6) return;
        std::uint16_t rejected = r.be16();
        if (r.truncated()) return ctx.truncated_unwind("ppp");
        auto rejected_name = protocol_name(rejected);
        ctx.print("\n\t  Rejected {} Protocol (0x{:04x})", rejected_name.empty() ? "unknown" : rejected_name,
                  rejected);
        if (declared > 6) {
            ctx.put("\n\t  Rejected Packet");
            // tcpdump dumps two bytes more than the packet holds, as far as they were captured.
            print_unknown_data(ctx, r, 6, "\n\t    ", declared - 2);
        }
        return;
    }
    case echo_request:
    case echo_reply:
    case discard_request:
        if (length < 8 || !be32_at(0, magic)) return;
        ctx.print("\n\t  Magic-Num 0x{:08x}", magic);
        if (declared > 8) {
            ctx.put("\n\t  -----trailing data-----");
            if (!r.window(8, declared - 8).has(declared - 8)) return truncated();
            print_unknown_data(ctx, r, 8, "\n\t  ", declared - 8);
        }
        return;
    case identification:
        if (length < 8 || !be32_at(0, magic)) return;
        ctx.print("\n\t  Magic-Num 0x{:08x}", magic);
        if (declared > 8) {
            ctx.put("\n\t  Message\n\t    ");
            // tcpdump prints declared - 4 characters from the message on, as far as captured.
            ByteReader message = r.window(8, declared - 4);
            print_escaped(ctx, message);
            if (message.size() < declared - 4) return truncated();
        }
        return;
    case time_remaining: {
        std::uint32_t seconds = 0;
        if (length < 12 || !be32_at(0, magic)) return;
        ctx.print("\n\t  Magic-Num 0x{:08x}", magic);
        if (!be32_at(4, seconds)) return;
        ctx.print(", Seconds-Remaining {}s", seconds);
        return;
    }
    default:
        if (ctx.options.verbosity <= 1) print_unknown_data(ctx, from_protocol, 0, "\n\t  ", length + 2);
        return;
    }
}

}  // namespace rawdump::print::ppp
