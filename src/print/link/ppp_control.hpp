// Pieces shared by the PPP printers (ppp.cpp, ppp_control.cpp, ppp_options.cpp).
#pragma once

#include <cstdint>
#include <string_view>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print::ppp {

// PPP protocol numbers (ppp.h) the printers dispatch on.
enum Protocol : std::uint16_t {
    ip = 0x0021,
    osi = 0x0023,
    ipx = 0x002b,
    vj_compressed = 0x002d,
    vj_uncompressed = 0x002f,
    multilink = 0x003d,
    ipv6 = 0x0057,
    compressed = 0x00fd,
    mpls_unicast = 0x0281,
    mpls_multicast = 0x0283,
    ipcp = 0x8021,
    osicp = 0x8023,
    ipv6cp = 0x8057,
    ccp = 0x80fd,
    mplscp = 0x8281,
    lcp = 0xc021,
    pap = 0xc023,
    lqm = 0xc025,
    spap = 0xc027,
    bacp = 0xc02b,
    bap = 0xc02d,
    chap = 0xc223,
    spap_old = 0xc123,
    eap = 0xc227,
};

// print-ppp.c ppptype2str: "LCP", "IP6"; empty for numbers tcpdump does not name.
std::string_view protocol_name(std::uint16_t protocol) noexcept;

// A control protocol packet (handle_ctrl_proto): LCP, IPCP, IP6CP, CCP, BACP and the
// ones without option printers. `frame` holds the protocol field at `offset - 2` (the -vv
// dump starts there) and the packet at `offset`; `length` counts from the packet.
void print_control(Context& ctx, std::uint16_t protocol, ByteReader frame, std::size_t offset,
                   std::uint32_t length);

// Configuration option printers (print_*_config_options): `option` starts at the option's
// type byte; `length` is the control packet's length field. They return how far to
// advance, 0 to stop the option list.
std::uint32_t print_lcp_option(Context& ctx, ByteReader option, std::uint32_t length);
std::uint32_t print_ipcp_option(Context& ctx, ByteReader option, std::uint32_t length);
std::uint32_t print_ip6cp_option(Context& ctx, ByteReader option, std::uint32_t length);
std::uint32_t print_ccp_option(Context& ctx, ByteReader option, std::uint32_t length);
std::uint32_t print_bacp_option(Context& ctx, ByteReader option, std::uint32_t length);

// print_unknown_data: `length` bytes from `offset` in `bytes`, or as many as were captured,
// in hex lines that start with `prefix`; tcpdump's complaint when `offset` is past the end.
void print_unknown_data(Context& ctx, ByteReader bytes, std::size_t offset, std::string_view prefix,
                        std::uint32_t length);

}  // namespace rawdump::print::ppp
