// The CMU vendor extension (the pre-RFC 1048 "CMU" vendor area): flags, then fixed address
// fields printed when non-zero.
#include "src/print/app/bootp_vendor.hpp"

namespace rawdump::print::bootp {
namespace {

constexpr std::size_t flags_offset = 4;
constexpr std::uint8_t subnet_mask_valid = 0x01;  // VF_SMASK

struct CmuAddressField {
    std::size_t offset;
    std::string_view label;
};

}  // namespace

void print_cmu_vendor(Context& ctx, ByteReader vendor) {
    ctx.put(" vend-cmu");
    // Both checks here are tcpdump's ND_TCHECK: the marker without unwinding.
    if (!vendor.has(flags_offset + 4)) return ctx.truncated(protocol);
    // tcpdump tests only the first byte of the 32-bit flags word.
    std::uint8_t flags = vendor.u8_at(flags_offset);
    if (flags & ~subnet_mask_valid) ctx.print(" F:0x{:x}", flags);

    // Printed in tcpdump's order (gateway before mask), not the layout's.
    const CmuAddressField fields[] = {
        {12, "DG"},
        {8, flags & subnet_mask_valid ? "SM" : "SM*"},
        {16, "NS1"},
        {20, "NS2"},
        {24, "IEN1"},
        {28, "IEN2"},
        {32, "TS1"},
        {36, "TS2"},
    };
    for (const auto& field : fields) {
        if (!vendor.has_at(field.offset, 4)) return ctx.truncated(protocol);
        Ipv4Address address = vendor.ipv4_at(field.offset);
        if (address.value() == 0) continue;
        ctx.print(" {}:", field.label);
        ctx.host(address);
    }
}

}  // namespace rawdump::print::bootp
