#include "platform/link_types_linux.hpp"

#include <linux/if_arp.h>

#include <array>

namespace rawdump::platform {

namespace {

// Names and descriptions as libpcap 1.10 gives them (pcap_datalink_val_to_name/description,
// checked with tcpdump -L on tun devices retyped with TUNSETLINK); "printing not supported"
// as tcpdump 4.99.3 marks it. EN3MB, PRONET and CHAOS have no libpcap name ("DLT 2").
constexpr std::array linux_names{
    LinkTypeName{LinkType::En10mb, "EN10MB", "Ethernet", true},
    LinkTypeName{LinkType::Docsis, "DOCSIS", "DOCSIS", false},
    LinkTypeName{LinkType::Raw, "RAW", "Raw IP", true},
    LinkTypeName{LinkType::LinuxSll, "LINUX_SLL", "Linux cooked v1", true},
    LinkTypeName{LinkType::LinuxSll2, "LINUX_SLL2", "Linux cooked v2", true},
    LinkTypeName{LinkType::Ax25Kiss, "AX25_KISS", "AX.25 with KISS header", false},
    LinkTypeName{LinkType::Ieee802, "IEEE802", "Token ring", true},
    LinkTypeName{LinkType::ArcnetLinux, "ARCNET_LINUX", "Linux ARCNET", true},
    LinkTypeName{LinkType::Fddi, "FDDI", "FDDI", true},
    LinkTypeName{LinkType::Ieee80211, "IEEE802_11", "802.11", true},
    LinkTypeName{LinkType::PrismHeader, "PRISM_HEADER", "802.11 plus Prism header", true},
    LinkTypeName{LinkType::Ieee80211Radio, "IEEE802_11_RADIO", "802.11 plus radiotap header", true},
    LinkTypeName{LinkType::Ppp, "PPP", "PPP", true},
    LinkTypeName{LinkType::CHdlc, "C_HDLC", "Cisco HDLC", true},
    LinkTypeName{LinkType::Frelay, "FRELAY", "Frame Relay", true},
    LinkTypeName{LinkType::Ltalk, "LTALK", "Localtalk", true},
    LinkTypeName{LinkType::IpOverFc, "IP_OVER_FC", "RFC 2625 IP-over-Fibre Channel", true},
    LinkTypeName{LinkType::Fc2, "FC_2", "Fibre Channel FC-2", false},
    LinkTypeName{LinkType::Fc2WithFrameDelims, "FC_2_WITH_FRAME_DELIMS", "Fibre Channel FC-2 with frame delimiters", false},
    LinkTypeName{LinkType::LinuxIrda, "LINUX_IRDA", "Linux IrDA", false},
    LinkTypeName{LinkType::LinuxLapd, "LINUX_LAPD", "Linux vISDN LAPD", false},
    LinkTypeName{LinkType::Ieee802154NoFcs, "IEEE802_15_4_NOFCS", "IEEE 802.15.4 without FCS", true},
    LinkTypeName{LinkType::Netlink, "NETLINK", "Linux netlink", false},
    LinkTypeName{LinkType::Vsock, "VSOCK", "Linux vsock", true},
    LinkTypeName{LinkType::CanSocketcan, "CAN_SOCKETCAN", "CAN-bus with SocketCAN headers", false},
};

constexpr int arphrd_can_fallback = 280, arphrd_ieee802_tr = 800, arphrd_atm = 19,
              arphrd_rfc4338 = 18, arphrd_lapd = 8445, arphrd_netlink = 824,
              arphrd_vsockmon = 826;

// map_arphrd_to_dlt(handle, arptype, device, cooked_ok = 1); nullopt is its -1 (unknown: cooked).
std::optional<LinkType> map_arphrd(int arphrd, std::string_view name, bool wireless,
                                   std::vector<LinkType>& offered) {
    switch (arphrd) {
    case ARPHRD_ETHER:
        // Android's mobile-network interfaces claim Ethernet but carry bare IP.
        if (name.starts_with("cdma_rmnet")) return LinkType::Raw;
        // (libpcap also asks for DSA tagging in sysfs here; rawdump does not.)
        if (!wireless) offered = {LinkType::En10mb, LinkType::Docsis};
        return LinkType::En10mb;
    case ARPHRD_METRICOM:
    case ARPHRD_LOOPBACK: return LinkType::En10mb;
    case ARPHRD_EETHER: return LinkType::En3mb;
    case ARPHRD_AX25: return LinkType::Ax25Kiss;
    case ARPHRD_PRONET: return LinkType::Pronet;
    case ARPHRD_CHAOS: return LinkType::Chaos;
    case arphrd_can_fallback: return LinkType::CanSocketcan;
    case arphrd_ieee802_tr:
    case ARPHRD_IEEE802: return LinkType::Ieee802;
    case ARPHRD_ARCNET: return LinkType::ArcnetLinux;
    case ARPHRD_FDDI: return LinkType::Fddi;
    case arphrd_atm: return LinkType::LinuxSll;
    case ARPHRD_IEEE80211: return LinkType::Ieee80211;
    case ARPHRD_IEEE80211_PRISM: return LinkType::PrismHeader;
    case ARPHRD_IEEE80211_RADIOTAP: return LinkType::Ieee80211Radio;
    case ARPHRD_PPP: return LinkType::LinuxSll;  // PPP drivers differ: cooked
    case ARPHRD_CISCO: return LinkType::CHdlc;
    case ARPHRD_TUNNEL:
    case ARPHRD_SIT:
    case ARPHRD_CSLIP:
    case ARPHRD_SLIP6:
    case ARPHRD_CSLIP6:
    case ARPHRD_ADAPT:
    case ARPHRD_SLIP:
    case ARPHRD_RAWHDLC:
    case ARPHRD_DLCI: return LinkType::Raw;
    case ARPHRD_FRAD: return LinkType::Frelay;
    case ARPHRD_LOCALTLK: return LinkType::Ltalk;
    case arphrd_rfc4338: return LinkType::IpOverFc;
    case ARPHRD_FCPP:
    case ARPHRD_FCAL:
    case ARPHRD_FCPL:
    case ARPHRD_FCFABRIC:
        offered = {LinkType::Fc2, LinkType::Fc2WithFrameDelims, LinkType::IpOverFc};
        return LinkType::Fc2;
    case ARPHRD_IRDA: return LinkType::LinuxIrda;
    case arphrd_lapd: return LinkType::LinuxLapd;
    case ARPHRD_NONE: return LinkType::Raw;  // tun, WireGuard: bare IP
    case ARPHRD_IEEE802154: return LinkType::Ieee802154NoFcs;
    case arphrd_netlink: return LinkType::Netlink;
    case arphrd_vsockmon: return LinkType::Vsock;
    default: return std::nullopt;
    }
}

}  // namespace

DeviceLinkTypes link_types_for_device(int arphrd, std::string_view name, bool wireless) {
    DeviceLinkTypes result;
    const std::optional<LinkType> mapped = map_arphrd(arphrd, name, wireless, result.offered);
    LinkType type = mapped.value_or(LinkType::LinuxSll);
    const bool isdn = type == LinkType::En10mb && (name.starts_with("isdn") || name.starts_with("isdY"));
    // setup_socket(): unknown types, PPP/ATM (mapped to LINUX_SLL), IrDA, LAPD, netlink and
    // ISDN reopen as SOCK_DGRAM. Only IrDA, LAPD and netlink keep their own type.
    if (!mapped || type == LinkType::LinuxSll || type == LinkType::LinuxIrda || type == LinkType::LinuxLapd ||
        type == LinkType::Netlink || isdn) {
        result.cooked = true;
        // A device that had a list (an "isdn" Ethernet) is offered both cooked versions;
        // the others only their one type (measured with tcpdump -L).
        if (!result.offered.empty())
            result.offered = {LinkType::LinuxSll, LinkType::LinuxSll2};
        if (type != LinkType::LinuxIrda && type != LinkType::LinuxLapd && type != LinkType::Netlink) type = LinkType::LinuxSll;
    }
    result.link_type = type;
    if (result.offered.empty()) result.offered = {type};
    return result;
}

DeviceLinkTypes link_types_for_any() {
    return {LinkType::LinuxSll, true, {LinkType::LinuxSll, LinkType::LinuxSll2}};
}

const LinkTypeName* linux_link_type_name(LinkType type) noexcept {
    for (const auto& entry : linux_names)
        if (entry.type == type) return &entry;
    return nullptr;
}

std::optional<LinkType> linux_link_type_from_name(std::string_view name) noexcept {
    for (const auto& entry : linux_names)
        if (same_link_type_name(entry.name, name)) return entry.type;
    return std::nullopt;
}

}  // namespace rawdump::platform
