// NTP: the version/mode line common to every message, then the layout the mode selects.
#include "src/print/app/ntp.hpp"

#include <array>

#include "src/print/app/ntp_messages.hpp"

namespace rawdump::print {
namespace {

// The first byte: LI (2 bits) | VN (3 bits) | Mode (3 bits).
constexpr std::uint8_t leap_mask = 0xc0;
constexpr std::uint8_t version_mask = 0x38;
constexpr unsigned version_shift = 3;
constexpr std::uint8_t mode_mask = 0x07;

enum Mode : std::uint8_t {
    unspecified = 0,
    symmetric_active = 1,
    symmetric_passive = 2,
    client = 3,
    server = 4,
    broadcast = 5,
    control = 6,
    reserved = 7,  // ntpd's private mode 7: tcpdump prints only the header
};

constexpr std::array<std::string_view, 8> mode_names = {
    "unspecified", "symmetric active", "symmetric passive", "Client",
    "Server",      "Broadcast",        "Control Message",   "Reserved",
};

// tcpdump keys these on the unshifted LI bits and prints that value too ("-1s (128)").
constexpr std::string_view leap_name(std::uint8_t leap_bits) {
    switch (leap_bits) {
    case 0x00: return "";
    case 0x40: return "+1s";
    case 0x80: return "-1s";
    default: return "clock unsynchronized";
    }
}

}  // namespace

namespace ntp {

void print_invalid(Context& ctx, const ByteReader& message, std::uint32_t length) {
    ctx.put(" (invalid)");
    if (!message.has(length)) ctx.truncated_unwind(protocol);
}

}  // namespace ntp

void print_ntp(Context& ctx, ByteReader message, std::uint32_t length) {
    std::uint8_t first = message.u8_at(0);
    if (message.size() == 0) return ctx.truncated_unwind(ntp::protocol);

    ctx.print("NTPv{}", (first & version_mask) >> version_shift);
    auto mode = static_cast<Mode>(first & mode_mask);
    if (ctx.options.verbosity == 0) return ctx.print(", {}, length {}", mode_names[mode], length);

    ctx.print(", {}, length {}\n", mode_names[mode], length);
    std::uint8_t leap_bits = first & leap_mask;
    ctx.print("\tLeap indicator: {} ({})", leap_name(leap_bits), leap_bits);

    switch (mode) {
    case unspecified:
    case symmetric_active:
    case symmetric_passive:
    case client:
    case server:
    case broadcast:
        return ntp::print_time_message(ctx, message, length);
    case control:
        return ntp::print_control_message(ctx, message, length);
    case reserved:
        return;
    }
}

}  // namespace rawdump::print
