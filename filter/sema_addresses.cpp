// Sema for `host`, `net` and `ether host`: address forms, masks and the protocol qualifiers
// each allows, with libpcap's messages.
#include "filter/sema_analyser.hpp"

#include <fmt/format.h>

#include "filter/addresses.hpp"
#include "filter/ast_print.hpp"
#include "filter/networks.hpp"

namespace rawdump::filter::sema_detail {

using ast::Kind;
using ast::Proto;

// `host` and `net` (and a bare id with no kind): IPv4 or IPv6 addresses and networks.
ir::NodePtr Analyser::address(const ast::Head& head, const ast::Value& value, AddressKind kind) {
    const ir::Direction dir = direction(head);
    const std::optional<Proto> proto =
        head.proto ? std::optional<Proto>{head.proto->value} : std::nullopt;
    const std::string_view kind_word = kind == AddressKind::Net ? "net" : "host";
    auto modifier_error = [&](std::string_view what) {
        fail(span(*head.proto), fmt::format("'{}' modifier applied to {}", ast::name_of(*proto), what));
    };
    auto value_error = [&](const std::string& message) { fail(span(value), message); };
    if (proto == Proto::Ether) return ethernet_address(head, value, kind);
    if (proto == Proto::Decnet && value.form == ast::ValueForm::Ipv4 && value.suffix.empty()) {
        // AREA.NODE as libpcap's __pcap_atodn reads it ("%d.%d"; bits beyond 6/10 dropped).
        const auto dot = value.text.find('.');
        const auto area = parse_number(value.text.substr(0, dot));
        const auto node = parse_number(value.text.substr(dot + 1, value.text.find('.', dot + 1) - dot - 1));
        if (area && node)
            return ir::make(ir::DecnetHostMatch{
                dir, static_cast<std::uint16_t>((*area << 10 & 0xfc00) | (*node & 0x3ff))});
    }
    if (proto == Proto::Decnet && value.form == ast::ValueForm::Number) {
        // A plain number is the 16-bit address itself (libpcap's gen_ncode).
        const auto number = parse_number(value.text);
        if (number) return ir::make(ir::DecnetHostMatch{dir, static_cast<std::uint16_t>(*number)});
    }
    if (proto == Proto::Decnet && value.form == ast::ValueForm::Name)
        fail(span(value), fmt::format("decnet name support not included, '{}' cannot be "
                                      "translated", without_escape(value.text)));
    if (proto == Proto::Decnet && value.form != ast::ValueForm::Mac)
        fail(span(head), fmt::format("'decnet {}' other than AREA.NODE is not supported", kind_word));
    if (value.form == ast::ValueForm::Mac)
        fail(span(value), "ethernet address used in non-ether expression");

    switch (value.form) {
        case ast::ValueForm::Ipv4:
        case ast::ValueForm::Number: {
            // libpcap takes a bare number as the 32-bit address itself: host 22 = 0.0.0.22.
            auto network = ipv4_network(value.text, value.form == ast::ValueForm::Number,
                                        value.suffix, kind);
            if (!network) value_error(network.error());
            std::vector<EtherType> carriers;
            if (!proto) carriers = {EtherType::Ipv4, EtherType::Arp, EtherType::ReverseArp};
            else if (*proto == Proto::Ip) carriers = {EtherType::Ipv4};
            else if (*proto == Proto::Arp) carriers = {EtherType::Arp};
            else if (*proto == Proto::Rarp) carriers = {EtherType::ReverseArp};
            else if (*proto == Proto::Ip6) modifier_error("ip host");
            else modifier_error(kind_word);
            return ir::make(ir::Ipv4HostMatch{std::move(carriers), dir, network->address, network->mask});
        }
        case ast::ValueForm::Ipv6: {
            auto network = ipv6_network(value.text, value.suffix, kind);
            if (!network) value_error(network.error());
            if (proto && *proto != Proto::Ip6) {
                if (*proto == Proto::Ip || *proto == Proto::Arp || *proto == Proto::Rarp)
                    modifier_error(fmt::format("ip6 {}", kind_word));
                modifier_error(kind_word);
            }
            return ir::make(ir::Ipv6HostMatch{dir, network->address, network->mask});
        }
        case ast::ValueForm::Mac:  // handled above
        case ast::ValueForm::Range:
            fail(span(value), fmt::format("'{}' is not a {} address", value.text, kind_word));
        case ast::ValueForm::Name: return named_address(head, value, kind);
    }
    fail(span(value), "unexpected address");
}

// `ether [dir] host MAC` (libpcap's gen_ehostop).
ir::NodePtr Analyser::ethernet_address(const ast::Head& head, const ast::Value& value, AddressKind kind) {
    // Colon-separated text that is not six bytes scans as IPv6: a malformed MAC here.
    if (value.form == ast::ValueForm::Ipv6)
        fail(span(value), fmt::format("bogus ethernet address {}", value.text));
    // Names would come from /etc/ethers, which rawdump does not read.
    if (value.form == ast::ValueForm::Name)
        fail(span(value), fmt::format("unknown ether host '{}'", without_escape(value.text)));
    if (value.form != ast::ValueForm::Mac) fail(span(value), "illegal link layer address");
    if (kind != AddressKind::Host) fail(span(value), "ethernet address used in non-ether expression");
    if (!has_mac_addresses())
        fail(span(value), "ethernet addresses supported only on ethernet/FDDI/token ring/"
                          "802.11/ATM LANE/Fibre Channel");
    const auto mac = parse_mac(value.text);
    if (!mac) fail(span(value), fmt::format("bogus ethernet address {}", value.text));
    return ir::make(ir::EthernetAddressMatch{direction(head), *mac});
}

}  // namespace rawdump::filter::sema_detail
