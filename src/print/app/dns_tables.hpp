// The DNS names tcpdump 4.99.3 knows (print-domain.c's tok tables and ns_ops/ns_resp): record
// types, classes, opcodes, response codes, EDNS options and the algorithm numbers of the EDNS
// DAU/DHU/N3U options. Unknown values print in the caller's fallback format.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <utility>

namespace rawdump::print::dns {

// Record types the printer decodes (the rest only print their name).
enum class RecordType : std::uint16_t {
    A = 1, Ns = 2, Cname = 5, Soa = 6, Ptr = 12, Mx = 15, Txt = 16, Aaaa = 28, Srv = 33, A6 = 38,
    Dname = 39, Opt = 41, Unspeca = 104, Tsig = 250, Uri = 256,
};

constexpr std::uint16_t class_in = 1;
// mDNS reuses the class's top bit: "unicast response wanted" in questions, "cache flush" in records.
constexpr std::uint16_t class_multicast_bit = 0x8000;

constexpr std::array<std::pair<std::uint16_t, std::string_view>, 62> record_type_names{{
    {1, "A"}, {2, "NS"}, {3, "MD"}, {4, "MF"}, {5, "CNAME"}, {6, "SOA"}, {7, "MB"}, {8, "MG"},
    {9, "MR"}, {10, "NULL"}, {11, "WKS"}, {12, "PTR"}, {13, "HINFO"}, {14, "MINFO"}, {15, "MX"},
    {16, "TXT"}, {17, "RP"}, {18, "AFSDB"}, {19, "X25"}, {20, "ISDN"}, {21, "RT"}, {22, "NSAP"},
    {23, "NSAP_PTR"}, {24, "SIG"}, {25, "KEY"}, {26, "PX"}, {27, "GPOS"}, {28, "AAAA"}, {29, "LOC"},
    {30, "NXT"}, {31, "EID"}, {32, "NIMLOC"}, {33, "SRV"}, {34, "ATMA"}, {35, "NAPTR"}, {36, "KX"},
    {37, "CERT"}, {38, "A6"}, {39, "DNAME"}, {40, "SINK"}, {41, "OPT"}, {42, "APL"}, {43, "DS"},
    {44, "SSHFP"}, {45, "IPSECKEY"}, {46, "RRSIG"}, {47, "NSEC"}, {48, "DNSKEY"}, {99, "SPF"},
    {100, "UINFO"}, {101, "UID"}, {102, "GID"}, {103, "UNSPEC"}, {104, "UNSPECA"}, {249, "TKEY"},
    {250, "TSIG"}, {251, "IXFR"}, {252, "AXFR"}, {253, "MAILB"}, {254, "MAILA"}, {255, "ANY"},
    {256, "URI"},
}};

constexpr std::array<std::pair<std::uint16_t, std::string_view>, 4> class_names{{
    {1, "IN"}, {3, "CHAOS"}, {4, "HS"}, {255, "ANY"},
}};

// Indexed by the header's 4-bit opcode; each with its leading space.
constexpr std::array<std::string_view, 16> opcode_texts{
    "", " inv_q", " stat", " op3", " notify", " update", " op6", " op7",
    " op8", " updateA", " updateD", " updateDA", " updateM", " updateMA", " zoneInit", " zoneRef",
};
constexpr unsigned opcode_inverse_query = 1;

// Indexed by the (EDNS-extended) response code. 17 and 21 lack the leading space in tcpdump's
// table, so "4660Resp17" is what it prints.
constexpr std::array<std::string_view, 24> rcode_texts{
    "", " FormErr", " ServFail", " NXDomain", " NotImp", " Refused", " YXDomain", " YXRRSet",
    " NXRRSet", " NotAuth", " NotZone", " Resp11", " Resp12", " Resp13", " Resp14", " NoChange",
    " BadVers", "Resp17", " Resp18", " Resp19", " Resp20", "Resp21", " Resp22", " BadCookie",
};

// EDNS option codes (RFC 6891 and successors) with a decoder of their own.
enum class EdnsOption : std::uint16_t {
    Nsid = 3, Dau = 5, Dhu = 6, N3u = 7, ClientSubnet = 8, Expire = 9, Cookie = 10, Keepalive = 11,
    Padding = 12, Chain = 13, KeyTag = 14,
};

constexpr std::array<std::pair<std::uint16_t, std::string_view>, 15> edns_option_names{{
    {1, "LLQ"}, {2, "UL"}, {3, "NSID"}, {5, "DAU"}, {6, "DHU"}, {7, "N3U"}, {8, "ECS"},
    {9, "EXPIRE"}, {10, "COOKIE"}, {11, "KEEPALIVE"}, {12, "PADDING"}, {13, "CHAIN"},
    {14, "KEY-TAG"}, {16, "CLIENT-TAG"}, {17, "SERVER-TAG"},
}};

// DNSSEC algorithms understood (DAU), DS hashes (DHU) and NSEC3 hashes (N3U), RFC 6975.
constexpr std::array<std::pair<std::uint16_t, std::string_view>, 17> dnssec_algorithm_names{{
    {0, "DELETE"}, {1, "RSAMD5"}, {2, "DH"}, {3, "DS"}, {5, "RSASHA1"}, {6, "DSA-NSEC3-SHA1"},
    {7, "RSASHA1-NSEC3-SHA1"}, {8, "RSASHA256"}, {10, "RSASHA512"}, {12, "ECC-GOST"},
    {13, "ECDSAP256SHA256"}, {14, "ECDSAP384SHA384"}, {15, "ED25519"}, {16, "ED448"},
    {252, "INDIRECT"}, {253, "PRIVATEDNS"}, {254, "PRIVATEOID"},
}};
constexpr std::array<std::pair<std::uint16_t, std::string_view>, 4> ds_hash_names{{
    {1, "SHA-1"}, {2, "SHA-256"}, {3, "GOST_R_34.11-94"}, {4, "SHA-384"},
}};
constexpr std::array<std::pair<std::uint16_t, std::string_view>, 1> nsec3_hash_names{{
    {1, "SHA-1"},
}};

// The name of `value` in `table`, or empty.
template <std::size_t N>
constexpr std::string_view lookup(const std::array<std::pair<std::uint16_t, std::string_view>, N>& table,
                                  std::uint16_t value) {
    for (const auto& [v, name] : table)
        if (v == value && !name.empty()) return name;
    return {};
}

}  // namespace rawdump::print::dns
