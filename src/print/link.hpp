// Link-layer printers. Each returns how many bytes of link header it consumed, which -x/-X
// skip (tcpdump's if_printer return value).
#pragma once

#include <cstddef>
#include <cstdint>

#include "src/print/byte_reader.hpp"
#include "src/print/context.hpp"

namespace rawdump::print {

std::size_t print_ethernet(Context& ctx, ByteReader frame, std::uint32_t wire_length);
// LINKTYPE_RAW / IPV4 / IPV6: no link header, the IP version nibble picks the printer.
std::size_t print_raw_ip(Context& ctx, ByteReader frame, std::uint32_t wire_length);
// ARP over Ethernet (print-arp.c); `length` is the on-wire length of the ARP packet.
void print_arp(Context& ctx, ByteReader packet, std::uint32_t length);

}  // namespace rawdump::print
