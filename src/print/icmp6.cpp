// ICMPv6 (print-icmp6.c, tcpdump 4.99.3 wording). Echo is decoded; the other types print
// their name and length (neighbour discovery and MLD come with the next protocols).
#include <array>
#include <utility>

#include "src/print/checksum.hpp"
#include "src/print/protocols.hpp"
#include "src/print/transport.hpp"

namespace rawdump::print {
namespace {

enum class Icmp6Type : std::uint8_t { EchoRequest = 128, EchoReply = 129 };

// print-icmp6.c icmp6_type_values.
constexpr std::array<std::pair<std::uint8_t, std::string_view>, 24> icmp6_names{{
    {1, "destination unreachable"}, {2, "packet too big"}, {3, "time exceeded in-transit"},
    {4, "parameter problem"}, {128, "echo request"}, {129, "echo reply"},
    {130, "multicast listener query"}, {131, "multicast listener report"},
    {132, "multicast listener done"}, {133, "router solicitation"}, {134, "router advertisement"},
    {135, "neighbor solicitation"}, {136, "neighbor advertisement"}, {137, "redirect"},
    {138, "router renumbering"}, {139, "who-are-you request"}, {140, "who-are-you reply"},
    {141, "inverse neighbor solicitation"}, {142, "inverse neighbor advertisement"},
    {143, "multicast listener report v2"}, {144, "home agent discovery request"},
    {145, "home agent discovery reply"}, {146, "mobile router solicitation"},
    {147, "mobile router advertisement"},
}};

struct Icmp6Header {
    std::uint8_t type = 0, code = 0;
    std::uint16_t checksum = 0, id = 0, sequence = 0;
};

std::string_view type_name(std::uint8_t type) {
    for (const auto& [k, n] : icmp6_names)
        if (k == type) return n;
    return {};
}

}  // namespace

void print_icmp6(Context& ctx, ByteReader message, const IpInfo& ip) {
    std::uint32_t length = ip.length;
    if (length == 0) return ctx.put("ICMP6, length 0 (invalid)");
    if (ctx.options.verbosity > 0 && !ip.fragmented && message.has(length)) {
        ByteReader sum_reader = message.window(2, 2);
        std::uint16_t field = sum_reader.be16();
        std::uint32_t sum = ip.pseudo_sum(static_cast<std::uint8_t>(IpProto::Icmpv6), length);
        std::uint16_t computed = checksum_finish(checksum_add(sum, message.window(0, length).all()));
        if (computed != 0)
            ctx.print("[bad icmp6 cksum 0x{:04x} -> 0x{:04x}!] ", field, checksum_should_be(field, computed));
        else
            ctx.put("[icmp6 sum ok] ");
    }
    ByteReader r = message;
    Icmp6Header h;
    h.type = r.u8();
    if (r.truncated()) return ctx.truncated_unwind("icmp6");
    auto name = type_name(h.type);
    if (name.empty())
        ctx.print("ICMP6, unknown icmp6 type ({})", h.type);
    else
        ctx.print("ICMP6, {}", name);
    auto type = static_cast<Icmp6Type>(h.type);
    if (type == Icmp6Type::EchoRequest || type == Icmp6Type::EchoReply) {
        h.code = r.u8();
        h.checksum = r.be16();
        h.id = r.be16();
        h.sequence = r.be16();
        if (r.truncated()) return ctx.truncated_unwind("icmp6");
        ctx.print(", id {}, seq {}", h.id, h.sequence);
        if (ctx.options.verbosity == 0) ctx.print(", length {}", length);
        return;
    }
    ctx.print(", length {}", length);
}

}  // namespace rawdump::print
