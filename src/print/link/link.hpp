// Link-layer printers. Each returns how many bytes of link header it consumed, which -x/-X
// skip (tcpdump's if_printer return value).
#pragma once

#include <cstddef>
#include <cstdint>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print {

std::size_t print_ethernet(Context& ctx, ByteReader frame, std::uint32_t wire_length);
// Linux cooked captures v1 and v2 (print-sll.c).
std::size_t print_linux_sll(Context& ctx, ByteReader frame, std::uint32_t wire_length);
std::size_t print_linux_sll2(Context& ctx, ByteReader frame, std::uint32_t wire_length);
// BSD loopback (NULL and LOOP): a 4-byte address family, read as tcpdump 4.99.3 reads it.
std::size_t print_null(Context& ctx, ByteReader frame, std::uint32_t wire_length);

// The network layer named by an ethertype; false when there is no printer for it (the
// caller then prints its link header and a hex dump, as tcpdump does).
bool print_ethertype(Context& ctx, std::uint16_t type, ByteReader payload, std::uint32_t length);
// LINKTYPE_RAW / IPV4 / IPV6: no link header, the IP version nibble picks the printer.
std::size_t print_raw_ip(Context& ctx, ByteReader frame, std::uint32_t wire_length);
// LINKTYPE_SLIP (8): not among LinkType's names, so the printer keeps the number.
inline constexpr std::uint32_t slip_link_type = 8;
std::size_t print_slip(Context& ctx, ByteReader frame, std::uint32_t wire_length);
// ARP over Ethernet (print-arp.c); `length` is the on-wire length of the ARP packet.
void print_arp(Context& ctx, ByteReader packet, std::uint32_t length);

}  // namespace rawdump::print
