// SNMP PDUs: request/response fields, v1 traps and variable bindings (print-snmp.c
// pdu_print, snmppdu_print, trappdu_print, varbind_print of tcpdump 4.99.3).
#include "src/print/app/snmp_pdu.hpp"

#include <array>
#include <string_view>

namespace rawdump::print::snmp {
namespace {

constexpr std::array<std::string_view, 19> error_status_names = {
    "noError",           "tooBig",        "noSuchName",   "badValue",
    "readOnly",          "genErr",        "noAccess",     "wrongType",
    "wrongLength",       "wrongEncoding", "wrongValue",   "noCreation",
    "inconsistentValue", "resourceUnavailable", "commitFailed", "undoFailed",
    "authorizationError", "notWritable",  "inconsistentName",
};

constexpr std::array<std::string_view, 7> generic_trap_names = {
    "coldStart", "warmStart", "linkDown", "linkUp", "authenticationFailure", "egpNeighborLoss",
    "enterpriseSpecific",
};
constexpr std::int32_t enterprise_specific = 6;

// tcpdump prints unknown codes as "err=%u" of the signed value.
void print_error_status(Context& ctx, std::int32_t status) {
    if (status >= 0 && static_cast<std::size_t>(status) < error_status_names.size())
        ctx.put(error_status_names[static_cast<std::size_t>(status)]);
    else
        ctx.print("err={}", static_cast<std::uint32_t>(status));
}

// Requests carry names only: their values must be NULL and no "=" is printed.
constexpr bool is_read_request(std::uint8_t pdu) {
    return pdu == get_request || pdu == get_next_request || pdu == get_bulk;
}
// PDUs whose error-status and error-index must be zero (GetBulk reuses them as N and M).
constexpr bool has_zero_error_fields(std::uint8_t pdu) {
    return pdu == get_request || pdu == get_next_request || pdu == set_request || pdu == inform ||
           pdu == v2_trap || pdu == report;
}

void print_varbinds(Walker& w, std::uint8_t pdu, Cursor c) {
    Element e;
    std::int64_t count = 0;
    if (!w.expect(c, e, count, BeType::Seq, "[!SEQ of varbind]")) return;
    if (count < c.length) w.ctx.print("[{} extra after SEQ of varbind]", static_cast<std::int32_t>(c.length - count));
    c = {e.data, e.asnlen};
    while (c.length > 0) {
        w.ctx.put(' ');
        if (!w.expect(c, e, count, BeType::Seq, "[!varbind]")) return;
        Cursor next = c;
        next.advance(static_cast<std::uint32_t>(count));
        Cursor vb{e.data, e.asnlen};

        if (!w.expect(vb, e, count, BeType::Oid, "[objName!=OID]")) return;
        if (!w.print(e)) return;
        vb.advance(static_cast<std::uint32_t>(count));
        const bool request = is_read_request(pdu);
        if (!request) w.ctx.put('=');

        if (w.parse(vb, e) < 0) return;
        if (request) {
            if (e.type != BeType::Null) {
                w.ctx.put("[objVal!=NULL]");
                if (!w.print(e)) return;
            }
        } else if (e.type != BeType::Null && !w.print(e)) {
            return;
        }
        c = next;
    }
}

// GetRequest, GetNextRequest, GetResponse, SetRequest, GetBulk, Inform, V2Trap, Report.
void print_request(Walker& w, std::uint8_t pdu, Cursor c) {
    Context& ctx = w.ctx;
    Element e;
    std::int64_t count = 0;
    if (!w.expect(c, e, count, BeType::Int, "[reqId!=INT]")) return;
    if (ctx.options.verbosity > 0) ctx.print("R={} ", e.integer);
    c.advance(static_cast<std::uint32_t>(count));

    if (!w.expect(c, e, count, BeType::Int, "[errorStatus!=INT]")) return;
    std::int32_t error_status = 0;
    if (has_zero_error_fields(pdu) && e.integer != 0) {
        ctx.put("[errorStatus(");
        print_error_status(ctx, e.integer);
        ctx.put(")!=0]");
    } else if (pdu == get_bulk) {
        ctx.print(" N={}", e.integer);
    } else if (e.integer != 0) {
        ctx.put(' ');
        print_error_status(ctx, e.integer);
        error_status = e.integer;
    }
    c.advance(static_cast<std::uint32_t>(count));

    if (!w.expect(c, e, count, BeType::Int, "[errorIndex!=INT]")) return;
    if (has_zero_error_fields(pdu) && e.integer != 0)
        ctx.print("[errorIndex({})!=0]", e.integer);
    else if (pdu == get_bulk)
        ctx.print(" M={}", e.integer);
    else if (e.integer != 0)
        if (error_status != 0)
            ctx.print("@{}", e.integer);
        else
            ctx.print("[errorIndex({}) w/o errorStatus]", e.integer);
    else if (error_status != 0)
        ctx.put("[errorIndex==0]");
    c.advance(static_cast<std::uint32_t>(count));

    print_varbinds(w, pdu, c);
}

// The SNMPv1 Trap-PDU: enterprise, agent-addr, generic-trap, specific-trap, time-stamp.
void print_trap(Walker& w, Cursor c) {
    Context& ctx = w.ctx;
    Element e;
    std::int64_t count = 0;
    ctx.put(' ');
    if (!w.expect(c, e, count, BeType::Oid, "[enterprise!=OID]")) return;
    if (!w.print(e)) return;
    c.advance(static_cast<std::uint32_t>(count));
    ctx.put(' ');

    if (!w.expect(c, e, count, BeType::InetAddr, "[agent-addr!=INETADDR]")) return;
    if (!w.print(e)) return;
    c.advance(static_cast<std::uint32_t>(count));

    if (!w.expect(c, e, count, BeType::Int, "[generic-trap!=INT]")) return;
    const std::int32_t generic = e.integer;
    if (generic >= 0 && static_cast<std::size_t>(generic) < generic_trap_names.size())
        ctx.print(" {}", generic_trap_names[static_cast<std::size_t>(generic)]);
    else
        ctx.print(" gt={}", generic);
    c.advance(static_cast<std::uint32_t>(count));

    if (!w.expect(c, e, count, BeType::Int, "[specific-trap!=INT]")) return;
    if (generic != enterprise_specific) {
        if (e.integer != 0) ctx.print("[specific-trap({})!=0]", e.integer);
    } else {
        ctx.print(" s={}", e.integer);
    }
    c.advance(static_cast<std::uint32_t>(count));
    ctx.put(' ');

    // tcpdump accepts any of Counter, Gauge and TimeTicks here.
    if (!w.expect(c, e, count, BeType::Uns, "[time-stamp!=TIMETICKS]")) return;
    if (!w.print(e)) return;
    c.advance(static_cast<std::uint32_t>(count));

    print_varbinds(w, trap, c);
}

}  // namespace

void print_pdu(Walker& w, Cursor c, std::int32_t version) {
    Context& ctx = w.ctx;
    Element pdu;
    const std::int64_t count = w.parse(c, pdu);
    if (count < 0) return;
    if (pdu.type != BeType::Pdu) return ctx.put("[no PDU]");
    if (count < c.length) ctx.print("[{} extra after PDU]", static_cast<std::int32_t>(c.length - count));
    const bool verbose = ctx.options.verbosity > 0;
    if (verbose) ctx.put("{ ");
    if (!w.print(pdu)) return;
    ctx.put(' ');
    c = {pdu.data, pdu.asnlen};

    if (version == version_1 &&
        (pdu.id == get_bulk || pdu.id == inform || pdu.id == v2_trap || pdu.id == report))
        return ctx.put("[v2 PDU in v1 message]");
    if (version == version_2c && pdu.id == trap) return ctx.put("[v1 PDU in v2 message]");

    if (pdu.id == trap)
        print_trap(w, c);
    else
        print_request(w, pdu.id, c);
    if (verbose && !w.unwound()) ctx.put(" } ");
}

}  // namespace rawdump::print::snmp
