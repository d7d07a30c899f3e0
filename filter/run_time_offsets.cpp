#include "filter/run_time_offsets.hpp"

#include <array>

namespace rawdump::filter::run_time_offsets {
namespace {

constexpr Insn statement(std::uint16_t code, std::uint32_t k) { return Insn{code, 0, 0, k}; }

// Tagged offsets lie within this distance of their base's tagged zero (real offsets and
// the ancillary area are far from every tag).
constexpr std::uint32_t tag_reach = 0x0800'0000;

struct Tagged {
    Base base;
    std::uint32_t constant;
};

std::optional<Tagged> untag(std::uint32_t k) {
    for (Base base : {Base::LinkHeader, Base::LinkType, Base::Network}) {
        const std::uint32_t distance = k - tagged_zero(base) + tag_reach;  // wraps below zero
        if (distance < 2 * tag_reach) return Tagged{base, k - tagged_zero(base)};
    }
    return std::nullopt;
}

// Which base a register already includes (none: it holds an index or a value alone). Not a
// std::optional<Base>: with that, GCC 12 at -O2 reports the disengaged optional's payload as
// possibly read uninitialised (-Wmaybe-uninitialized in the comparison below); every field
// here always has a value, so there is nothing for it to doubt.
struct IncludedBase {
    bool present = false;
    Base base = Base::LinkHeader;

    static IncludedBase of(Base which) { return {true, which}; }
    explicit operator bool() const { return present; }
    bool is(Base which) const { return present && base == which; }
};

}  // namespace

std::optional<std::vector<Insn>> relocate(const std::vector<Insn>& loads) {
    std::vector<Insn> out;
    out.reserve(loads.size() + 4);
    // Which base X (and A) already include, as the run-time code adds them in.
    IncludedBase x_base, a_base;
    for (const Insn& insn : loads) {
        const auto cls = op::cls(insn.code);
        const auto mode = op::mode(insn.code);
        const bool packet = (cls == op::ld && (mode == op::abs || mode == op::ind)) ||
                            (cls == op::ldx && mode == op::msh);
        const auto tagged = packet ? untag(insn.k) : std::nullopt;
        if (packet && insn.k < ancillary_base && !tagged && mode != op::ind) return std::nullopt;
        if (tagged && cls == op::ld && mode == op::abs) {
            // ld [base + c]  ->  ldx M[base]; ld [x + c]
            out.push_back(statement(op::ldx | op::mem, slot(tagged->base)));
            out.push_back(statement(op::ld | op::size(insn.code) | op::ind, tagged->constant));
            x_base = IncludedBase::of(tagged->base);
            a_base = {};
        } else if (tagged && cls == op::ldx) {
            // ldxb 4*([base + c]&0xf)  ->  X = base + 4*(P[base + c] & 0xf), as libpcap's
            // gen_loadx_iphdrlen does for a variable offset (X then includes the base).
            out.push_back(statement(op::ldx | op::mem, slot(tagged->base)));
            out.push_back(statement(op::ld | op::b | op::ind, tagged->constant));
            out.push_back(statement(op::alu | op::and_ | op::k, 0xf));
            out.push_back(statement(op::alu | op::lsh | op::k, 2));
            out.push_back(statement(op::alu | op::add | op::x, 0));
            out.push_back(statement(op::misc | op::tax, 0));
            x_base = a_base = IncludedBase::of(tagged->base);
        } else if (tagged && cls == op::ld) {  // ld [x + base + c]
            if (x_base && !x_base.is(tagged->base)) return std::nullopt;
            if (!x_base) {
                // X holds an index alone: add the base to it (A is about to be loaded anyway).
                out.push_back(statement(op::ld | op::mem, slot(tagged->base)));
                out.push_back(statement(op::alu | op::add | op::x, 0));
                out.push_back(statement(op::misc | op::tax, 0));
                x_base = IncludedBase::of(tagged->base);
            }
            out.push_back(statement(insn.code, tagged->constant));
            a_base = {};
        } else if (packet && mode == op::ind && insn.k < ancillary_base) {
            return std::nullopt;  // an index load of the outer packet: nothing emits one
        } else {
            if (cls == op::misc && insn.code == (op::misc | op::tax)) x_base = a_base;
            else if (cls == op::misc) a_base = x_base;  // txa
            else if (cls == op::alu && op::aluop(insn.code) == op::add && op::src(insn.code) == op::x) {
                if (a_base && x_base) return std::nullopt;  // a base counted twice
                a_base = a_base ? a_base : x_base;
            } else if (cls == op::alu && op::src(insn.code) == op::k &&
                       (op::aluop(insn.code) == op::add || op::aluop(insn.code) == op::sub)) {
                // base + constant still includes the base
            } else if (cls == op::ld || cls == op::alu) {
                a_base = {};
            } else if (cls == op::ldx) {
                x_base = {};
            }
            out.push_back(insn);
        }
    }
    return out;
}

cfg::BlockId emit_geneve_offsets(cfg::Graph& graph, std::uint32_t network_constant, cfg::BlockId next) {
    constexpr std::uint32_t udp_header = 8, geneve_header = 8, protocol_type = 2;
    constexpr std::uint32_t options_length_mask = 0x3f;  // in 4-byte words
    constexpr std::uint32_t transparent_ethernet_bridging = 0x6558;
    constexpr std::uint32_t ethernet_type = 12, ethernet_header = 14;
    const std::uint32_t link_header = slot(Base::LinkHeader), link_type = slot(Base::LinkType),
                        network = slot(Base::Network);
    // An inner Ethernet frame: its type field and payload follow its MAC addresses.
    const cfg::BlockId ethernet = cfg::add_straight(
        graph,
        {statement(op::ld | op::mem, link_header), statement(op::alu | op::add | op::k, ethernet_type),
         statement(op::st, link_type), statement(op::alu | op::add | op::k, ethernet_header - ethernet_type),
         statement(op::st, network)},
        next);
    // Anything else: Geneve's protocol type names the payload, which starts right there.
    const cfg::BlockId bare = cfg::add_straight(
        graph, {statement(op::ld | op::mem, link_header), statement(op::st, network)}, next);
    cfg::Block header;
    header.statements = {
        statement(op::alu | op::add | op::k, network_constant + udp_header),  // A = Geneve header
        statement(op::misc | op::tax, 0),
        statement(op::alu | op::add | op::k, protocol_type),
        statement(op::st, link_type),
        statement(op::ld | op::b | op::ind, 0),
        statement(op::alu | op::and_ | op::k, options_length_mask),
        statement(op::alu | op::lsh | op::k, 2),
        statement(op::alu | op::add | op::k, geneve_header),
        statement(op::alu | op::add | op::x, 0),
        statement(op::st, link_header),
        statement(op::ld | op::h | op::ind, protocol_type),
    };
    header.test = statement(op::jmp | op::jeq | op::k, transparent_ethernet_bridging);
    header.on_true = ethernet;
    header.on_false = bare;
    header.feeds_successors = true;
    return graph.add(std::move(header));
}

}  // namespace rawdump::filter::run_time_offsets
