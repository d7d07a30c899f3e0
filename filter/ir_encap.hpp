// IR nodes for encapsulations and Linux packet metadata (F1): `vlan`, `mpls`, `pppoed`,
// `pppoes`, `inbound`/`outbound`, `ifindex`. Included by ir.hpp.
//
// vlan, mpls and pppoes change where everything lexically AFTER them looks (libpcap bumps
// its offsets as the parser reduces them), so codegen lowers the tree left to right and
// carries the shifted link-layer model along; see codegen.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

namespace rawdump::filter::ir {

// Source span of a primitive, for the errors codegen reports (e.g. "no VLAN match after
// MPLS", which depends on what came before).
struct Where {
    std::size_t offset = 0;
    std::size_t length = 0;
};

// `vlan [id]`: TPID 0x8100, 0x88a8 or 0x9100 in the link protocol field (and the 12-bit VID).
struct Vlan {
    std::optional<std::uint32_t> id;  // <= 4095 (sema checks)
    Where where;
};

// `mpls [label]`: EtherType 0x8847 (or the bottom-of-stack bit clear in the label before),
// and the 20-bit label.
struct Mpls {
    std::optional<std::uint32_t> label;  // <= 0xfffff
    Where where;
};

// `pppoed` (discovery, 0x8863) and `pppoes [session]` (session, 0x8864; what follows is
// read inside the PPP frame).
struct Pppoe {
    bool session;
    std::optional<std::uint32_t> id;  // <= 0xffff
    Where where;
};

// `geneve [vni]`: UDP destination port 6081 over IPv4 (first fragments) or IPv6, Geneve
// version 0, and the 24-bit VNI. What follows it would sit at a run-time offset (after the
// variable-length options), which codegen does not generate: it must be the last primitive
// that reads the packet.
struct Geneve {
    std::optional<std::uint32_t> vni;  // <= 0xffffff
    Where where;
};

// `inbound` / `outbound`: the Linux packet type (PACKET_OUTGOING = 4).
struct PacketDirection {
    bool outbound;
};

// `ifindex N`.
struct InterfaceIndex {
    std::uint32_t index;
};

}  // namespace rawdump::filter::ir
