// What the DNS printer's parts share: the message as tcpdump walks it, and the walkers.
//
// tcpdump walks a DNS message with raw pointers that may step past the end of the capture
// (compression pointers, record lengths) and checks before it reads. Here a position is an
// offset from the first header byte, every read goes through the ByteReader over the captured
// bytes, and a walker that fails returns no position, as tcpdump's return NULL. Where tcpdump
// instead longjmps out of a GET_* macro, `unwound` is set so the line ends at once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"
#include "src/print/app/dns.hpp"

namespace rawdump::print::dns {

using Position = std::optional<std::size_t>;

class Message {
public:
    Message(Context& ctx, ByteReader bytes, DnsFlavor flavor) noexcept
        : ctx(ctx), multicast(flavor == DnsFlavor::Multicast), bytes_(bytes) {}

    Context& ctx;
    const bool multicast;
    bool unwound = false;  // tcpdump would have longjmp'd: print the marker, nothing more
    // Where tcpdump reads with a GET_* macro without checking first.
    std::nullopt_t unwind() noexcept {
        unwound = true;
        return std::nullopt;
    }

    // Captured bytes: tcpdump's snapend, which bounds every walk (not the declared length).
    std::size_t end() const noexcept { return bytes_.size(); }
    bool has(std::size_t at, std::size_t n) const noexcept { return at <= end() && n <= end() - at; }
    // Reads past the capture return 0; walkers check has() first, as tcpdump's ND_TTEST does.
    std::uint8_t u8(std::size_t at) const noexcept { return bytes_.u8_at(at); }
    std::uint16_t be16(std::size_t at) const noexcept { return bytes_.be16_at(at); }
    std::uint32_t be32(std::size_t at) const noexcept { return bytes_.be32_at(at); }
    Ipv4Address ipv4(std::size_t at) const noexcept { return bytes_.ipv4_at(at); }
    Ipv6Address ipv6(std::size_t at) const noexcept { return bytes_.ipv6_at(at); }
    // Up to n bytes from `at`, clipped to the capture.
    ByteReader window(std::size_t at, std::size_t n) const noexcept { return bytes_.window(at, n); }

private:
    ByteReader bytes_;
};

// Domain names (dns_names.cpp). `base` is where compression offsets count from: the message
// start, except inside the EDNS CHAIN option, where tcpdump counts from the option's end.
Position skip_name(const Message& m, std::size_t at);
Position print_name(Message& m, std::size_t at, std::size_t base = 0);
// tcpdump's nd_printn: up to n bytes of text, escaped; false when the capture ended first.
bool print_text(Message& m, std::size_t at, std::size_t n);
// A <character-string>: a length byte, then that much text.
Position print_character_string(Message& m, std::size_t at);

// Questions and resource records (dns_records.cpp).
Position print_question(Message& m, std::size_t at);
// On a record whose header is not all captured this returns end(), not nothing, as tcpdump's
// ns_rprint returns snapend; the section loop then stops on its own.
Position print_record(Message& m, std::size_t at);

// One EDNS option of an OPT record (dns_edns.cpp).
Position print_edns_option(Message& m, std::size_t at);

}  // namespace rawdump::print::dns
