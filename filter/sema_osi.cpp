// Sema for the OSI primitives libpcap builds on 802.2 LLC (SAP 0xfe): `iso proto N`,
// `clnp`, `esis`, `isis`, `isis proto N` and the IS-IS PDU families `l1 l2 iih lsp snp csnp
// psnp` (gen_proto with Q_ISO/Q_ISIS). The NLPID is the byte after the 3-byte LLC header,
// the IS-IS PDU type the 5th byte of the IS-IS header.
#include "filter/sema_analyser.hpp"

#include <initializer_list>

namespace rawdump::filter::sema_detail {
namespace {

constexpr std::uint32_t sap_iso = 0xfe, nlpid_offset = 3, isis_pdu_type_offset = 7;
constexpr std::uint32_t nlpid_clnp = 0x81, nlpid_esis = 0x82, nlpid_isis = 0x83;

ir::NodePtr byte_equals(std::uint32_t offset, std::uint32_t value) {
    return ir::make(ir::ArithRelation{
        ir::make_arith(ir::ArithLoad{ir::AccessBase::Network,
                                     ir::make_arith(ir::ArithConstant{offset}), 1}),
        ir::RelOp::Equal, ir::make_arith(ir::ArithConstant{value})});
}

}  // namespace

ir::NodePtr Analyser::iso_protocol(std::uint32_t nlpid) {
    return ir::make(ir::And{ir::make(ir::LlcProtocol{sap_iso}), byte_equals(nlpid_offset, nlpid)});
}

ir::NodePtr Analyser::isis_pdu(std::initializer_list<std::uint32_t> types) {
    ir::NodePtr any;
    for (std::uint32_t type : types) {
        ir::NodePtr one = byte_equals(isis_pdu_type_offset, type);
        any = any ? ir::make(ir::Or{std::move(any), std::move(one)}) : std::move(one);
    }
    return ir::make(ir::And{iso_protocol(nlpid_isis), std::move(any)});
}

std::optional<ir::NodePtr> Analyser::osi_abbreviation(ast::Proto proto) {
    using ast::Proto;
    switch (proto) {
        case Proto::Clnp: return iso_protocol(nlpid_clnp);
        case Proto::Esis: return iso_protocol(nlpid_esis);
        case Proto::Isis: return iso_protocol(nlpid_isis);
        // IS-IS PDU types: L1/L2 LAN hello 15/16, point-to-point hello 17, L1/L2 LSP 18/20,
        // L1/L2 CSNP 24/25, L1/L2 PSNP 26/27.
        case Proto::L1: return isis_pdu({15, 17, 18, 24, 26});
        case Proto::L2: return isis_pdu({16, 17, 20, 25, 27});
        case Proto::Iih: return isis_pdu({15, 16, 17});
        case Proto::Lsp: return isis_pdu({18, 20});
        case Proto::Snp: return isis_pdu({24, 25, 26, 27});
        case Proto::Csnp: return isis_pdu({24, 25});
        case Proto::Psnp: return isis_pdu({26, 27});
        default: return std::nullopt;
    }
}

ir::NodePtr Analyser::osi_proto(ast::Proto proto, std::uint32_t number) {
    if (proto == ast::Proto::Isis) return isis_pdu({number});
    return iso_protocol(number);
}

}  // namespace rawdump::filter::sema_detail
