// RPL control messages (RFC 6550), ICMPv6 type 155 (print-icmp6.c rpl_print, tcpdump 4.99.3).
#include <array>
#include <utility>

#include "src/print/base/hexdump.hpp"
#include "src/print/ip/icmp6_messages.hpp"

namespace rawdump::print {
namespace {

enum class RplCode : std::uint8_t {
    InformationSolicitation = 0x00, InformationObject = 0x01, DestinationAdvertisement = 0x02,
    DestinationAdvertisementAck = 0x03,
};
constexpr std::uint8_t secured_bit = 0x80;

constexpr std::size_t dio_length = 24;       // instance .. DODAG id
constexpr std::size_t dao_length = 20;       // with the DODAG id tcpdump always checks for
constexpr std::size_t dao_minimum = 4;
constexpr std::size_t dao_ack_minimum = 4;
constexpr std::size_t dagid_length = 16;

constexpr std::array<std::string_view, 4> modes_of_operation{"nonstoring", "storing", "nonstoring-multicast",
                                                             "storing-multicast"};
constexpr std::array<std::pair<std::uint8_t, std::string_view>, 9> option_names{{
    {0, "pad1"}, {1, "padN"}, {2, "metrics"}, {3, "routinginfo"}, {4, "config"}, {5, "rpltarget"},
    {6, "transitinfo"}, {8, "destprefix"}, {9, "rpltargetdesc"},
}};

// DIO/DAO options under -vv, their bodies in hex from -vvv.
void print_options(Context& ctx, ByteReader options, std::uint32_t length) {
    std::size_t at = 0;
    while (length != 0) {
        if (!options.has(at + 1)) return ctx.truncated_unwind("icmp6");
        unsigned type = options.u8_at(at);
        std::size_t option_length = 1;
        if (type == 0) {
            ctx.put(" opt:pad1");
        } else {
            if (length < 2) return ctx.truncated("icmp6");
            if (!options.has(at + 2)) return ctx.truncated_unwind("icmp6");
            option_length = options.u8_at(at + 1) + 2u;
            std::string_view name;
            for (const auto& [k, n] : option_names)
                if (k == type) name = n;
            if (name.empty())
                ctx.print(" opt:subopt:{} len:{} ", type, option_length);
            else
                ctx.print(" opt:{} len:{} ", name, option_length);
            if (!options.has(at + option_length) || length < option_length) return ctx.truncated("icmp6");
            if (ctx.options.verbosity > 2) hex_dump(ctx.out, options.window(at + 2, option_length - 2).all(), " ");
        }
        at += option_length;
        length -= static_cast<std::uint32_t>(option_length);
    }
}

void print_dio(Context& ctx, ByteReader body, std::uint32_t length) {
    if (length < dio_length) {
        ctx.print(" [length {} < {}]", length, dio_length);
        return ctx.put(" (invalid)");
    }
    if (!body.has(dio_length)) return ctx.truncated_unwind("icmp6");
    unsigned instance = body.u8_at(0), rank = body.be16_at(2);
    unsigned mop_prf = body.u8_at(4), dtsn = body.u8_at(5);
    ctx.put(" [dagid:");
    ctx.host(body.ipv6_at(8));
    ctx.print(",seq:{},instance:{},rank:{},{}mop:", dtsn, instance, rank, (mop_prf & 0x80) ? "grounded," : "");
    unsigned mop = (mop_prf >> 3) & 7;
    if (mop < modes_of_operation.size())
        ctx.put(modes_of_operation[mop]);
    else
        ctx.print("mop{}", mop);
    ctx.print(",prf:{}]", mop_prf & 7);
    if (ctx.options.verbosity > 1)
        print_options(ctx, body.window(dio_length, body.size()), length - static_cast<std::uint32_t>(dio_length));
}

void print_dao(Context& ctx, ByteReader body, std::uint32_t length) {
    if (!body.has(dao_length)) return ctx.truncated("icmp6");
    if (length < dao_minimum) return ctx.put(" [|length too short]");
    unsigned instance = body.u8_at(0), flags = body.u8_at(1), sequence = body.u8_at(3);
    bool has_dagid = (flags & 0x40) != 0;
    std::size_t at = dao_minimum;
    std::uint32_t left = length - static_cast<std::uint32_t>(dao_minimum);
    ctx.put(" [dagid:");
    if (has_dagid) {
        if (left < dagid_length) return ctx.put("<elided> [|length too short]");
        ctx.host(body.ipv6_at(at));
        at += dagid_length;
        left -= dagid_length;
    } else {
        ctx.put("<elided>");
    }
    ctx.print(",seq:{},instance:{}{}{},{:02x}]", sequence, instance, (flags & 0x80) ? ",acK" : "",
              has_dagid ? ",Dagid" : "", flags);
    if (ctx.options.verbosity > 1) print_options(ctx, body.window(at, body.size()), left);
}

void print_dao_ack(Context& ctx, ByteReader body, std::uint32_t length) {
    if (!body.has(dao_ack_minimum)) return ctx.truncated("icmp6");
    if (length < dao_ack_minimum) return ctx.put(" [|dao-length too short]");
    unsigned instance = body.u8_at(0), flags = body.u8_at(1);
    unsigned sequence = body.u8_at(2), status = body.u8_at(3);
    bool has_dagid = (flags & 0x80) != 0;
    std::size_t at = dao_ack_minimum;
    std::uint32_t left = length - static_cast<std::uint32_t>(dao_ack_minimum);
    if (has_dagid) {
        if (!body.has(at + dagid_length)) return ctx.truncated("icmp6");
        if (left < dagid_length) return ctx.put(" [|dao-length too short]");
    }
    ctx.put(" [dagid:");
    if (has_dagid) {
        ctx.host(body.ipv6_at(at));
        at += dagid_length;
        left -= dagid_length;
    } else {
        ctx.put("<elided>");
    }
    ctx.print(",seq:{},instance:{},status:{}]", sequence, instance, status);
    if (ctx.options.verbosity > 1) print_options(ctx, body.window(at, body.size()), left);
}

}  // namespace

void print_icmp6_rpl(Context& ctx, ByteReader message, std::uint32_t length) {
    unsigned code = message.u8_at(1);
    if (code & secured_bit) return ctx.put(", (SEC) [worktodo]");
    ctx.put(", (CLR)");
    // The body starts at the ICMPv6 data field (byte 4).
    ByteReader body = message.window(4, message.size());
    std::uint32_t body_length = length >= 4 ? length - 4 : 0;
    bool verbose = ctx.options.verbosity > 0;
    switch (static_cast<RplCode>(code)) {
    case RplCode::InformationSolicitation:
        return ctx.put("DODAG Information Solicitation");
    case RplCode::InformationObject:
        ctx.put("DODAG Information Object");
        if (verbose) print_dio(ctx, body, body_length);
        return;
    case RplCode::DestinationAdvertisement:
        ctx.put("Destination Advertisement Object");
        if (verbose) print_dao(ctx, body, body_length);
        return;
    case RplCode::DestinationAdvertisementAck:
        ctx.put("Destination Advertisement Object Ack");
        if (verbose) print_dao_ack(ctx, body, body_length);
        return;
    }
    ctx.print("RPL message, unknown code {}", code);
}

}  // namespace rawdump::print
