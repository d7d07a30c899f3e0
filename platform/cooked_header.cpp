#include "platform/cooked_header.hpp"

#include <linux/filter.h>

#include <algorithm>
#include <cstring>

namespace rawdump::platform {

namespace {

void put16(std::byte* at, std::uint16_t value) noexcept {
    at[0] = std::byte(value >> 8);
    at[1] = std::byte(value & 0xff);
}

void put32(std::byte* at, std::uint32_t value) noexcept {
    put16(at, static_cast<std::uint16_t>(value >> 16));
    put16(at + 2, static_cast<std::uint16_t>(value & 0xffff));
}

// The 8-byte address field: sll_halen bytes of sll_addr, zeros after.
void put_address(std::byte* at, const sockaddr_ll& address) noexcept {
    const std::size_t length = std::min<std::size_t>(address.sll_halen, sizeof address.sll_addr);
    std::memset(at, 0, sizeof address.sll_addr);
    std::memcpy(at, address.sll_addr, length);
}

}  // namespace

void write_sll_header(const sockaddr_ll& address, std::span<std::byte, sll_header_length> out) noexcept {
    std::byte* p = out.data();
    put16(p, address.sll_pkttype);
    put16(p + 2, address.sll_hatype);
    put16(p + 4, address.sll_halen);
    put_address(p + 6, address);
    std::memcpy(p + 14, &address.sll_protocol, 2);  // already in network order
}

void write_sll2_header(const sockaddr_ll& address, std::span<std::byte, sll2_header_length> out) noexcept {
    std::byte* p = out.data();
    std::memcpy(p, &address.sll_protocol, 2);  // network order
    put16(p + 2, 0);                           // reserved, must be zero
    put32(p + 4, static_cast<std::uint32_t>(address.sll_ifindex));
    put16(p + 8, address.sll_hatype);
    p[10] = std::byte(address.sll_pkttype);
    p[11] = std::byte(address.sll_halen);
    put_address(p + 12, address);
}

bool fix_cooked_program(std::span<KernelInsn> program, bool sll2) noexcept {
    const std::uint32_t header = sll2 ? sll2_header_length : sll_header_length;
    const auto ancillary = [](std::uint32_t field) { return static_cast<std::uint32_t>(SKF_AD_OFF) + field; };
    for (auto& insn : program) {
        const auto cls = BPF_CLASS(insn.code);
        if (cls != BPF_LD && cls != BPF_LDX) continue;
        const auto mode = BPF_MODE(insn.code);
        if (mode != BPF_ABS && mode != BPF_IND && mode != BPF_MSH) continue;
        // fix_offset(): already-ancillary loads stay; the field offsets are matched whatever
        // the mode, exactly as libpcap does.
        if (insn.k >= static_cast<std::uint32_t>(SKF_AD_OFF)) continue;
        if (insn.k >= header) {
            insn.k -= header;
        } else if (sll2) {
            if (insn.k == 0) insn.k = ancillary(SKF_AD_PROTOCOL);
            else if (insn.k == 4) insn.k = ancillary(SKF_AD_IFINDEX);
            else if (insn.k == 10) insn.k = ancillary(SKF_AD_PKTTYPE);
            else if (static_cast<std::int32_t>(insn.k) > 0) return false;
        } else {
            if (insn.k == 0) insn.k = ancillary(SKF_AD_PKTTYPE);
            else if (insn.k == 14) insn.k = ancillary(SKF_AD_PROTOCOL);
            else if (static_cast<std::int32_t>(insn.k) > 0) return false;
        }
    }
    return true;
}

}  // namespace rawdump::platform
