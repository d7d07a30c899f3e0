// DHCPv6 messages (print-dhcp6.c dhcp6_print of tcpdump 4.99.3); the options are in
// dhcp6_options.cpp.
#include "src/print/app/dhcp6.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "src/print/app/dhcp6_internal.hpp"

namespace rawdump::print {
namespace dhcp6 {
namespace {

constexpr std::uint8_t relay_forward = 12;
constexpr std::uint8_t relay_reply = 13;
constexpr std::uint32_t transaction_id_mask = 0x00ffffff;  // the low 3 bytes of the first word
constexpr std::size_t header_length = 4;                   // message type, transaction id
constexpr std::size_t link_address_at = 2;                 // relays: type, hop count, two addresses
constexpr std::size_t peer_address_at = 18;
constexpr std::size_t relay_header_length = 34;

constexpr std::array<std::pair<std::uint8_t, std::string_view>, 15> message_types{{
    {1, "solicit"}, {2, "advertise"}, {3, "request"}, {4, "confirm"}, {5, "renew"},
    {6, "rebind"}, {7, "reply"}, {8, "release"}, {9, "decline"}, {10, "reconfigure"},
    {11, "inf-req"}, {12, "relay-fwd"}, {13, "relay-reply"}, {14, "leasequery"},
    {15, "leasequery-reply"},
}};

}  // namespace

std::string_view message_type_name(std::uint8_t type) noexcept {
    for (const auto& [code, name] : message_types)
        if (code == type) return name;
    return {};
}

void print_address(Message& m, std::size_t at) {
    m.ctx.host(m.ipv6(at));
}

bool print_message(Message& m, std::uint32_t length) {
    m.ctx.put("dhcp6");
    // tcpdump's ep: the declared length, or the capture if that ends first.
    const std::size_t end = std::min<std::size_t>(m.end(), length);
    if (!m.has(0, header_length)) {
        m.ctx.truncated("dhcp6");
        return true;
    }
    const std::uint8_t type = m.u8(0);
    auto name = message_type_name(type);
    auto print_name = [&] {
        if (name.empty())
            m.ctx.print(" msgtype-{}", type);
        else
            m.ctx.print(" {}", name);
    };
    print_name();
    if (m.ctx.options.verbosity == 0) return true;

    m.ctx.put(" (");
    if (type != relay_forward && type != relay_reply) {
        m.ctx.print("xid={:x}", m.be32(0) & transaction_id_mask);
        if (!print_options(m, header_length, end)) return false;
    } else {
        // The relay addresses are read without a check first: a short capture unwinds.
        if (!m.has(link_address_at, 16)) {
            m.ctx.truncated_unwind("dhcp6");
            return false;
        }
        m.ctx.put("linkaddr=");
        print_address(m, link_address_at);
        if (!m.has(peer_address_at, 16)) {
            m.ctx.truncated_unwind("dhcp6");
            return false;
        }
        m.ctx.put(" peeraddr=");
        print_address(m, peer_address_at);
        if (!print_options(m, relay_header_length, end)) return false;
    }
    m.ctx.put(')');
    return true;
}

}  // namespace dhcp6

void print_dhcp6(Context& ctx, ByteReader payload, std::uint32_t length) {
    dhcp6::Message m(ctx, payload, DnsFlavor::Unicast);
    dhcp6::print_message(m, length);
}

}  // namespace rawdump::print
