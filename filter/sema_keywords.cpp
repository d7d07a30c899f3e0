// Sema for `proto` and the keyword primitives (`less`, `greater`, `broadcast`, `multicast`).
#include "filter/sema_analyser.hpp"

#include <fmt/format.h>

#include "filter/addresses.hpp"
#include "filter/ast_print.hpp"
#include "filter/protocol_names.hpp"

namespace rawdump::filter::sema_detail {

using ast::Kind;
using ast::Proto;

// Keyword primitives: `less N`, `greater N`, `[ether|ip|ip6] broadcast|multicast`; the
// rest of the family is refused by name.
ir::NodePtr Analyser::other(const ast::Other& node) {
    const std::string& text = node.keyword;
    const auto last_space = text.find_last_of(" \t");
    const std::string keyword = last_space == std::string::npos ? text : text.substr(last_space + 1);
    const std::string prefix = last_space == std::string::npos ? "" : text.substr(0, text.find_first_of(" \t"));
    const bool link_prefix = prefix.empty() || prefix == "ether" || prefix == "link" ||
                             prefix == "ppp" || prefix == "slip" || prefix == "fddi" ||
                             prefix == "tr" || prefix == "wlan";
    auto no_argument = [&] {
        if (node.argument)
            fail(span(*node.argument), fmt::format("syntax error in filter expression: "
                                                   "'{}' takes no argument", keyword));
    };

    if (ir::NodePtr encapsulated = encapsulation(node, keyword, prefix)) return encapsulated;
    if (keyword == "less" || keyword == "greater") {
        if (!prefix.empty() || !node.argument || node.argument->form != ast::ValueForm::Number)
            fail(span(node), fmt::format("syntax error in filter expression: expected "
                                         "'{} LENGTH'", keyword));
        const auto length = parse_number(node.argument->text);
        if (!length) fail(span(*node.argument), number_error(node.argument->text));
        return ir::make(ir::PacketLength{keyword == "greater", *length});
    }
    if (keyword == "broadcast" && link_prefix) {
        no_argument();
        if (!has_mac_addresses()) fail(span(node), "not a broadcast link");
        return ir::make(ir::EthernetAddressMatch{ir::Direction::Dst, {0xff, 0xff, 0xff, 0xff, 0xff, 0xff}});
    }
    if (keyword == "multicast") {
        no_argument();
        if (prefix == "ip" || prefix == "ip6") return ir::make(ir::IpMulticast{prefix == "ip6"});
        if (link_prefix) {
            if (!has_mac_addresses())
                fail(span(node), "link-layer multicast filters supported only on ethernet/"
                                 "FDDI/token ring/ARCNET/802.11/ATM LANE/Fibre Channel");
            return ir::make(ir::EthernetMulticast{});
        }
    }
    if (keyword == "llc" && prefix.empty()) return llc(node);
    if (keyword == "broadcast" && prefix == "ip") {
        // libpcap's gen_broadcast(Q_IP): the destination's host part all zeros or all ones,
        // for the capture's netmask (0 when there is none, as for tcpdump -d: 0.0.0.0 and
        // 255.255.255.255).
        no_argument();
        const std::uint32_t host_mask = ~options_.netmask;
        auto one = [&](std::uint32_t address) {
            return ir::make(ir::Ipv4HostMatch{{EtherType::Ipv4}, ir::Direction::Dst,
                                              address, host_mask});
        };
        return ir::make(ir::Or{one(0), one(host_mask)});
    }
    if (keyword == "broadcast" && prefix == "ip6")
        fail(span(node), "only link-layer/IP broadcast filters supported");
    fail(span(node), fmt::format("'{}' is not supported yet", text));
}

// `llc [type]`: any 802.2 frame, an I/S/U format, or an S/U frame subtype.
ir::NodePtr Analyser::llc(const ast::Other& node) {
    if (!has_mac_addresses())
        fail(span(node), "'llc' is supported only on Ethernet links");
    using Format = ir::LlcFrame::Format;
    if (!node.argument) return ir::make(ir::LlcFrame{Format::Any});
    struct Subtype {
        std::string_view name;
        Format format;
        std::uint32_t mask, value;
    };
    constexpr std::uint32_t s_mask = 0x0f, u_mask = 0xef;  // without the poll/final bit
    static constexpr Subtype subtypes[] = {
        {"i", Format::Information, 0, 0}, {"s", Format::Masked, 0x03, 0x01},
        {"u", Format::Masked, 0x03, 0x03},  {"rr", Format::Masked, s_mask, 0x01},
        {"rnr", Format::Masked, s_mask, 0x05}, {"rej", Format::Masked, s_mask, 0x09},
        {"ui", Format::Masked, u_mask, 0x03}, {"ua", Format::Masked, u_mask, 0x63},
        {"disc", Format::Masked, u_mask, 0x43}, {"dm", Format::Masked, u_mask, 0x0f},
        {"sabme", Format::Masked, u_mask, 0x6f}, {"test", Format::Masked, u_mask, 0xe3},
        {"xid", Format::Masked, u_mask, 0xaf}, {"frmr", Format::Masked, u_mask, 0x87},
    };
    const std::string name = without_escape(node.argument->text);
    for (const Subtype& subtype : subtypes)
        if (subtype.name == name)
            return ir::make(ir::LlcFrame{subtype.format, subtype.mask, subtype.value});
    fail(span(*node.argument), fmt::format("unknown LLC type name \"{}\"", name));
}

// `[ip|ip6|ether|link] proto N|name`. Without a qualifier, IPv4 or IPv6 (libpcap's
// gen_proto with Q_DEFAULT).
ir::NodePtr Analyser::protocol_number(const ast::Head& head, const ast::Value& value) {
    if (head.dir)
        fail(span(*head.dir), fmt::format("syntax error in filter expression: '{}' cannot "
                                          "qualify 'proto'", ast::name_of(head.dir->value)));
    const Proto proto = head.proto ? head.proto->value : Proto::Ip;  // Ip stands for "any IP"
    const bool link = proto == Proto::Ether;
    if (proto == Proto::Arp || proto == Proto::Rarp)
        fail(span(*head.proto), fmt::format("{} does not encapsulate another protocol",
                                            ast::name_of(proto)));
    if (proto == Proto::Iso || proto == Proto::Isis) {  // NLPID / IS-IS PDU type
        if (!value.suffix.empty()) fail(span(value), "a protocol number takes no '/len' or 'mask'");
        std::optional<std::uint32_t> number;
        if (value.form == ast::ValueForm::Number) {
            number = parse_number(value.text);
            if (!number) fail(span(value), number_error(value.text));
        } else if (value.form == ast::ValueForm::Name && proto == Proto::Iso) {
            static constexpr std::array nlpids{NumberName{"clnp", 0x81}, NumberName{"esis", 0x82},
                                               NumberName{"isis", 0x83}};
            number = number_of(nlpids, without_escape(value.text));
        }
        if (!number)
            fail(span(value), fmt::format("unknown osi proto '{}'", without_escape(value.text)));
        return osi_proto(proto, *number);
    }
    if (!link && proto != Proto::Ip && proto != Proto::Ip6) {
        if (proto == Proto::Tcp || proto == Proto::Udp || proto == Proto::Sctp ||
            proto == Proto::Icmp || proto == Proto::Icmp6)
            fail(span(*head.proto), fmt::format("'{} proto' is bogus", ast::name_of(proto)));
        fail(span(*head.proto), fmt::format("'{} proto' is not supported yet", ast::name_of(proto)));
    }
    if (!value.suffix.empty()) fail(span(value), "a protocol number takes no '/len' or 'mask'");

    std::uint32_t number = 0;
    if (value.form == ast::ValueForm::Number) {
        const auto parsed = parse_number(value.text);
        if (!parsed) fail(span(value), number_error(value.text));
        number = *parsed;
    } else if (value.form == ast::ValueForm::Name) {
        const std::string name = without_escape(value.text);
        auto found = link ? number_of(ether_type_names, name) : number_of(ip_protocol_names, name);
        if (link && !found) found = number_of(llc_names, name);
        if (!found)
            fail(span(value), fmt::format("unknown {} proto '{}'", link ? "ether" : "ip", name));
        number = *found;
    } else {
        fail(span(value), fmt::format("'{}' is not a protocol number or name", value.text));
    }

    if (link) {
        // Values up to 1500 are 802.3 lengths: libpcap then tests LLC headers instead (and
        // looks for AppleTalk and AARP in SNAP frames too).
        constexpr std::uint32_t max_8023_length = 1500, atalk = 0x809b, aarp = 0x80f3;
        if (number <= max_8023_length || number == atalk || number == aarp)
            return ir::make(ir::LlcProtocol{number});
        return ir::make(ir::NetworkProtocol{static_cast<EtherType>(number)});
    }
    const bool ipv4 = !head.proto || proto == Proto::Ip;
    const bool ipv6 = !head.proto || proto == Proto::Ip6;
    return ir::make(ir::TransportProtocol{static_cast<IpProto>(number), ipv4, ipv6});
}

}  // namespace rawdump::filter::sema_detail
