// BSD loopback link types (print-null.c): LINKTYPE_NULL carries the address family in the
// capturing host's byte order, LINKTYPE_LOOP in network order; tcpdump 4.99.3 reads both the
// same way (see print_null).
#include <array>
#include <utility>

#include "src/print/base/hexdump.hpp"
#include "src/print/dispatch/ethertypes.hpp"
#include "src/print/link/null_link.hpp"
#include "src/print/base/name_table.hpp"

namespace rawdump::print {
namespace {

constexpr std::size_t null_header_length = 4;

// BSD AF_ values (they differ between BSDs for IPv6).
enum class BsdFamily : std::uint32_t {
    Inet = 2, Ns = 6, Iso = 7, Appletalk = 16, Ipx = 23, Inet6Bsd = 24, Inet6FreeBsd = 28, Inet6Darwin = 30
};

// Every family tcpdump 4.99.3 names (observed on the values 0..39).
constexpr std::array<std::pair<BsdFamily, std::string_view>, 8> family_names{{
    {BsdFamily::Inet, "IPv4"}, {BsdFamily::Ns, "NS"}, {BsdFamily::Iso, "ISO"}, {BsdFamily::Appletalk, "Appletalk"},
    {BsdFamily::Ipx, "IPX"}, {BsdFamily::Inet6Bsd, "IPv6"}, {BsdFamily::Inet6FreeBsd, "IPv6"},
    {BsdFamily::Inet6Darwin, "IPv6"},
}};

}  // namespace

std::size_t print_null(Context& ctx, ByteReader frame, std::uint32_t wire_length) {
    ByteReader r = frame;
    // tcpdump 4.99.3 reads the family in its own host's byte order for both link types (the
    // reference runs on little-endian x86), and byte-swaps a value with any of its upper 16
    // bits set, taking it for one written on a host of the other byte order. The swapped
    // value is also the one printed for an unknown family.
    std::uint32_t family = r.le32();
    if (r.truncated() || wire_length < null_header_length) {
        ctx.truncated("null");
        return 0;  // tcpdump still dumps the whole frame under -x
    }
    if ((family & 0xffff0000u) != 0)
        family = (family >> 24) | ((family >> 8) & 0xff00) | ((family << 8) & 0xff0000) | (family << 24);
    auto header = [&] {
        const std::string_view name = name_of(family_names, static_cast<BsdFamily>(family));
        if (!ctx.options.quiet)
            ctx.print("AF {} ({})", name.empty() ? std::string_view{"Unknown"} : name, family);
        else if (name.empty())  // -q: the bare name, or the number when there is none
            ctx.print("Unknown AF {}", family);
        else
            ctx.put(name);
        ctx.print(", length {}: ", wire_length);
    };
    if (ctx.options.link_header) header();
    ByteReader payload = frame.window(null_header_length, frame.size());
    std::uint32_t length = wire_length - null_header_length;
    switch (static_cast<BsdFamily>(family)) {
    case BsdFamily::Inet:
        print_network(ctx, EtherType::Ipv4, payload, length);
        break;
    case BsdFamily::Inet6Bsd:
    case BsdFamily::Inet6FreeBsd:
    case BsdFamily::Inet6Darwin:
        print_network(ctx, EtherType::Ipv6, payload, length);
        break;
    default:
        if (!ctx.options.link_header) header();
        if (ctx.default_dump()) hex_ascii_dump(ctx.out, payload.all());
        break;
    }
    return null_header_length;
}

}  // namespace rawdump::print
