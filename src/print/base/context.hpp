// What every layer printer gets: the output flags, the names and time zone the caller handed in,
// per-flow state and the caller's output buffer. Appending never allocates once the buffer has
// grown to a packet's size.
#pragma once

#include <iterator>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "src/print/base/output_options.hpp"
#include "src/print/base/address.hpp"
#include "src/print/base/byte_reader.hpp"
#include "src/print/base/name_lookup.hpp"
#include "src/print/base/interface_names.hpp"
#include "src/print/base/time_zone.hpp"

namespace rawdump::print {

class TcpSequenceTable;

struct Context {
    const OutputOptions& options;
    const NameLookup& names;  // asked only without -n (resolve())
    TcpSequenceTable& tcp_sequences;
    fmt::memory_buffer& out;
    const TimeZone& time_zone = utc_time_zone;  // UTC unless handed one (a protocol printer under test)
    const InterfaceNames& interfaces = no_interface_names;  // asked with -n too (LINUX_SLL2)

    void put(std::string_view s) { out.append(s.data(), s.data() + s.size()); }
    void put(char c) { out.push_back(c); }
    template <typename... Args>
    void print(fmt::format_string<Args...> format, Args&&... args) {
        fmt::format_to(std::back_inserter(out), format, std::forward<Args>(args)...);
    }
    // tcpdump's nd_print_trunc: " [|tcp]".
    void truncated(std::string_view protocol) {
        put(" [|");
        put(protocol);
        put(']');
    }
    // The same marker where tcpdump gets there by longjmp out of a GET_* macro: the printer
    // then loses the link-header length, so -x/-X dump from the start of the frame.
    void truncated_unwind(std::string_view protocol) {
        truncated(protocol);
        unwound = true;
    }
    bool unwound = false;

    bool resolve() const noexcept { return !options.numeric; }
    // Undecoded payloads get a hex+ASCII dump, unless -x/-X dump the packet anyway or -q.
    bool default_dump() const noexcept { return options.hex == HexDump::None && !options.quiet; }

    template <typename Address>
    void host(const Address& a) {
        if (resolve()) {
            if (auto name = names.host(a); !name.empty()) return put(name);
        }
        append_numeric(out, a);
    }
    // tcpdump's etheraddr_string: "Broadcast", or the numeric form plus " (oui Name)" unless -n.
    void mac(const MacAddress& a);
    void tcp_port(std::uint16_t port) { port_name(port, resolve() ? names.tcp_port(port) : std::string_view{}); }
    void udp_port(std::uint16_t port) { port_name(port, resolve() ? names.udp_port(port) : std::string_view{}); }

private:
    void port_name(std::uint16_t port, std::string_view name) {
        if (!name.empty())
            put(name);
        else
            print("{}", port);
    }
};

// tcpdump's bittok2str: the names of the bits of `bits` that `names` (pairs of bit and name)
// names, in the table's order, joined by ", "; `none` when no named bit is set.
template <typename Names, typename Bits>
void print_bit_names(Context& ctx, Bits bits, const Names& names, std::string_view none = "none") {
    bool any = false;
    for (const auto& [bit, name] : names) {
        if (!(bits & bit)) continue;
        if (any) ctx.put(", ");
        ctx.put(name);
        any = true;
    }
    if (!any) ctx.put(none);
}

// "[A, B]", or "[none]" when no bit is set (GRE and STP flags).
template <typename Names, typename Bits>
void print_flag_names(Context& ctx, Bits flags, const Names& names) {
    ctx.put('[');
    print_bit_names(ctx, flags, names);
    ctx.put(']');
}

// Untrusted text as tcpdump shows it (fn_print_char): "M-" for bytes above 0x7f, "^X" for
// control characters.
void print_escaped(Context& ctx, ByteReader text);
// tcpdump's nd_printjnp: the bytes of `text` up to the first NUL, escaped as above.
void print_escaped_to_nul(Context& ctx, ByteReader text);

}  // namespace rawdump::print
