#include "platform/link_types_linux.hpp"

#include <linux/if_arp.h>

#include <array>

namespace rawdump::platform {

namespace {

// LINKTYPE values of the other types map_arphrd_to_dlt() hands out.
enum : std::uint32_t {
    kEn3mb = 2, kAx25Kiss = 202, kPronet = 4, kChaos = 5, kIeee802 = 6, kArcnetLinux = 129,
    kFddi = 10, kIeee80211 = 105, kPrism = 119, kIeee80211Radio = 127, kPpp = 9,
    kCHdlc = 104, kFrelay = 107, kLtalk = 114, kIpOverFc = 122, kFc2 = 224,
    kFc2Delims = 225, kLinuxIrda = 144, kLinuxLapd = 177, kIeee802154NoFcs = 230,
    kNetlink = 253, kVsock = 271, kCanSocketcan = 227,
};

// Names and descriptions as libpcap 1.10 gives them (pcap_datalink_val_to_name/description,
// checked with tcpdump -L on tun devices retyped with TUNSETLINK); "printing not supported"
// as tcpdump 4.99.3 marks it. EN3MB, PRONET and CHAOS have no libpcap name ("DLT 2").
constexpr std::array kNames{
    LinkTypeName{linktype::en10mb, "EN10MB", "Ethernet", true},
    LinkTypeName{linktype::docsis, "DOCSIS", "DOCSIS", false},
    LinkTypeName{linktype::raw, "RAW", "Raw IP", true},
    LinkTypeName{linktype::linux_sll, "LINUX_SLL", "Linux cooked v1", true},
    LinkTypeName{linktype::linux_sll2, "LINUX_SLL2", "Linux cooked v2", true},
    LinkTypeName{kAx25Kiss, "AX25_KISS", "AX.25 with KISS header", false},
    LinkTypeName{kIeee802, "IEEE802", "Token ring", true},
    LinkTypeName{kArcnetLinux, "ARCNET_LINUX", "Linux ARCNET", true},
    LinkTypeName{kFddi, "FDDI", "FDDI", true},
    LinkTypeName{kIeee80211, "IEEE802_11", "802.11", true},
    LinkTypeName{kPrism, "PRISM_HEADER", "802.11 plus Prism header", true},
    LinkTypeName{kIeee80211Radio, "IEEE802_11_RADIO", "802.11 plus radiotap header", true},
    LinkTypeName{kPpp, "PPP", "PPP", true},
    LinkTypeName{kCHdlc, "C_HDLC", "Cisco HDLC", true},
    LinkTypeName{kFrelay, "FRELAY", "Frame Relay", true},
    LinkTypeName{kLtalk, "LTALK", "Localtalk", true},
    LinkTypeName{kIpOverFc, "IP_OVER_FC", "RFC 2625 IP-over-Fibre Channel", true},
    LinkTypeName{kFc2, "FC_2", "Fibre Channel FC-2", false},
    LinkTypeName{kFc2Delims, "FC_2_WITH_FRAME_DELIMS", "Fibre Channel FC-2 with frame delimiters", false},
    LinkTypeName{kLinuxIrda, "LINUX_IRDA", "Linux IrDA", false},
    LinkTypeName{kLinuxLapd, "LINUX_LAPD", "Linux vISDN LAPD", false},
    LinkTypeName{kIeee802154NoFcs, "IEEE802_15_4_NOFCS", "IEEE 802.15.4 without FCS", true},
    LinkTypeName{kNetlink, "NETLINK", "Linux netlink", false},
    LinkTypeName{kVsock, "VSOCK", "Linux vsock", true},
    LinkTypeName{kCanSocketcan, "CAN_SOCKETCAN", "CAN-bus with SocketCAN headers", false},
};

constexpr int kArphrdCanFallback = 280, kArphrdIeee802Tr = 800, kArphrdAtm = 19,
              kArphrdRfc4338 = 18, kArphrdLapd = 8445, kArphrdNetlink = 824,
              kArphrdVsockmon = 826;

// map_arphrd_to_dlt(handle, arptype, device, cooked_ok = 1); 0 means -1 (unknown: cooked).
std::uint32_t map_arphrd(int arphrd, std::string_view name, bool wireless,
                         std::vector<std::uint32_t>& offered) {
    switch (arphrd) {
    case ARPHRD_ETHER:
        // Android's mobile-network interfaces claim Ethernet but carry bare IP.
        if (name.starts_with("cdma_rmnet")) return linktype::raw;
        // (libpcap also asks for DSA tagging in sysfs here; rawdump does not.)
        if (!wireless) offered = {linktype::en10mb, linktype::docsis};
        return linktype::en10mb;
    case ARPHRD_METRICOM:
    case ARPHRD_LOOPBACK: return linktype::en10mb;
    case ARPHRD_EETHER: return kEn3mb;
    case ARPHRD_AX25: return kAx25Kiss;
    case ARPHRD_PRONET: return kPronet;
    case ARPHRD_CHAOS: return kChaos;
    case kArphrdCanFallback: return kCanSocketcan;
    case kArphrdIeee802Tr:
    case ARPHRD_IEEE802: return kIeee802;
    case ARPHRD_ARCNET: return kArcnetLinux;
    case ARPHRD_FDDI: return kFddi;
    case kArphrdAtm: return linktype::linux_sll;
    case ARPHRD_IEEE80211: return kIeee80211;
    case ARPHRD_IEEE80211_PRISM: return kPrism;
    case ARPHRD_IEEE80211_RADIOTAP: return kIeee80211Radio;
    case ARPHRD_PPP: return linktype::linux_sll;  // PPP drivers differ: cooked
    case ARPHRD_CISCO: return kCHdlc;
    case ARPHRD_TUNNEL:
    case ARPHRD_SIT:
    case ARPHRD_CSLIP:
    case ARPHRD_SLIP6:
    case ARPHRD_CSLIP6:
    case ARPHRD_ADAPT:
    case ARPHRD_SLIP:
    case ARPHRD_RAWHDLC:
    case ARPHRD_DLCI: return linktype::raw;
    case ARPHRD_FRAD: return kFrelay;
    case ARPHRD_LOCALTLK: return kLtalk;
    case kArphrdRfc4338: return kIpOverFc;
    case ARPHRD_FCPP:
    case ARPHRD_FCAL:
    case ARPHRD_FCPL:
    case ARPHRD_FCFABRIC:
        offered = {kFc2, kFc2Delims, kIpOverFc};
        return kFc2;
    case ARPHRD_IRDA: return kLinuxIrda;
    case kArphrdLapd: return kLinuxLapd;
    case ARPHRD_NONE: return linktype::raw;  // tun, WireGuard: bare IP
    case ARPHRD_IEEE802154: return kIeee802154NoFcs;
    case kArphrdNetlink: return kNetlink;
    case kArphrdVsockmon: return kVsock;
    default: return 0;
    }
}

}  // namespace

DeviceLinkTypes link_types_for_device(int arphrd, std::string_view name, bool wireless) {
    DeviceLinkTypes result;
    std::uint32_t type = map_arphrd(arphrd, name, wireless, result.offered);
    const bool isdn = type == linktype::en10mb && (name.starts_with("isdn") || name.starts_with("isdY"));
    // setup_socket(): unknown types, PPP/ATM (mapped to LINUX_SLL), IrDA, LAPD, netlink and
    // ISDN reopen as SOCK_DGRAM. Only IrDA, LAPD and netlink keep their own type.
    if (type == 0 || type == linktype::linux_sll || type == kLinuxIrda || type == kLinuxLapd ||
        type == kNetlink || isdn) {
        result.cooked = true;
        // A device that had a list (an "isdn" Ethernet) is offered both cooked versions;
        // the others only their one type (measured with tcpdump -L).
        if (!result.offered.empty())
            result.offered = {linktype::linux_sll, linktype::linux_sll2};
        if (type != kLinuxIrda && type != kLinuxLapd && type != kNetlink) type = linktype::linux_sll;
    }
    result.link_type = type;
    if (result.offered.empty()) result.offered = {type};
    return result;
}

DeviceLinkTypes link_types_for_any() {
    return {linktype::linux_sll, true, {linktype::linux_sll, linktype::linux_sll2}};
}

const LinkTypeName* linux_link_type_name(std::uint32_t type) noexcept {
    for (const auto& entry : kNames)
        if (entry.type == type) return &entry;
    return nullptr;
}

std::optional<std::uint32_t> linux_link_type_from_name(std::string_view name) noexcept {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
    for (const auto& entry : kNames) {
        if (entry.name.size() != name.size()) continue;
        bool same = true;
        for (std::size_t i = 0; i < name.size() && same; ++i) same = lower(entry.name[i]) == lower(name[i]);
        if (same) return entry.type;
    }
    return std::nullopt;
}

}  // namespace rawdump::platform
