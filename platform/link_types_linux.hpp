// Which link-layer header type a Linux device gets, as libpcap 1.10's map_arphrd_to_dlt()
// and setup_socket() decide it, and the names -L, -y and the banners use.
// Link types are LINKTYPE_* numbers (what pcap files hold): DLT_RAW is 101 here, not 12.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace rawdump::platform {

namespace linktype {
inline constexpr std::uint32_t en10mb = 1;
inline constexpr std::uint32_t raw = 101;
inline constexpr std::uint32_t linux_sll = 113;
inline constexpr std::uint32_t docsis = 143;
inline constexpr std::uint32_t linux_sll2 = 276;
}  // namespace linktype

struct DeviceLinkTypes {
    std::uint32_t link_type = linktype::en10mb;  // the default (before -y)
    // Captured through a SOCK_DGRAM socket with a cooked header built in front of each
    // packet (any, and the device types libpcap reopens in cooked mode).
    bool cooked = false;
    // What -L lists and -y may choose (libpcap's dlt_list; just link_type when it has none).
    std::vector<std::uint32_t> offered;
};

// `arphrd` is the device's ARPHRD_* type (SIOCGIFHWADDR); `wireless` that it is Wi-Fi
// (libpcap's is_wifi(): /sys/class/net/NAME/wireless), which is offered no DOCSIS.
DeviceLinkTypes link_types_for_device(int arphrd, std::string_view name, bool wireless);
// The "any" pseudo-device: cooked, LINUX_SLL first (tcpdump then asks for LINUX_SLL2).
DeviceLinkTypes link_types_for_any();

struct LinkTypeName {
    std::uint32_t type;
    std::string_view name;         // "EN10MB"
    std::string_view description;  // "Ethernet"
    bool tcpdump_prints;           // false: tcpdump -L adds " (printing not supported)"
};

// Every link type a Linux device can get; nullptr for others.
const LinkTypeName* linux_link_type_name(std::uint32_t type) noexcept;
// -y's lookup (case-insensitive), over the link types a Linux device can be offered.
std::optional<std::uint32_t> linux_link_type_from_name(std::string_view name) noexcept;

// Whether a cooked capture builds this header (LINUX_SLL or LINUX_SLL2); the cooked device
// types libpcap leaves their own type (IrDA, LAPD, netlink) get an SLL header too, as libpcap.
inline bool is_linux_sll2(std::uint32_t type) { return type == linktype::linux_sll2; }

}  // namespace rawdump::platform
