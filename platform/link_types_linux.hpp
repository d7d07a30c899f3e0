// Which link-layer header type a Linux device gets, as libpcap 1.10's map_arphrd_to_dlt()
// and setup_socket() decide it, and the names -L, -y and the banners use.
// Link types are LINKTYPE_* numbers (what pcap files hold): DLT_RAW is 101 here, not 12.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "src/core/link_type.hpp"

namespace rawdump::platform {

struct DeviceLinkTypes {
    LinkType link_type = LinkType::En10mb;  // the default (before -y)
    // Captured through a SOCK_DGRAM socket with a cooked header built in front of each
    // packet (any, and the device types libpcap reopens in cooked mode).
    bool cooked = false;
    // What -L lists and -y may choose (libpcap's dlt_list; just link_type when it has none).
    std::vector<LinkType> offered;
};

// `arphrd` is the device's ARPHRD_* type (SIOCGIFHWADDR); `wireless` that it is Wi-Fi
// (libpcap's is_wifi(): /sys/class/net/NAME/wireless), which is offered no DOCSIS.
DeviceLinkTypes link_types_for_device(int arphrd, std::string_view name, bool wireless);
// The "any" pseudo-device: cooked, LINUX_SLL first (tcpdump then asks for LINUX_SLL2).
DeviceLinkTypes link_types_for_any();

struct LinkTypeName {
    LinkType type;
    std::string_view name;         // "EN10MB"
    std::string_view description;  // "Ethernet"
    bool tcpdump_prints;           // false: tcpdump -L adds " (printing not supported)"
};

// Every link type a Linux device can get; nullptr for others.
const LinkTypeName* linux_link_type_name(LinkType type) noexcept;
// -y's lookup (case-insensitive), over the link types a Linux device can be offered.
std::optional<LinkType> linux_link_type_from_name(std::string_view name) noexcept;

// Whether a cooked capture builds this header (LINUX_SLL or LINUX_SLL2); the cooked device
// types libpcap leaves their own type (IrDA, LAPD, netlink) get an SLL header too, as libpcap.
inline bool is_linux_sll2(LinkType type) { return type == LinkType::LinuxSll2; }

}  // namespace rawdump::platform
