// Reading PPP configuration option fields (ppp_lcp_options.cpp, ppp_options.cpp): the
// bounds and the -v/-vv hex dumps all option printers share.
#pragma once

#include <cstdint>
#include <string_view>

#include "src/print/link/ppp_control.hpp"

namespace rawdump::print::ppp {

template <typename Table, typename Key>
inline std::string_view name_or(const Table& table, Key key, std::string_view otherwise) {
    for (const auto& [k, name] : table)
        if (k == key) return name;
    return otherwise;
}

// The option's type and length once both are known to be there.
struct Header {
    std::uint8_t type = 0;
    std::uint8_t length = 0;
};

// Value reads past the capture end the packet, as tcpdump's GET_* macros do. tcpdump
// evaluates all the fields of one message before printing it, so callers check them with
// `need` first and print nothing of a message whose fields are not all there.
struct Value {
    Context& ctx;
    ByteReader r;  // from the option's first byte
    bool ok = true;

    bool need(std::size_t at, std::size_t n) {
        if (r.window(at, n).has(n)) return true;
        if (ok) ctx.truncated_unwind("ppp");
        ok = false;
        return false;
    }
    std::uint32_t u8(std::size_t at) { return read(at, 1); }
    std::uint32_t be16(std::size_t at) { return read(at, 2); }
    std::uint32_t be24(std::size_t at) { return read(at, 3); }
    std::uint32_t be32(std::size_t at) { return read(at, 4); }
    std::uint32_t read(std::size_t at, std::size_t n) {
        if (!need(at, n)) return 0;
        ByteReader field = r.window(at, n);
        std::uint32_t v = 0;
        for (std::size_t i = 0; i < n; ++i) v = v << 8 | field.u8();
        return v;
    }
    // An address checked with `need`: the name, or the numeric form under -n.
    void ipv4(std::size_t at) { ctx.host(r.ipv4_at(at)); }
};

// The value bytes (after type and length) in hex: under -vv for every option, under -v
// only for the options nothing above decoded.
inline void dump_value(Context& ctx, ByteReader option, std::uint8_t length) {
    print_unknown_data(ctx, option, 2, "\n\t    ", length - 2u);
}
inline std::uint32_t finish(Context& ctx, ByteReader option, std::uint8_t length) {
    if (ctx.options.verbosity > 1) dump_value(ctx, option, length);
    return length;
}
inline void dump_unknown(Context& ctx, ByteReader option, std::uint8_t length) {
    if (ctx.options.verbosity < 2) dump_value(ctx, option, length);
}

}  // namespace rawdump::print::ppp
