// SCTP (print-sctp.c sctp_print, tcpdump 4.99.3). tcpdump checks that a whole chunk was
// captured before reading any of it, so a short capture always ends in a plain " [|sctp]"
// (never the longjmp kind). Chunk parameters are not decoded; only DATA, INIT, INIT ACK and
// SACK show their fields.
#include "src/print/transport/sctp.hpp"

#include <array>
#include <string_view>
#include <utility>

#include "src/print/base/hexdump.hpp"

namespace rawdump::print {
namespace {

constexpr std::size_t common_header = 12, chunk_header = 4;
constexpr std::size_t data_header = 12, init_header = 16, sack_header = 12;

enum : std::uint8_t { chunk_data = 0x00, chunk_init = 0x01, chunk_init_ack = 0x02, chunk_sack = 0x03 };
constexpr std::uint8_t data_last = 0x01, data_first = 0x02, data_unordered = 0x04;

// tcpdump 4.99.3's table: no AUTH, ASCONF, I-DATA or RE-CONFIG yet; 0xc1/0xc2 carry the
// names of an old reliable-control draft.
constexpr std::array<std::pair<std::uint8_t, std::string_view>, 18> chunk_names{{
    {0x00, "DATA"}, {0x01, "INIT"}, {0x02, "INIT ACK"}, {0x03, "SACK"}, {0x04, "HB REQ"},
    {0x05, "HB ACK"}, {0x06, "ABORT"}, {0x07, "SHUTDOWN"}, {0x08, "SHUTDOWN ACK"},
    {0x09, "OP ERR"}, {0x0a, "COOKIE ECHO"}, {0x0b, "COOKIE ACK"}, {0x0c, "ECN ECHO"},
    {0x0d, "ECN CWR"}, {0x0e, "SHUTDOWN COMPLETE"}, {0xc0, "FOR CUM TSN"}, {0xc1, "REL CTRL"},
    {0xc2, "REL CTRL ACK"},
}};

// Payload protocol identifiers (IANA), as far as tcpdump names them (26 is skipped).
constexpr std::array<std::string_view, 28> ppid_names{
    "", "ISDN Q.921", "M2UA", "M3UA", "SUA", "M2PA", "V5.2", "H.248", "BICC", "TALI",
    "DUA", "ASAP", "ENRP", "H.323", "Q.IPC", "SIMCO", "DDPSC", "DDPSSC", "S1AP", "RUA",
    "HNBAP", "ForCES HP", "ForCES MP", "ForCES LP", "SBc-AP", "NBAP", "", "X2AP",
};

// ForCES (RFC 5811) runs over these ports; tcpdump tags the line with the channel.
std::string_view forces_channel(std::uint16_t port) {
    switch (port) {
    case 6704: return "ForCES HP";
    case 6705: return "ForCES MP";
    case 6706: return "ForCES LP";
    default: return {};
    }
}

void print_chunk_name(Context& ctx, std::uint8_t type) {
    for (const auto& [id, name] : chunk_names)
        if (id == type) return ctx.print("[{}] ", name);
    ctx.print("[Unknown chunk type: 0x{:x}] ", type);
}

void print_ppid(Context& ctx, std::uint32_t ppid) {
    if (ppid < ppid_names.size() && !ppid_names[ppid].empty()) return ctx.print("[PPID {}] ", ppid_names[ppid]);
    ctx.print("[PPID 0x{:x}] ", ppid);
}

// tcpdump's answer to a chunk too short for its fixed part: it stops the whole packet.
void bogus(Context& ctx, std::uint16_t chunk_length) { ctx.print("bogus chunk length {}]", chunk_length); }

// The body of a DATA chunk; false when tcpdump gave up on the packet.
bool print_data(Context& ctx, ByteReader body, std::uint8_t flags, std::uint16_t chunk_length) {
    if (flags & data_unordered) ctx.put("(U)");
    if (flags & data_first) ctx.put("(B)");
    if (flags & data_last) ctx.put("(E)");
    if (flags & (data_unordered | data_first | data_last)) ctx.put(' ');
    if (body.size() < data_header) return bogus(ctx, chunk_length), false;
    const std::uint32_t tsn = body.be32();
    const std::uint16_t sid = body.be16(), sseq = body.be16();
    const std::uint32_t ppid = body.be32();
    ctx.print("[TSN: {}] [SID: {}] [SSEQ {}] ", tsn, sid, sseq);
    print_ppid(ctx, ppid);
    if (body.remaining() == 0) return bogus(ctx, chunk_length), false;
    // M3UA and ForCES payloads would go to their own decoders in tcpdump; rawdump has
    // neither and shows them like any other payload.
    if (ctx.options.verbosity >= 2) {
        ctx.put("[Payload");
        if (ctx.default_dump()) {  // -x, -X and -q suppress it
            ctx.put(':');
            hex_ascii_dump(ctx.out, body.rest());
        }
        ctx.put(']');
    }
    return true;
}

void print_init(Context& ctx, ByteReader body) {
    const std::uint32_t tag = body.be32(), rwnd = body.be32();
    const std::uint16_t os = body.be16(), mis = body.be16();
    const std::uint32_t tsn = body.be32();
    ctx.print("[init tag: {}] [rwnd: {}] [OS: {}] [MIS: {}] [init TSN: {}] ", tag, rwnd, os, mis, tsn);
}

// Gap blocks and duplicate TSNs, each on its own line; false when tcpdump gave up.
bool print_sack(Context& ctx, ByteReader body, std::uint16_t chunk_length) {
    const std::uint32_t cum_ack = body.be32(), rwnd = body.be32();
    const std::uint16_t gaps = body.be16(), dups = body.be16();
    ctx.print("[cum ack {}] [a_rwnd {}] [#gap acks {}] [#dup tsns {}] ", cum_ack, rwnd, gaps, dups);
    for (unsigned i = 0; body.remaining() != 0 && i < gaps; ++i) {
        if (body.remaining() < 4) return bogus(ctx, chunk_length), false;
        const std::uint32_t start = cum_ack + body.be16(), end = cum_ack + body.be16();
        ctx.print("\n\t\t[gap ack block #{}: start = {}, end = {}] ", i + 1, start, end);
    }
    for (unsigned i = 0; body.remaining() != 0 && i < dups; ++i) {
        if (body.remaining() < 4) return bogus(ctx, chunk_length), false;
        ctx.print("\n\t\t[dup TSN #{}: {}] ", i + 1, body.be32());
    }
    return true;
}

}  // namespace

void print_sctp(Context& ctx, ByteReader packet, const IpInfo& ip) {
    if (ip.length < common_header)
        return ctx.print("truncated-sctp - {} bytes missing!", common_header - ip.length);
    if (!packet.has(common_header)) return ctx.truncated("sctp");
    ByteReader ports = packet.window(0, 4);
    const std::uint16_t sport = ports.be16(), dport = ports.be16();
    // Numeric ports always: tcpdump formats them with %u, never through the services table.
    if (ip.version == 4)
        ctx.host(ip.src4);
    else
        ctx.host(ip.src6);
    ctx.print(".{} > ", sport);
    if (ip.version == 4)
        ctx.host(ip.dst4);
    else
        ctx.host(ip.dst6);
    ctx.print(".{}: sctp", dport);
    for (std::uint16_t port : {sport, dport})
        if (auto channel = forces_channel(port); !channel.empty()) ctx.print("[{}]", channel);

    const bool lines = ctx.options.verbosity >= 2;
    std::string_view separator = lines ? "\n\t" : " (";
    std::size_t at = common_header;
    std::uint32_t remaining = ip.length - common_header;  // declared, not captured
    for (unsigned count = 1; remaining != 0; ++count) {
        if (remaining < chunk_header)
            return ctx.print("{}{}) [chunk descriptor cut off at end of packet]", separator, count);
        if (!packet.has(at + chunk_header)) return ctx.truncated("sctp");
        ByteReader descriptor = packet.window(at, chunk_header);
        const std::uint8_t type = descriptor.u8(), flags = descriptor.u8();
        const std::uint16_t length = descriptor.be16();
        if (length < chunk_header)
            return ctx.print("{}{}) [Bad chunk length {}, < size of chunk descriptor]", separator, count, length);
        const std::size_t align = (4 - length % 4) % 4;
        // The whole chunk must be captured (the declared length bounds the capture, so the
        // counts below cannot wrap).
        if (!packet.has(at + length)) return ctx.truncated("sctp");

        ctx.print("{}{}) ", separator, count);
        print_chunk_name(ctx, type);
        ByteReader body = packet.window(at + chunk_header, length - chunk_header);
        switch (type) {
        case chunk_data:
            if (!print_data(ctx, body, flags, length)) return;
            break;
        case chunk_init:
        case chunk_init_ack:
            if (body.size() < init_header) return bogus(ctx, length);
            print_init(ctx, body);
            break;
        case chunk_sack:
            if (body.size() < sack_header) return bogus(ctx, length);
            if (!print_sack(ctx, body, length)) return;
            break;
        default:
            break;
        }
        at += length;
        remaining -= length;
        if (!lines) separator = ", (";
        if (align != 0) {
            if (!packet.has(at + align)) return ctx.truncated("sctp");
            at += align;
            remaining -= static_cast<std::uint32_t>(align);
        }
    }
}

}  // namespace rawdump::print
