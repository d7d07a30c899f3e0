// The link-type table (tcpdump's if_printer table, for the types rawdump decodes).
#include "src/print/dispatch/link_types.hpp"

#include <array>

#include "src/print/link/cooked.hpp"
#include "src/print/link/ethernet.hpp"
#include "src/print/link/null_link.hpp"
#include "src/print/link/raw_ip.hpp"
#include "src/print/link/slip.hpp"

namespace rawdump::print {
namespace {

using LinkPrinter = std::size_t (*)(Context&, ByteReader, std::uint32_t);

struct LinkRoute {
    LinkType link;
    LinkPrinter print;
};

constexpr std::array link_routes{
    LinkRoute{LinkType::En10mb, print_ethernet},
    LinkRoute{LinkType::LinuxSll, print_linux_sll},
    LinkRoute{LinkType::LinuxSll2, print_linux_sll2},
    LinkRoute{LinkType::Null, print_null},
    LinkRoute{LinkType::Loop, print_null},  // tcpdump 4.99.3 reads both headers alike
    LinkRoute{LinkType::Raw, print_raw_ip},
    LinkRoute{LinkType::Ipv4, print_raw_ip},
    LinkRoute{LinkType::Ipv6, print_raw_ip},
    LinkRoute{LinkType::Slip, print_slip},
};

}  // namespace

std::optional<std::size_t> print_link_type(Context& ctx, LinkType link, ByteReader frame, std::uint32_t wire_length) {
    for (const auto& route : link_routes)
        if (route.link == link) return route.print(ctx, frame, wire_length);
    return std::nullopt;
}

}  // namespace rawdump::print
