// tcpdump's compiled-in MIB tree (mib.h): OID component names printed without -n.
#pragma once

#include <cstdint>
#include <string_view>

namespace rawdump::print::snmp {

struct MibNode {
    std::string_view name;
    std::uint8_t subid;
    std::uint16_t first_child;  // index in the table; meaningless when child_count is 0
    std::uint8_t child_count;
};

// Table indices of the nodes print-snmp.c abbreviates ("", "E:", "X:", "S:").
inline constexpr std::uint16_t experimental_node = 6;
inline constexpr std::uint16_t mib_node = 10;
inline constexpr std::uint16_t enterprises_node = 11;
inline constexpr std::uint16_t snmp_modules_node = 12;

// iso(1), the only top-level node.
const MibNode* mib_root();
const MibNode* mib_node_at(std::uint16_t index);
// The child of `parent` with this sub-identifier; nullptr when there is none (or no parent).
const MibNode* mib_child(const MibNode* parent, std::uint32_t subid);

}  // namespace rawdump::print::snmp
