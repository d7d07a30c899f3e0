// What dhcp6.cpp and dhcp6_options.cpp share. A message is walked by offsets into the captured
// bytes (dns::Message, which also prints the domain names some options carry), so that names
// may reach past their option as tcpdump's fqdn_print does; `unwound` says tcpdump would have
// left the whole packet through a GET_* macro.
#pragma once

#include <cstddef>
#include <cstdint>

#include "src/print/app/dns_message.hpp"

namespace rawdump::print::dhcp6 {

using Message = dns::Message;

// dhcp6_print on the message at [0, length) of `m` (a relay message's option data, or the UDP
// payload). Returns false once the packet has unwound.
bool print_message(Message& m, std::uint32_t length);
// dhcp6opt_print over [at, end) of `m`, `end` within the capture. False once unwound.
bool print_options(Message& m, std::size_t at, std::size_t end);
// tok2str(dh6_msgtype_str): empty when tcpdump prints "msgtype-N".
std::string_view message_type_name(std::uint8_t type) noexcept;

// An IPv6 address at `at` (captured: the caller checked).
void print_address(Message& m, std::size_t at);

}  // namespace rawdump::print::dhcp6
