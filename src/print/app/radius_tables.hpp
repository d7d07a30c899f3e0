// print-radius.c's tables as constexpr data: the attribute types (name and value format),
// the names of enumerated values, and oui.c's SMI enterprise numbers for Vendor-Specific.
// Included by radius_attributes.cpp and radius_location.cpp.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <utility>

namespace rawdump::print::radius {

// Which of print-radius.c's print_attr_* functions shows a value.
enum class Format : std::uint8_t {
    None,                 // no printer: the value is not shown (only hex at -vv)
    String,               // print_attr_string (with tags, EAP and VLAN names for some types)
    Number,               // print_attr_num (value names, timers, tags)
    Vendor,               // print_vendor_attr
    Address,              // print_attr_address
    Address6,             // print_attr_address6
    Netmask6,             // print_attr_netmask6
    Mip6HomeLinkPrefix,   // print_attr_mip6_home_link_prefix
    OperatorName,         // print_attr_operator_name
    LocationInformation,  // print_attr_location_information
    LocationData,         // print_attr_location_data
    LocationPolicyRules,  // print_basic_location_policy_rules
    Time,                 // print_attr_time
    Vector64,             // print_attr_vector64
    Strange,              // print_attr_strange (ARAP and Error-Cause)
};

// Names of an attribute's values: value v is named when first <= v < names.size().
struct ValueNames {
    std::span<const std::string_view> names;
    std::uint32_t first = 0;
};

struct AttributeType {
    std::string_view name;
    Format format = Format::None;
    ValueNames values{};
};

inline constexpr std::array<std::string_view, 20> service_types{
    "", "Login", "Framed", "Callback Login", "Callback Framed", "Outbound", "Administrative",
    "NAS Prompt", "Authenticate Only", "Callback NAS Prompt", "Call Check", "Callback Administrative",
    "Voice", "Fax", "Modem Relay", "IAPP-Register", "IAPP-AP-Check", "Authorize Only",
    "Framed-Management", "Additional-Authorization",
};
inline constexpr std::array<std::string_view, 8> framed_protocols{
    "", "PPP", "SLIP", "ARAP", "Gandalf proprietary", "Xylogics IPX/SLIP", "X.75 Synchronous", "GPRS PDP Context",
};
inline constexpr std::array<std::string_view, 4> framed_routings{"None", "Send", "Listen", "Send&Listen"};
inline constexpr std::array<std::string_view, 4> framed_compressions{"None", "VJ TCP/IP", "IPX", "Stac-LZS"};
inline constexpr std::array<std::string_view, 9> login_services{
    "Telnet", "Rlogin", "TCP Clear", "PortMaster(proprietary)", "LAT", "X.25-PAD", "X.25-T3POS",
    "Unassigned", "TCP Clear Quiet",
};
inline constexpr std::array<std::string_view, 2> termination_actions{"Default", "RADIUS-Request"};
inline constexpr std::array<std::string_view, 3> ingress_filters{"", "Enabled", "Disabled"};
inline constexpr std::array<std::string_view, 44> nas_port_types{
    "Async", "Sync", "ISDN Sync", "ISDN Async V.120", "ISDN Async V.110", "Virtual", "PIAFS",
    "HDLC Clear Channel", "X.25", "X.75", "G.3 Fax", "SDSL", "ADSL-CAP", "ADSL-DMT", "ISDN-DSL",
    "Ethernet", "xDSL", "Cable", "Wireless - Other", "Wireless - IEEE 802.11", "Token-Ring", "FDDI",
    "Wireless - CDMA200", "Wireless - UMTS", "Wireless - 1X-EV", "IAPP", "FTTP", "Wireless - IEEE 802.16",
    "Wireless - IEEE 802.20", "Wireless - IEEE 802.22", "PPPoA", "PPPoEoA", "PPPoEoE", "PPPoEoVLAN",
    "PPPoEoQinQ", "xPON", "Wireless - XGP", "WiMAX Pre-Release 8 IWK Function", "WIMAX-WIFI-IWK",
    "WIMAX-SFF", "WIMAX-HA-LMA", "WIMAX-DHCP", "WIMAX-LBS", "WIMAX-WVS",
};
inline constexpr std::array<std::string_view, 16> acct_status_types{
    "", "Start", "Stop", "Interim-Update", "Unassigned", "Unassigned", "Unassigned", "Accounting-On",
    "Accounting-Off", "Tunnel-Start", "Tunnel-Stop", "Tunnel-Reject", "Tunnel-Link-Start",
    "Tunnel-Link-Stop", "Tunnel-Link-Reject", "Failed",
};
inline constexpr std::array<std::string_view, 5> acct_authentics{"", "RADIUS", "Local", "Remote", "Diameter"};
inline constexpr std::array<std::string_view, 24> acct_terminate_causes{
    "", "User Request", "Lost Carrier", "Lost Service", "Idle Timeout", "Session Timeout", "Admin Reset",
    "Admin Reboot", "Port Error", "NAS Error", "NAS Request", "NAS Reboot", "Port Unneeded",
    "Port Preempted", "Port Suspended", "Service Unavailable", "Callback", "User Error", "Host Request",
    "Supplicant Restart", "Reauthentication Failure", "Port Reinitialized", "Port Administratively Disabled",
    "Lost Power",
};
inline constexpr std::array<std::string_view, 14> tunnel_types{
    "", "PPTP", "L2F", "L2TP", "ATMP", "VTP", "AH", "IP-IP", "MIN-IP-IP", "ESP", "GRE", "DVS",
    "IP-in-IP Tunneling", "VLAN",
};
inline constexpr std::array<std::string_view, 16> tunnel_media{
    "", "IPv4", "IPv6", "NSAP", "HDLC", "BBN 1822", "802", "E.163", "E.164", "F.69", "X.121", "IPX",
    "Appletalk", "Decnet IV", "Banyan Vines", "E.164 with NSAP subaddress",
};
inline constexpr std::array<std::string_view, 5> arap_zone_accesses{
    "", "Only access to dfl zone", "Use zone filter inc.", "Not used", "Use zone filter exc.",
};
inline constexpr std::array<std::string_view, 2> prompts{"No Echo", "Echo"};

inline constexpr std::array<AttributeType, 130> attribute_types{{
    {"", Format::None},  // 0: printed as "Unknown"
    {"User-Name", Format::String},
    {"User-Password", Format::None},
    {"CHAP-Password", Format::None},
    {"NAS-IP-Address", Format::Address},
    {"NAS-Port", Format::Number},
    {"Service-Type", Format::Number, {service_types, 1}},
    {"Framed-Protocol", Format::Number, {framed_protocols, 1}},
    {"Framed-IP-Address", Format::Address},
    {"Framed-IP-Netmask", Format::Address},
    {"Framed-Routing", Format::Number, {framed_routings, 0}},  // 10
    {"Filter-Id", Format::String},
    {"Framed-MTU", Format::Number},
    {"Framed-Compression", Format::Number, {framed_compressions, 0}},
    {"Login-IP-Host", Format::Address},
    {"Login-Service", Format::Number, {login_services, 0}},
    {"Login-TCP-Port", Format::Number},
    {"Unassigned", Format::None},
    {"Reply-Message", Format::String},
    {"Callback-Number", Format::String},
    {"Callback-Id", Format::String},  // 20
    {"Unassigned", Format::None},
    {"Framed-Route", Format::String},
    {"Framed-IPX-Network", Format::Number},
    {"State", Format::String},
    {"Class", Format::String},
    {"Vendor-Specific", Format::Vendor},
    {"Session-Timeout", Format::Number},
    {"Idle-Timeout", Format::Number},
    {"Termination-Action", Format::Number, {termination_actions, 0}},
    {"Called-Station-Id", Format::String},  // 30
    {"Calling-Station-Id", Format::String},
    {"NAS-Identifier", Format::String},
    {"Proxy-State", Format::String},
    {"Login-LAT-Service", Format::String},
    {"Login-LAT-Node", Format::String},
    {"Login-LAT-Group", Format::String},
    {"Framed-AppleTalk-Link", Format::Number},
    {"Framed-AppleTalk-Network", Format::Number},
    {"Framed-AppleTalk-Zone", Format::String},
    {"Acct-Status-Type", Format::Number, {acct_status_types, 1}},  // 40
    {"Acct-Delay-Time", Format::Number},
    {"Acct-Input-Octets", Format::Number},
    {"Acct-Output-Octets", Format::Number},
    {"Acct-Session-Id", Format::String},
    {"Acct-Authentic", Format::Number, {acct_authentics, 1}},
    {"Acct-Session-Time", Format::Number},
    {"Acct-Input-Packets", Format::Number},
    {"Acct-Output-Packets", Format::Number},
    {"Acct-Terminate-Cause", Format::Number, {acct_terminate_causes, 1}},
    {"Acct-Multi-Session-Id", Format::String},  // 50
    {"Acct-Link-Count", Format::Number},
    {"Acct-Input-Gigawords", Format::Number},
    {"Acct-Output-Gigawords", Format::Number},
    {"Unassigned", Format::None},
    {"Event-Timestamp", Format::Time},
    {"Egress-VLANID", Format::Number},
    {"Ingress-Filters", Format::Number, {ingress_filters, 1}},
    {"Egress-VLAN-Name", Format::String},
    {"User-Priority-Table", Format::None},
    {"CHAP-Challenge", Format::String},  // 60
    {"NAS-Port-Type", Format::Number, {nas_port_types, 0}},
    {"Port-Limit", Format::Number},
    {"Login-LAT-Port", Format::String},
    {"Tunnel-Type", Format::Number, {tunnel_types, 1}},
    {"Tunnel-Medium-Type", Format::Number, {tunnel_media, 1}},
    {"Tunnel-Client-Endpoint", Format::String},
    {"Tunnel-Server-Endpoint", Format::String},
    {"Acct-Tunnel-Connection", Format::String},
    {"Tunnel-Password", Format::String},
    {"ARAP-Password", Format::Strange},  // 70
    {"ARAP-Features", Format::Strange},
    {"ARAP-Zone-Access", Format::Number, {arap_zone_accesses, 1}},
    {"ARAP-Security", Format::String},
    {"ARAP-Security-Data", Format::String},
    {"Password-Retry", Format::Number},
    {"Prompt", Format::Number, {prompts, 0}},
    {"Connect-Info", Format::String},
    {"Configuration-Token", Format::String},
    {"EAP-Message", Format::String},
    {"Message-Authenticator", Format::String},  // 80
    {"Tunnel-Private-Group-ID", Format::String},
    {"Tunnel-Assignment-ID", Format::String},
    {"Tunnel-Preference", Format::Number},
    {"ARAP-Challenge-Response", Format::Strange},
    {"Acct-Interim-Interval", Format::Number},
    {"Acct-Tunnel-Packets-Lost", Format::Number},
    {"NAS-Port-Id", Format::String},
    {"Framed-Pool", Format::String},
    {"CUI", Format::String},
    {"Tunnel-Client-Auth-ID", Format::String},  // 90
    {"Tunnel-Server-Auth-ID", Format::String},
    {"NAS-Filter-Rule", Format::String},
    {"Unassigned", Format::None},
    {"Originating-Line-Info", Format::None},
    {"NAS-IPv6-Address", Format::Address6},
    {"Framed-Interface-ID", Format::None},
    {"Framed-IPv6-Prefix", Format::Netmask6},
    {"Login-IPv6-Host", Format::Address6},
    {"Framed-IPv6-Route", Format::String},
    {"Framed-IPv6-Pool", Format::String},  // 100
    {"Error-Cause", Format::Strange},
    {"EAP-Key-Name", Format::None},
    {"Digest-Response", Format::String},
    {"Digest-Realm", Format::String},
    {"Digest-Nonce", Format::String},
    {"Digest-Response-Auth", Format::String},
    {"Digest-Nextnonce", Format::String},
    {"Digest-Method", Format::String},
    {"Digest-URI", Format::String},
    {"Digest-Qop", Format::String},  // 110
    {"Digest-Algorithm", Format::String},
    {"Digest-Entity-Body-Hash", Format::String},
    {"Digest-CNonce", Format::String},
    {"Digest-Nonce-Count", Format::String},
    {"Digest-Username", Format::String},
    {"Digest-Opaque", Format::String},
    {"Digest-Auth-Param", Format::String},
    {"Digest-AKA-Auts", Format::String},
    {"Digest-Domain", Format::String},
    {"Digest-Stale", Format::String},  // 120
    {"Digest-HA1", Format::String},
    {"SIP-AOR", Format::String},
    {"Delegated-IPv6-Prefix", Format::Netmask6},
    {"MIP6-Feature-Vector", Format::Vector64},
    {"MIP6-Home-Link-Prefix", Format::Mip6HomeLinkPrefix},
    {"Operator-Name", Format::OperatorName},
    {"Location-Information", Format::LocationInformation},
    {"Location-Data", Format::LocationData},
    {"Basic-Location-Policy-Rules", Format::LocationPolicyRules},
}};

// The types whose printers do more than the format says (print-radius.c's #defines).
namespace type {
inline constexpr std::uint8_t framed_ip_address = 8, login_ip_host = 14, framed_ipx_network = 23,
                              session_timeout = 27, idle_timeout = 28, framed_appletalk_link = 37,
                              framed_appletalk_network = 38, acct_delay_time = 41, acct_session_time = 46,
                              egress_vlan_id = 56, egress_vlan_name = 58, tunnel_type = 64,
                              tunnel_medium_type = 65, tunnel_client_endpoint = 66,
                              tunnel_server_endpoint = 67, tunnel_password = 69, arap_password = 70,
                              arap_features = 71, eap_message = 79, tunnel_private_group_id = 81,
                              tunnel_assignment_id = 82, tunnel_preference = 83,
                              arap_challenge_response = 84, acct_interim_interval = 85,
                              tunnel_client_auth_id = 90, tunnel_server_auth_id = 91, error_cause = 101;
}  // namespace type

using Name = std::pair<std::uint32_t, std::string_view>;

// RFC 4675 tag octet of Egress-VLANID and Egress-VLAN-Name.
inline constexpr std::array<Name, 2> vlan_tags{{{0x31, "Tagged"}, {0x32, "Untagged"}}};

// RFC 3576 / 5176 Error-Cause values.
inline constexpr std::array<Name, 18> error_causes{{
    {201, "Residual Session Context Removed"}, {202, "Invalid EAP Packet (Ignored)"},
    {401, "Unsupported Attribute"}, {402, "Missing Attribute"}, {403, "NAS Identification Mismatch"},
    {404, "Invalid Request"}, {405, "Unsupported Service"}, {406, "Unsupported Extension"},
    {407, "Invalid Attribute Value"}, {501, "Administratively Prohibited"},
    {502, "Request Not Routable (Proxy)"}, {503, "Session Context Not Found"},
    {504, "Session Context Not Removable"}, {505, "Other Proxy Processing Error"},
    {506, "Resources Unavailable"}, {507, "Request Initiated"},
    {508, "Multiple Session Selection Unsupported"}, {509, "Location Info Required"},
}};

// RFC 5447 MIP6-Feature-Vector bits, in tcpdump's order.
inline constexpr std::array<std::pair<std::uint64_t, std::string_view>, 12> mip6_features{{
    {0x0000000000000001, "MIP6_INTEGRATED"}, {0x0000000000000002, "LOCAL_HOME_AGENT_ASSIGNMENT"},
    {0x0000010000000000, "PMIP6_SUPPORTED"}, {0x0000020000000000, "IP4_HOA_SUPPORTED"},
    {0x0000040000000000, "LOCAL_MAG_ROUTING_SUPPORTED"}, {0x0000080000000000, "ASSIGN_LOCAL_IP"},
    {0x0000100000000000, "MIP4_SUPPORTED"}, {0x0000200000000000, "OPTIMIZED_IDLE_MODE_MOBILITY"},
    {0x0000400000000000, "GTPv2_SUPPORTED"}, {0x0000800000000000, "IP4_TRANSPORT_SUPPORTED"},
    {0x0001000000000000, "IP4_HOA_ONLY_SUPPORTED"}, {0x0002000000000000, "INTER_MAG_ROUTING_SUPPORTED"},
}};

// RFC 5580 Operator-Name namespaces, Location-Information codes and entities, and the
// Basic-Location-Policy-Rules flags (bit 0x0001 first, as tcpdump lists them).
inline constexpr std::array<Name, 4> operator_namespaces{{{0x30, "TADIG"}, {0x31, "REALM"}, {0x32, "E212"}, {0x33, "ICC"}}};
inline constexpr std::array<Name, 2> location_codes{{{0, "Civic"}, {1, "Geospatial"}}};
inline constexpr std::array<Name, 2> location_entities{{{0, "User"}, {1, "RADIUS"}}};
inline constexpr std::array<Name, 16> location_policy_flags{{
    {0x0001, "MBZ-15"}, {0x0002, "MBZ-14"}, {0x0004, "MBZ-13"}, {0x0008, "MBZ-12"}, {0x0010, "MBZ-11"},
    {0x0020, "MBZ-10"}, {0x0040, "MBZ-9"}, {0x0080, "MBZ-8"}, {0x0100, "MBZ-7"}, {0x0200, "MBZ-6"},
    {0x0400, "MBZ-5"}, {0x0800, "MBZ-4"}, {0x1000, "MBZ-3"}, {0x2000, "MBZ-2"}, {0x4000, "MBZ-1"},
    {0x8000, "Retransmission Allowed"},
}};

// oui.c smi_values: the SMI Private Enterprise Numbers tcpdump 4.99.3 names.
inline constexpr std::array<Name, 63> vendors{{
    {0, "IETF (reserved)"}, {5, "ACC"}, {9, "Cisco"}, {11, "Hewlett Packard"}, {42, "Sun Microsystems"},
    {61, "Merit"}, {74, "AT&T"}, {161, "Motorola"}, {166, "Shiva"}, {193, "Ericsson AB"},
    {255, "Cisco VPN 5000"}, {307, "Livingston"}, {311, "Microsoft"}, {429, "3Com"}, {529, "Ascend"},
    {1584, "Bay Networks"}, {1991, "Foundry"}, {2180, "Versanet"}, {2352, "Redback"},
    {2636, "Juniper Networks"}, {2637, "Aptis"}, {2937, "Deutsche Telekom AG"}, {3054, "Ixia Communications"},
    {3076, "Cisco VPN 3000"}, {3085, "CoSine Communications"}, {3199, "Shasta"}, {3224, "Netscreen"},
    {3309, "Nomadix"}, {3414, "T-Mobile"}, {3561, "The Broadband Forum"}, {3902, "ZTE"}, {4329, "Siemens"},
    {4491, "CableLabs"}, {4874, "Unisphere Networks"}, {5263, "Cisco BBSM"},
    {5535, "3rd Generation Partnership Project 2 (3GPP2)"}, {5806, "SK Telecom"}, {5925, "ipUnplugged"},
    {5948, "Issanni Communications"}, {5951, "Netscaler"}, {6490, "T-Mobile"}, {6618, "Quintum"},
    {6728, "Interlink"}, {7951, "CNCTC"}, {8164, "Starent Networks"}, {8744, "Colubris"}, {10415, "3GPP"},
    {10529, "Gemtek-Systems"}, {10704, "Barracuda Networks"}, {10923, "Ericsson AB - Packet Core Networks"},
    {11665, "dacom"}, {11862, "Columbia University"}, {12356, "Fortinet"}, {12951, "Verizon Wireless"},
    {13745, "Plixer"}, {14122, "Wi-Fi Alliance"}, {16787, "T-Systems Nova"},
    {20942, "China Telecom - Guangzhou Research Institute"}, {26866, "Gigamon Systems"},
    {32622, "CACE Technologies"}, {35632, "ntop"}, {46098, "Ericsson Canada"},
}};

template <std::size_t N>
constexpr std::string_view find_name(const std::array<Name, N>& table, std::uint32_t value) {
    for (const auto& [key, name] : table)
        if (key == value) return name;
    return {};
}

}  // namespace rawdump::print::radius
