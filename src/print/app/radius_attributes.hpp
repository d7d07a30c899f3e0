// What radius.cpp (header and attribute list), radius_attributes.cpp and radius_location.cpp
// (the values) share: the message being printed, how it is read, and the attribute table.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print::radius {

struct Message {
    // The message and whatever follows it, as captured: tcpdump's value printers read past
    // an attribute (an EAP header longer than its attribute), so they get all of it.
    ByteReader bytes;
    // The truncation marker's name, EAP-Message's included.
    std::string_view protocol = "radius";
    // A read past the capture ends the whole packet (tcpdump's longjmp): that is
    // Context::unwound, set by the marker itself, so the message keeps no flag of its own.
};

// "User-Name"; "Unknown" for type 0 and types past the table.
std::string_view attribute_name(std::uint8_t type);

// The value of attribute `type` whose `length` bytes (header excluded, at least 1) start at
// `offset` of the message, as print-radius.c's attr_type[type].print_func shows it; nothing
// for types tcpdump has no printer for.
void print_attribute_value(Context& ctx, Message& message, std::uint8_t type, std::size_t offset,
                           std::uint32_t length);

// How the value printers read the message (radius_attributes.cpp).
// GET_* of `size` bytes at `offset`: true when captured; otherwise the marker is printed and
// the packet unwinds.
bool need(Context& ctx, Message& m, std::size_t offset, std::size_t size);
// GET_BE_U_n (n <= 8): the number, or nothing after need() failed.
std::optional<std::uint64_t> get(Context& ctx, Message& m, std::size_t offset, std::size_t size);
// ND_TCHECK_LEN: whether `length` bytes at `offset` were captured; the marker if not (the
// attribute list goes on).
bool check(Context& ctx, const Message& m, std::size_t offset, std::size_t length);
// A byte a check() or need() has vouched for.
std::uint8_t at(const Message& m, std::size_t offset);
// An IPv6 address from up to 16 vouched-for bytes, zero-filled (prefixes send only the
// octets the prefix length needs).
void print_ipv6_address(Context& ctx, const Message& m, std::size_t offset, std::size_t length);
// nd_printn: escaped text, NULs included.
void print_text(Context& ctx, const Message& m, std::size_t offset, std::size_t length);

// The RFC 5447 / 5580 values (radius_location.cpp); `length` excludes the attribute header.
void print_feature_vector(Context& ctx, Message& m, std::size_t offset, std::uint32_t length);
void print_home_link_prefix(Context& ctx, Message& m, std::size_t offset, std::uint32_t length);
void print_operator_name(Context& ctx, Message& m, std::size_t offset, std::uint32_t length);
void print_location_information(Context& ctx, Message& m, std::size_t offset, std::uint32_t length);
void print_location_data(Context& ctx, Message& m, std::size_t offset, std::uint32_t length);
void print_location_policy_rules(Context& ctx, Message& m, std::size_t offset, std::uint32_t length);

}  // namespace rawdump::print::radius
