// L2TP attribute-value pairs (RFC 2661 section 4; print-l2tp.c l2tp_avp_print of tcpdump
// 4.99.3). The whole AVP is checked against the message and the capture before any value
// is printed, so the value printers below only guard against AVPs shorter than their field
// ("AVP too short").
#include <array>
#include <string_view>

#include "src/print/app/l2tp.hpp"

namespace rawdump::print::l2tp {
namespace {

struct Name {
    std::uint16_t code;
    std::string_view name;
};

constexpr std::array<Name, 14> message_types{{
    {1, "SCCRQ"}, {2, "SCCRP"}, {3, "SCCCN"}, {4, "StopCCN"}, {6, "HELLO"}, {7, "OCRQ"},
    {8, "OCRP"}, {9, "OCCN"}, {10, "ICRQ"}, {11, "ICRP"}, {12, "ICCN"}, {14, "CDN"},
    {15, "WEN"}, {16, "SLI"},
}};

enum Attribute : std::uint16_t {
    msgtype = 0, result_code, proto_ver, framing_cap, bearer_cap, tie_breaker, firm_ver,
    host_name, vendor_name, assnd_tun_id, recv_win_size, challenge, q931_cc, challenge_resp,
    assnd_sess_id, call_ser_num, minimum_bps, maximum_bps, bearer_type, framing_type,
    packet_proc_delay, called_number, calling_number, sub_address, tx_conn_speed,
    phy_channel_id, ini_recv_lcp, last_sent_lcp, last_recv_lcp, proxy_auth_type,
    proxy_auth_name, proxy_auth_chal, proxy_auth_id, proxy_auth_resp, call_errors, accm,
    random_vector, private_grp_id, rx_conn_speed, seq_required, ppp_discon_cc = 46,
};

constexpr std::array<Name, 41> attributes{{
    {msgtype, "MSGTYPE"}, {result_code, "RESULT_CODE"}, {proto_ver, "PROTO_VER"},
    {framing_cap, "FRAMING_CAP"}, {bearer_cap, "BEARER_CAP"}, {tie_breaker, "TIE_BREAKER"},
    {firm_ver, "FIRM_VER"}, {host_name, "HOST_NAME"}, {vendor_name, "VENDOR_NAME"},
    {assnd_tun_id, "ASSND_TUN_ID"}, {recv_win_size, "RECV_WIN_SIZE"}, {challenge, "CHALLENGE"},
    {q931_cc, "Q931_CC"}, {challenge_resp, "CHALLENGE_RESP"}, {assnd_sess_id, "ASSND_SESS_ID"},
    {call_ser_num, "CALL_SER_NUM"}, {minimum_bps, "MINIMUM_BPS"}, {maximum_bps, "MAXIMUM_BPS"},
    {bearer_type, "BEARER_TYPE"}, {framing_type, "FRAMING_TYPE"},
    {packet_proc_delay, "PACKET_PROC_DELAY"}, {called_number, "CALLED_NUMBER"},
    {calling_number, "CALLING_NUMBER"}, {sub_address, "SUB_ADDRESS"},
    {tx_conn_speed, "TX_CONN_SPEED"}, {phy_channel_id, "PHY_CHANNEL_ID"},
    {ini_recv_lcp, "INI_RECV_LCP"}, {last_sent_lcp, "LAST_SENT_LCP"},
    {last_recv_lcp, "LAST_RECV_LCP"}, {proxy_auth_type, "PROXY_AUTH_TYPE"},
    {proxy_auth_name, "PROXY_AUTH_NAME"}, {proxy_auth_chal, "PROXY_AUTH_CHAL"},
    {proxy_auth_id, "PROXY_AUTH_ID"}, {proxy_auth_resp, "PROXY_AUTH_RESP"},
    {call_errors, "CALL_ERRORS"}, {accm, "ACCM"}, {random_vector, "RANDOM_VECTOR"},
    {private_grp_id, "PRIVATE_GRP_ID"}, {rx_conn_speed, "RX_CONN_SPEED"},
    {seq_required, "SEQ_REQUIRED"}, {ppp_discon_cc, "PPP_DISCON_CC"},
}};

constexpr std::array<Name, 6> auth_types{{
    {0, "Reserved"}, {1, "Textual"}, {2, "CHAP"}, {3, "PAP"}, {4, "No Auth"}, {5, "MS-CHAPv1"},
}};

constexpr std::array<Name, 3> directions{{{0, "global error"}, {1, "at peer"}, {2, "at local"}}};

constexpr std::uint16_t flag_mandatory = 0x8000, flag_hidden = 0x4000, length_mask = 0x03ff;
constexpr std::uint32_t header_length = 6;

// tok2str: the table's name, else `fallback` followed by the number.
template <std::size_t N>
void print_name(Context& ctx, const std::array<Name, N>& table, std::uint32_t code, std::string_view fallback) {
    for (const Name& entry : table)
        if (entry.code == code) return ctx.put(entry.name);
    ctx.print("{}{}", fallback, code);
}

void print_octets(Context& ctx, ByteReader value) {
    for (std::byte b : value.all()) ctx.print("{:02x}", std::to_integer<unsigned>(b));
}

void too_short(Context& ctx) { ctx.put("AVP too short"); }

// Bit flags of framing and bearer AVPs: `high` for bit 1, `low` for bit 0, in that order.
void print_two_bits(Context& ctx, ByteReader value, char high, char low) {
    if (value.size() < 4) return too_short(ctx);
    const std::uint32_t bits = value.be32();
    if (bits & 2) ctx.put(high);
    if (bits & 1) ctx.put(low);
}

void print_result_code(Context& ctx, ByteReader value) {
    if (value.size() < 2) return too_short(ctx);
    ctx.print("{}", value.be16());
    if (value.remaining() == 0) return;
    if (value.remaining() < 2) return ctx.put(" AVP too short");  // the one with a space
    ctx.print("/{}", value.be16());  // error code
    if (value.remaining() == 0) return;
    ctx.put(' ');
    print_escaped(ctx, value.narrowed(value.remaining()));  // error message
}

void print_q931_cause(Context& ctx, ByteReader value) {
    if (value.size() < 3) return too_short(ctx);
    const std::uint16_t cause = value.be16();
    ctx.print("{}, {:02x}", cause, value.u8());
    if (value.remaining() == 0) return;
    ctx.put(' ');
    print_escaped(ctx, value.narrowed(value.remaining()));
}

// Reserved 16 bits, then labelled 32-bit values, each with a trailing space; the first
// one missing ends the list with "AVP too short".
template <std::size_t N>
void print_counters(Context& ctx, ByteReader value, const std::array<std::string_view, N>& labels, bool hex) {
    if (!value.skip(2)) return too_short(ctx);
    for (std::string_view label : labels) {
        if (value.remaining() < 4) return too_short(ctx);
        const std::uint32_t v = value.be32();
        if (hex)
            ctx.print("{}={:08x} ", label, v);
        else
            ctx.print("{}={} ", label, v);
    }
}

constexpr std::array<std::string_view, 6> call_error_labels{
    "CRCErr", "FrameErr", "HardOver", "BufOver", "Timeout", "AlignErr"};
constexpr std::array<std::string_view, 2> accm_labels{"send", "recv"};

void print_ppp_disconnect(Context& ctx, ByteReader value) {
    if (value.size() < 5) return too_short(ctx);
    const std::uint16_t code = value.be16();
    const std::uint16_t protocol = value.be16();
    ctx.print("{:04x}, {:04x} ", code, protocol);
    print_name(ctx, directions, value.u8(), "Direction-#");
    if (value.remaining() == 0) return;
    ctx.put(' ');
    print_escaped(ctx, value.narrowed(value.remaining()));
}

void print_value(Context& ctx, std::uint16_t attribute, ByteReader value) {
    const std::size_t n = value.size();
    switch (attribute) {
    case msgtype:
        if (n < 2) return too_short(ctx);
        return print_name(ctx, message_types, value.be16(), "MSGTYPE-#");
    case result_code: return print_result_code(ctx, value);
    case proto_ver: {
        if (n < 2) return too_short(ctx);
        const std::uint16_t v = value.be16();
        return ctx.print("{}.{}", v >> 8, v & 0xff);
    }
    case framing_cap:
    case framing_type: return print_two_bits(ctx, value, 'A', 'S');
    case bearer_cap:
    case bearer_type: return print_two_bits(ctx, value, 'A', 'D');
    case tie_breaker:
        if (n < 8) return too_short(ctx);
        return print_octets(ctx, value.window(0, 8));
    case firm_ver:
    case assnd_tun_id:
    case recv_win_size:
    case assnd_sess_id:
        if (n < 2) return too_short(ctx);
        return ctx.print("{}", value.be16());
    case host_name:
    case vendor_name:
    case calling_number:
    case called_number:
    case sub_address:
    case proxy_auth_name:
    case private_grp_id: return print_escaped(ctx, value);
    case challenge:
    case ini_recv_lcp:
    case last_sent_lcp:
    case last_recv_lcp:
    case proxy_auth_chal:
    case proxy_auth_resp:
    case random_vector: return print_octets(ctx, value);
    case q931_cc: return print_q931_cause(ctx, value);
    case challenge_resp:
        if (n < 16) return too_short(ctx);
        return print_octets(ctx, value.window(0, 16));
    case call_ser_num:
    case minimum_bps:
    case maximum_bps:
    case tx_conn_speed:
    case phy_channel_id:
    case rx_conn_speed:
        if (n < 4) return too_short(ctx);
        return ctx.print("{}", value.be32());
    case packet_proc_delay: return ctx.put("obsolete");
    case proxy_auth_type:
        if (n < 2) return too_short(ctx);
        return print_name(ctx, auth_types, value.be16(), "AuthType-#");
    case proxy_auth_id:
        if (n < 2) return too_short(ctx);
        return ctx.print("{}", value.be16() & 0xff);
    case call_errors: return print_counters(ctx, value, call_error_labels, false);
    case accm: return print_counters(ctx, value, accm_labels, true);
    case ppp_discon_cc: return print_ppp_disconnect(ctx, value);
    default: return;  // sequencing required has no value; unknown AVPs show none
    }
}

}  // namespace

std::uint32_t print_avp(Context& ctx, ByteReader avp, std::uint32_t remaining) {
    ctx.put(' ');
    if (!avp.has(2)) return ctx.truncated_unwind("l2tp"), 0;  // GET of flags and length
    const std::uint16_t word = avp.be16_at(0);
    const std::uint32_t length = word & length_mask;
    // Too short for the header, longer than the message, or not all captured: give up.
    if (length < header_length || length > remaining || !avp.has(length))
        return ctx.truncated("l2tp"), 0;
    if (word & flag_mandatory) ctx.put('*');
    if (word & flag_hidden) ctx.put('?');
    ByteReader header = avp.window(2, 4);
    const std::uint16_t vendor = header.be16(), attribute = header.be16();
    ByteReader value = avp.window(header_length, length - header_length);
    if (vendor != 0) {
        ctx.print("VENDOR{:04x}:ATTR{:04x}(", vendor, attribute);
        print_octets(ctx, value);
        ctx.put(')');
        return length;
    }
    print_name(ctx, attributes, attribute, "AVP-#");
    ctx.put('(');
    if (word & flag_hidden)
        ctx.put("???");  // hidden values are encrypted with the tunnel secret
    else
        print_value(ctx, attribute, value);
    ctx.put(')');
    return length;
}

}  // namespace rawdump::print::l2tp
