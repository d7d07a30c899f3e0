// ICMPv6 message bodies that have a file of their own, called by print_icmp6 after
// "ICMP6, <type name>". Each gets the whole message (from the type byte), narrowed to the IPv6
// payload, and the length the IPv6 header declares.
#pragma once

#include <cstdint>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print {

// Node information query/reply (RFC 4620) and KAME's who-are-you (types 139, 140).
void print_icmp6_node_information(Context& ctx, ByteReader message, std::uint32_t length);
// Router renumbering (RFC 2894, type 138).
void print_icmp6_router_renumbering(Context& ctx, ByteReader message);
// RPL control messages (RFC 6550, type 155).
void print_icmp6_rpl(Context& ctx, ByteReader message, std::uint32_t length);

}  // namespace rawdump::print
