// The BOOTP vendor area (print-bootp.c rfc1048_print / cmu_print). Internal to the BOOTP
// printer: bootp.cpp picks the layout by the magic number.
#pragma once

#include <cstdint>
#include <string_view>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print::bootp {

constexpr std::string_view protocol = "bootp";  // the " [|bootp]" truncation marker

// RFC 1048 options after the magic cookie 99.130.83.99. `vendor` starts at the cookie and
// runs to the end of the captured datagram: options are read until the capture ends, not
// just the 64-byte field.
void print_rfc1048_options(Context& ctx, ByteReader vendor);
// The CMU vendor extension ("CMU\0" magic): fixed fields of addresses.
void print_cmu_vendor(Context& ctx, ByteReader vendor);

// The value of a '$' option whose `length` bytes (all captured) are in `value`; returns how
// many bytes it left undecoded (printed as "trailing data").
std::uint32_t print_special_option(Context& ctx, std::uint8_t tag, ByteReader value, std::uint32_t length);

}  // namespace rawdump::print::bootp
