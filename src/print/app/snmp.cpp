// SNMP messages: the version, then the community (v1, v2c) or the SNMPv3 header, USM
// security parameters and scoped PDU (print-snmp.c snmp_print, community_print, v3msg_print,
// usm_print, scopedpdu_print of tcpdump 4.99.3). -v adds braces around each part.
#include "src/print/app/snmp.hpp"

#include <array>
#include <string_view>

#include "src/print/app/snmp_pdu.hpp"

namespace rawdump::print {
namespace {

using snmp::BeType;
using snmp::Cursor;
using snmp::Element;
using snmp::Walker;

constexpr std::string_view default_community = "public";  // not printed

bool is_default_community(const Walker& w, const Element& e) {
    if (e.asnlen != default_community.size()) return false;
    for (std::size_t i = 0; i < default_community.size(); ++i)
        if (w.byte(e.data + i) != static_cast<std::uint8_t>(default_community[i])) return false;
    return true;
}

void print_community_message(Walker& w, Cursor c, std::int32_t version) {
    Element e;
    std::int64_t count = 0;
    if (!w.expect(c, e, count, BeType::Str, "[comm!=STR]")) return;
    if (!is_default_community(w, e)) {
        w.ctx.put("C=");
        if (!w.print_string(e)) return;
        w.ctx.put(' ');
    }
    c.advance(static_cast<std::uint32_t>(count));
    snmp::print_pdu(w, c, version);
}

// The User-based Security Model's parameters: engine boots and time (-v), the user name.
void print_usm(Walker& w, Cursor c) {
    Context& ctx = w.ctx;
    Element e;
    std::int64_t count = 0;
    if (!w.expect(c, e, count, BeType::Seq, "[!usm]")) return;
    c = {e.data, e.asnlen};

    if (!w.expect(c, e, count, BeType::Str, "[msgAuthoritativeEngineID!=STR]")) return;
    c.advance(static_cast<std::uint32_t>(count));
    if (!w.expect(c, e, count, BeType::Int, "[msgAuthoritativeEngineBoots!=INT]")) return;
    if (ctx.options.verbosity > 0) ctx.print("B={} ", e.integer);
    c.advance(static_cast<std::uint32_t>(count));
    if (!w.expect(c, e, count, BeType::Int, "[msgAuthoritativeEngineTime!=INT]")) return;
    if (ctx.options.verbosity > 0) ctx.print("T={} ", e.integer);
    c.advance(static_cast<std::uint32_t>(count));
    if (!w.expect(c, e, count, BeType::Str, "[msgUserName!=STR]")) return;
    c.advance(static_cast<std::uint32_t>(count));
    ctx.put("U=");
    if (!w.print_string(e)) return;
    ctx.put(' ');
    if (!w.expect(c, e, count, BeType::Str, "[msgAuthenticationParameters!=STR]")) return;
    c.advance(static_cast<std::uint32_t>(count));
    if (!w.expect(c, e, count, BeType::Str, "[msgPrivacyParameters!=STR]")) return;
    c.advance(static_cast<std::uint32_t>(count));
    // tcpdump compares the last field's size with what is left, not zero with it.
    if (count < c.length) ctx.print("[{} extra after usm SEQ]", static_cast<std::int32_t>(c.length - count));
}

void print_scoped_pdu(Walker& w, Cursor c) {
    Context& ctx = w.ctx;
    Element e;
    std::int64_t count = 0;
    if (!w.expect(c, e, count, BeType::Seq, "[!scoped PDU]")) return;
    c = {e.data, e.asnlen};

    if (!w.expect(c, e, count, BeType::Str, "[contextEngineID!=STR]")) return;
    c.advance(static_cast<std::uint32_t>(count));
    ctx.put("E=");
    if (!w.print_octets(e)) return;
    ctx.put(' ');
    if (!w.expect(c, e, count, BeType::Str, "[contextName!=STR]")) return;
    c.advance(static_cast<std::uint32_t>(count));
    ctx.put("C=");
    if (!w.print_string(e)) return;
    ctx.put(' ');
    snmp::print_pdu(w, c, snmp::version_3);
}

// msgFlags values RFC 3412 allows: auth, auth+priv, each with or without reportable.
constexpr std::array<std::uint8_t, 6> valid_msg_flags = {0x00, 0x01, 0x03, 0x04, 0x05, 0x07};
constexpr std::uint8_t flag_auth = 0x01, flag_priv = 0x02, flag_reportable = 0x04;
constexpr std::int32_t usm_model = 3;

void print_v3_message(Walker& w, Cursor message) {
    Context& ctx = w.ctx;
    const bool verbose = ctx.options.verbosity > 0;
    Element e;
    std::int64_t count = 0;
    if (!w.expect(message, e, count, BeType::Seq, "[!message]")) return;
    Cursor c{e.data, e.asnlen};
    if (verbose) ctx.put("{ ");

    if (!w.expect(c, e, count, BeType::Int, "[msgID!=INT]")) return;
    c.advance(static_cast<std::uint32_t>(count));
    if (!w.expect(c, e, count, BeType::Int, "[msgMaxSize!=INT]")) return;
    c.advance(static_cast<std::uint32_t>(count));
    if (!w.expect(c, e, count, BeType::Str, "[msgFlags!=STR]")) return;
    if (e.asnlen != 1) return ctx.print("[msgFlags size {}]", e.asnlen);
    const std::uint8_t flags = w.byte(e.data);
    bool valid = false;
    for (std::uint8_t f : valid_msg_flags) valid = valid || f == flags;
    if (!valid) return ctx.print("[msgFlags=0x{:02X}]", flags);
    c.advance(static_cast<std::uint32_t>(count));
    ctx.print("F={}{}{} ", flags & flag_auth ? "a" : "", flags & flag_priv ? "p" : "",
              flags & flag_reportable ? "r" : "");

    if (!w.expect(c, e, count, BeType::Int, "[msgSecurityModel!=INT]")) return;
    const std::int32_t model = e.integer;
    c.advance(static_cast<std::uint32_t>(count));
    if (count < c.length) ctx.print("[{} extra after message SEQ]", static_cast<std::int32_t>(c.length - count));
    if (verbose) ctx.put("} ");
    if (model != usm_model) return ctx.print("[security model {}]", model);
    if (verbose) ctx.put("{ USM ");

    // tcpdump carries on from where the header's fields ended (normally the header's end),
    // with what the message declares from there.
    c.length = message.length - static_cast<std::uint32_t>(c.at - message.at);
    if (!w.expect(c, e, count, BeType::Str, "[msgSecurityParameters!=STR]")) return;
    c.advance(static_cast<std::uint32_t>(count));
    print_usm(w, {e.data, e.asnlen});
    if (w.unwound()) return;
    if (verbose) ctx.put("} { ScopedPDU ");
    print_scoped_pdu(w, c);
    if (verbose && !w.unwound()) ctx.put("} ");
}

}  // namespace

void print_snmp(Context& ctx, ByteReader message, std::uint32_t length) {
    Walker w(ctx, message);
    ctx.put(' ');
    Element e;
    std::int64_t count = 0;
    Cursor c{0, length};
    if (!w.expect(c, e, count, BeType::Seq, "[!init SEQ]")) return;
    if (count < c.length) ctx.print("[{} extra after iSEQ]", static_cast<std::int32_t>(c.length - count));
    c = {e.data, e.asnlen};

    if (!w.expect(c, e, count, BeType::Int, "[version!=INT]")) return;
    const std::int32_t version = e.integer;
    if (version != snmp::version_1 && version != snmp::version_2c && version != snmp::version_3)
        return ctx.print("SNMP [version = {}]", version);
    if (ctx.options.verbosity > 0)
        ctx.put(version == snmp::version_1 ? "{ SNMPv1 " : version == snmp::version_2c ? "{ SNMPv2c " : "{ SNMPv3 ");
    c.advance(static_cast<std::uint32_t>(count));

    if (version == snmp::version_3)
        print_v3_message(w, c);
    else
        print_community_message(w, c, version);
    if (ctx.options.verbosity > 0 && !w.unwound()) ctx.put("} ");
}

}  // namespace rawdump::print
