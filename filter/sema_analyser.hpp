// The sema walker, shared by sema.cpp (expression structure, qualifier carry-over) and the
// files that check each family of primitives (sema_addresses, sema_ports, sema_keywords).
// Private to the filter library.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "filter/ast.hpp"
#include "filter/ir.hpp"
#include "filter/networks.hpp"
#include "filter/parse.hpp"
#include "filter/sema.hpp"

namespace rawdump::filter::sema_detail {

// The qualifiers a bare id inherits; `usable` is false after terms that have none.
struct Qualifiers {
    bool usable = false;
    const ast::Head* head = nullptr;
};

// Thrown by Analyser::fail and caught in analyse(), so the recursive walk stays readable.
struct Failure {
    Diagnostic diagnostic;
};

class Analyser {
public:
    Analyser(const SourcePositions& positions, const SemaOptions& options)
        : positions_(positions), options_(options) {}

    // Throws Failure (caught in analyse()) so the recursive walk stays readable.
    ir::NodePtr expression(const ast::Expr& expr, Qualifiers before, Qualifiers& after);

private:
    const SourcePositions& positions_;
    const SemaOptions& options_;
    // libpcap reads the frame inside Geneve as Ethernet whatever the capture's link, so the
    // primitives parsed after a `geneve` may use Ethernet addresses and LLC.
    bool after_geneve_ = false;
    bool has_mac_addresses() const { return options_.has_mac_addresses || after_geneve_; }

    [[noreturn]] void fail(SourceSpan span, std::string message) {
        throw Failure{Diagnostic{span.offset, span.length, std::move(message)}};
    }
    SourceSpan span(const ast::x3::position_tagged& node) const { return positions_.span_of(node); }

    // sema.cpp: structure
    SourceSpan span_of_id(const ast::IdOperand& operand) const;
    ir::NodePtr term(const ast::Term& node, Qualifiers before, Qualifiers& after);
    ir::NodePtr protocol(const ast::ProtoAbbrev& abbrev);
    // An id (value, `not id` or parenthesised id list) under the given qualifiers.
    ir::NodePtr id(const ast::Head& head, const ast::IdOperand& operand);
    ir::Direction direction(const ast::Head& head);
    ir::NodePtr value(const ast::Head& head, const ast::Value& value);

    // sema_addresses.cpp
    // `host` and `net` (and a bare id with no kind): IPv4 or IPv6 addresses and networks.
    ir::NodePtr address(const ast::Head& head, const ast::Value& value, AddressKind kind);
    // sema_hosts.cpp: `[ip|ip6|arp|rarp] [dir] host|net NAME` through SemaOptions' resolvers.
    ir::NodePtr named_address(const ast::Head& head, const ast::Value& value, AddressKind kind);
    // `ether [dir] host MAC` (libpcap's gen_ehostop).
    ir::NodePtr ethernet_address(const ast::Head& head, const ast::Value& value, AddressKind kind);

    // sema_keywords.cpp
    // Keyword primitives: `less N`, `greater N`, `[ether|ip|ip6] broadcast|multicast`; the
    // rest of the family is refused by name.
    ir::NodePtr other(const ast::Other& node);
    // sema_encap.cpp: vlan, mpls, pppoed, pppoes, geneve, inbound, outbound, ifindex (vxlan
    // refused); null if `keyword` is none of these.
    ir::NodePtr encapsulation(const ast::Other& node, const std::string& keyword,
                              const std::string& prefix);
    // `[ip|ip6|ether|link] proto N|name`. Without a qualifier, IPv4 or IPv6 (libpcap's
    // gen_proto with Q_DEFAULT).
    ir::NodePtr protocol_number(const ast::Head& head, const ast::Value& value);

    // sema_keywords.cpp: `llc [type]` (libpcap's gen_llc, gen_llc_i/s/u, gen_llc_s/u_subtype).
    ir::NodePtr llc(const ast::Other& node);

    // sema_osi.cpp: `iso proto N`, `isis proto N`, clnp/esis/isis/l1/l2/iih/lsp/snp/csnp/psnp.
    ir::NodePtr iso_protocol(std::uint32_t nlpid);
    ir::NodePtr isis_pdu(std::initializer_list<std::uint32_t> types);
    std::optional<ir::NodePtr> osi_abbreviation(ast::Proto proto);
    ir::NodePtr osi_proto(ast::Proto proto, std::uint32_t number);

    // sema_protochain.cpp: `[ip|ip6] protochain N|name`.
    ir::NodePtr protochain(const ast::Head& head, const ast::Value& value);

    // sema_arith.cpp: `arith relop arith`. Each converted value carries the guard its
    // packet accesses need (null if none).
    struct GuardedArith {
        ir::ArithPtr value;
        ir::NodePtr guard;
    };
    ir::NodePtr relation(const ast::Relation& node);
    GuardedArith arith(const ast::ArithChain& chain);
    GuardedArith arith(const ast::ArithOperand& operand);
    GuardedArith packet_access(const ast::PacketAccess& access);
    GuardedArith arith_value(const ast::ArithValue& value);

    // sema_ports.cpp
    // A port name's number and, if the name exists for only one transport, that transport
    // (libpcap's pcap_nametoport(): the same number for tcp and udp means "any").
    struct NamedPort {
        std::uint16_t number = 0;
        std::optional<IpProto> only;
    };
    // The transports a port (range) qualifier allows: sctp/tcp/udp by default.
    std::vector<IpProto> port_protocols(const ast::Head& head, std::string_view kind);
    std::uint16_t checked_port(std::uint32_t number, const ast::Value& value);
    std::optional<NamedPort> lookup_port(std::string_view name, const ast::Value& value);
    // Narrows `protocols` to a name's only transport, or refuses if the qualifier named
    // another one (`udp port ssh`: "port 'ssh' is tcp").
    void restrict_to(std::optional<IpProto> only, const ast::Head& head,
                     std::vector<IpProto>& protocols, const ast::Value& value,
                     std::string_view what);
    static std::string without_escape(const std::string& text);
    ir::NodePtr port(const ast::Head& head, const ast::Value& value);
    // `portrange 1000-2000`, `portrange 53` (53-53), `portrange ftp-ssh` (names resolved as
    // for `port`). Like libpcap's pcap_nametoportrange(), "N-M" is read as two decimal
    // numbers (anything after them is ignored), otherwise the text is split at its first '-'.
    ir::NodePtr port_range(const ast::Head& head, const ast::Value& value);
    // sscanf("%d-%d") on libpcap's side: leading decimal digits, '-', decimal digits.
    static bool two_decimal_numbers(std::string_view text, std::uint32_t& low, std::uint32_t& high);
    // One end of a named range: a decimal number (any transport) or a service name.
    std::optional<NamedPort> port_or_name(const std::string& text, const ast::Value& value);
};

}  // namespace rawdump::filter::sema_detail
