// Syslog over UDP 514 (print-syslog.c, RFC 3164): the <PRI> prefix decoded into facility and
// severity; -v adds the message text, -vv a hex dump of the whole payload.
#include <array>
#include <string_view>

#include "src/print/base/hexdump.hpp"
#include "src/print/app/syslog.hpp"

namespace rawdump::print {
namespace {

constexpr std::string_view protocol = "syslog";
constexpr std::size_t max_priority_digits = 3;
constexpr unsigned facility_mask = 0x03f8, severity_mask = 0x0007;

constexpr std::array<std::string_view, 8> severity_names = {
    "emergency", "alert", "critical", "error", "warning", "notice", "info", "debug",
};
// 15 is "cron" again in tcpdump's table (taken from Ethereal).
constexpr std::array<std::string_view, 24> facility_names = {
    "kernel", "user",   "mail",   "daemon", "auth",   "syslog", "lpr",    "news",
    "uucp",   "cron",   "authpriv", "ftp",  "ntp",    "security", "console", "cron",
    "local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7",
};

void print_facility(Context& ctx, unsigned facility) {
    if (facility < facility_names.size()) return ctx.put(facility_names[facility]);
    ctx.print("unknown ({})", facility);
}

}  // namespace

void print_syslog(Context& ctx, ByteReader payload, std::uint32_t length) {
    // Every read is checked against the capture: a short one ends the line with [|syslog].
    auto byte_at = [&](std::size_t at, unsigned& value) {
        ByteReader one = payload.window(at, 1);
        value = one.u8();
        return !one.truncated();
    };
    unsigned c = 0;
    if (!byte_at(0, c)) return ctx.truncated_unwind(protocol);
    if (c != '<') return ctx.put(" (invalid)");
    std::size_t offset = 1;
    unsigned priority = 0;
    while (offset <= max_priority_digits) {
        if (!byte_at(offset, c)) return ctx.truncated_unwind(protocol);
        if (c < '0' || c > '9') break;
        priority = priority * 10 + (c - '0');
        ++offset;
    }
    if (!byte_at(offset, c)) return ctx.truncated_unwind(protocol);
    if (c != '>') return ctx.put(" (invalid)");
    ++offset;

    const unsigned facility = (priority & facility_mask) >> 3;
    const unsigned severity = priority & severity_mask;
    if (ctx.options.verbosity < 1) {
        ctx.put("SYSLOG ");
        print_facility(ctx, facility);
        ctx.print(".{}, length: {}", severity_names[severity], length);
        return;
    }
    ctx.print("SYSLOG, length: {}\n\tFacility ", length);
    print_facility(ctx, facility);
    ctx.print(" ({}), Severity {} ({})\n\tMsg: ", facility, severity_names[severity], severity);
    // The message goes out byte by byte, control and 8-bit bytes escaped, up to the
    // datagram's length; a cut capture ends it where the bytes end.
    for (; offset < length; ++offset) {
        if (!byte_at(offset, c)) return ctx.truncated_unwind(protocol);
        print_escaped(ctx, payload.window(offset, 1));
    }
    if (ctx.options.verbosity > 1) hex_dump(ctx.out, payload.window(0, length).all());
}

}  // namespace rawdump::print
