// BSD loopback link types (print-null.c): LINKTYPE_NULL carries the address family in the
// capturing host's byte order, LINKTYPE_LOOP in network order.
#include <array>
#include <utility>

#include "src/print/hexdump.hpp"
#include "src/print/ip.hpp"
#include "src/print/link.hpp"

namespace rawdump::print {
namespace {

constexpr std::size_t null_header_length = 4;

// BSD AF_ values (they differ between BSDs for IPv6).
enum class BsdFamily : std::uint32_t { Inet = 2, Iso = 7, Appletalk = 16, Ipx = 23, Inet6Bsd = 24, Inet6FreeBsd = 28, Inet6Darwin = 30 };

constexpr std::array<std::pair<BsdFamily, std::string_view>, 7> family_names{{
    {BsdFamily::Inet, "IPv4"}, {BsdFamily::Iso, "OSI"}, {BsdFamily::Appletalk, "Appletalk"},
    {BsdFamily::Ipx, "IPX"}, {BsdFamily::Inet6Bsd, "IPv6"}, {BsdFamily::Inet6FreeBsd, "IPv6"},
    {BsdFamily::Inet6Darwin, "IPv6"},
}};

}  // namespace

std::size_t print_null(Context& ctx, ByteReader frame, std::uint32_t wire_length, bool network_order) {
    ByteReader r = frame;
    std::uint32_t family = r.be32();
    if (r.truncated() || wire_length < null_header_length) {
        ctx.truncated("null");
        return frame.size();
    }
    // NULL is in the writer's byte order: a value with high bits set must be swapped.
    if (!network_order && (family & 0xffff0000u) != 0)
        family = (family >> 24) | ((family >> 8) & 0xff00) | ((family << 8) & 0xff0000) | (family << 24);
    auto header = [&] {
        std::string_view name = "Unknown";
        for (const auto& [k, n] : family_names)
            if (static_cast<std::uint32_t>(k) == family) name = n;
        if (ctx.options.quiet)
            ctx.print("AF {}", name);  // tcpdump's -q form drops the number
        else
            ctx.print("AF {} ({})", name, family);
        ctx.print(", length {}: ", wire_length);
    };
    if (ctx.options.link_header) header();
    ByteReader payload = frame.window(null_header_length, frame.size());
    std::uint32_t length = wire_length - null_header_length;
    switch (static_cast<BsdFamily>(family)) {
    case BsdFamily::Inet:
        print_ipv4(ctx, payload, length);
        break;
    case BsdFamily::Inet6Bsd:
    case BsdFamily::Inet6FreeBsd:
    case BsdFamily::Inet6Darwin:
        print_ipv6(ctx, payload, length);
        break;
    default:
        if (!ctx.options.link_header) header();
        if (ctx.default_dump()) hex_ascii_dump(ctx.out, payload.all());
        break;
    }
    return null_header_length;
}

}  // namespace rawdump::print
