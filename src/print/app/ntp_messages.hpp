// The two NTP message layouts print-ntp.c decodes, below the common first byte. Internal to
// the NTP printer (ntp.cpp chooses by mode).
#pragma once

#include <cstdint>
#include <string_view>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print::ntp {

constexpr std::string_view protocol = "ntp";  // the " [|ntp]" truncation marker

// Modes 0-5 (RFC 5905 time messages). `message` starts at the LI/VN/Mode byte.
void print_time_message(Context& ctx, ByteReader message, std::uint32_t length);
// Mode 6 (control messages, RFC 1305 appendix B / draft-ietf-ntp-mode-6-cmds).
void print_control_message(Context& ctx, ByteReader message, std::uint32_t length);

// tcpdump's "invalid:" exit: " (invalid)", then " [|ntp]" if the declared length was not
// captured.
void print_invalid(Context& ctx, const ByteReader& message, std::uint32_t length);

}  // namespace rawdump::print::ntp
