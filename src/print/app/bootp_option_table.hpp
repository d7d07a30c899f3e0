// The DHCP/BOOTP options tcpdump 4.99.3 knows (print-bootp.c tag2str): each with its name
// and the shape its value is printed in. Options not listed print as "Unknown" with a shape
// guessed from the length.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace rawdump::print::bootp {

enum class ValueFormat : std::uint8_t {
    Unknown,        // not in the table: bytes, shorts or words depending on the length
    None,           // PAD, END, DHCP-Message (the message type is decoded by tag)
    Ipv4,           // 'i': comma-separated addresses
    Ipv4Pairs,      // 'p': "(a:b)" pairs
    Unsigned32,     // 'l'
    Signed32,       // 'L'
    Unsigned16,     // 's'
    Bytes,          // 'b': period-separated decimal bytes
    Text,           // 'a': quoted, escaped text
    Boolean,        // 'B': Y / N / "n?"
    Special,        // '$': decoded by its own code (bootp_special_options.cpp)
};

namespace tag {
constexpr std::uint8_t pad = 0;
constexpr std::uint8_t subnet_mask = 1;
constexpr std::uint8_t netbios_node = 46;
constexpr std::uint8_t option_overload = 52;
constexpr std::uint8_t dhcp_message = 53;
constexpr std::uint8_t parameter_request = 55;
constexpr std::uint8_t client_id = 61;
constexpr std::uint8_t user_class = 77;              // RFC 3004
constexpr std::uint8_t client_fqdn = 81;             // RFC 4702
constexpr std::uint8_t agent_information = 82;       // RFC 3046
constexpr std::uint8_t classless_static_route = 121; // RFC 3442
constexpr std::uint8_t classless_static_route_microsoft = 249;
constexpr std::uint8_t end = 255;
}  // namespace tag

struct OptionInfo {
    std::string_view name = "Unknown";
    ValueFormat format = ValueFormat::Unknown;
};

namespace detail {

struct OptionEntry {
    std::uint8_t tag;
    ValueFormat format;
    std::string_view name;
};

using enum ValueFormat;

// Same names as tcpdump, in the order of its table (RFC 1048, 1497, 2132, DHCP, then later RFCs).
constexpr OptionEntry option_entries[] = {
    {0, None, "PAD"},
    {1, Ipv4, "Subnet-Mask"},
    {2, Signed32, "Time-Zone"},
    {3, Ipv4, "Default-Gateway"},
    {4, Ipv4, "Time-Server"},
    {5, Ipv4, "IEN-Name-Server"},
    {6, Ipv4, "Domain-Name-Server"},
    {7, Ipv4, "LOG"},
    {8, Ipv4, "CS"},
    {9, Ipv4, "LPR-Server"},
    {10, Ipv4, "IM"},
    {11, Ipv4, "RL"},
    {12, Text, "Hostname"},
    {13, Unsigned16, "BS"},
    {255, None, "END"},
    {14, Text, "DP"},
    {15, Text, "Domain-Name"},
    {16, Ipv4, "SS"},
    {17, Text, "RP"},
    {18, Text, "EP"},
    {19, Boolean, "IPF"},
    {20, Boolean, "SRT"},
    {21, Ipv4Pairs, "PF"},
    {22, Unsigned16, "RSZ"},
    {23, Bytes, "TTL"},
    {24, Unsigned32, "MTU-Timeout"},
    {25, Unsigned16, "MTU-Table"},
    {26, Unsigned16, "MTU"},
    {27, Boolean, "LSN"},
    {28, Ipv4, "BR"},
    {29, Boolean, "MD"},
    {30, Boolean, "MS"},
    {31, Boolean, "Router-Discovery"},
    {32, Ipv4, "RSA"},
    {33, Ipv4Pairs, "Static-Route"},
    {34, Boolean, "UT"},
    {35, Unsigned32, "AT"},
    {36, Boolean, "IE"},
    {37, Bytes, "TT"},
    {38, Unsigned32, "KI"},
    {39, Boolean, "KG"},
    {40, Text, "YD"},
    {41, Ipv4, "YS"},
    {42, Ipv4, "NTP"},
    {43, Bytes, "Vendor-Option"},
    {44, Ipv4, "Netbios-Name-Server"},
    {45, Ipv4, "WDD"},
    {46, Special, "Netbios-Node"},
    {47, Text, "Netbios-Scope"},
    {48, Ipv4, "XFS"},
    {49, Ipv4, "XDM"},
    {64, Unsigned16, "N+D"},
    {65, Ipv4, "N+S"},
    {68, Ipv4, "MH"},
    {69, Ipv4, "SMTP"},
    {70, Ipv4, "POP3"},
    {71, Ipv4, "NNTP"},
    {72, Ipv4, "WWW"},
    {73, Ipv4, "FG"},
    {74, Ipv4, "IRC"},
    {75, Ipv4, "STS"},
    {76, Ipv4, "STDA"},
    {50, Ipv4, "Requested-IP"},
    {51, Unsigned32, "Lease-Time"},
    {52, Special, "OO"},
    {66, Text, "TFTP"},
    {67, Text, "BF"},
    {53, None, "DHCP-Message"},
    {54, Ipv4, "Server-ID"},
    {55, Bytes, "Parameter-Request"},
    {56, Text, "MSG"},
    {57, Unsigned16, "MSZ"},
    {58, Unsigned32, "RN"},
    {59, Unsigned32, "RB"},
    {60, Text, "Vendor-Class"},
    {61, Special, "Client-ID"},
    {98, Text, "UAP"},
    {116, Boolean, "NOAUTO"},
    {78, Bytes, "SLP-DA"},
    {79, Bytes, "SLP-SCOPE"},
    {117, Unsigned16, "NSSEARCH"},
    {77, Special, "User-Class"},
    {118, Ipv4, "SUBNET"},
    {121, Special, "Classless-Static-Route"},
    {249, Special, "Classless-Static-Route-Microsoft"},
    {150, Ipv4, "TFTP-Server-Address"},
    {80, Text, "SLP-NA"},
    {81, Special, "FQDN"},
    {82, Special, "Agent-Information"},
    {83, Bytes, "ARMT"},
    {88, Text, "TZSTR"},
    {89, Bytes, "FQDNS"},
    {90, Bytes, "AUTH"},
    {91, Signed32, "Last-Transaction-Time"},
    {92, Ipv4, "Associated-IP"},
    {93, Unsigned16, "ARCH"},
    {94, Bytes, "NDI"},
    {97, Bytes, "GUID"},
    {95, Text, "LDAP"},
    {100, Text, "POSIX-TZ"},
    {101, Text, "TZ-Name"},
    {112, Ipv4, "NI"},
    {113, Text, "NITAG"},
    {114, Text, "URL"},
    {161, Text, "MUD-URL"},
};

constexpr std::array<OptionInfo, 256> build_option_index() {
    std::array<OptionInfo, 256> index{};
    for (const auto& e : option_entries) index[e.tag] = {e.name, e.format};
    return index;
}

inline constexpr std::array<OptionInfo, 256> option_index = build_option_index();

}  // namespace detail

constexpr OptionInfo option_info(std::uint8_t tag) { return detail::option_index[tag]; }

static_assert(option_info(tag::user_class).name == "User-Class");
// 4.99.3 predates RFC 8925 (IPv6-only preferred) and RFC 8572 (SZTP redirect).
static_assert(option_info(108).format == ValueFormat::Unknown);
static_assert(option_info(143).format == ValueFormat::Unknown);

}  // namespace rawdump::print::bootp
