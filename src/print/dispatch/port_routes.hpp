// One entry of a port table (udp_applications.cpp, tcp_applications.cpp): which ports claim
// a payload, whether -q silences the printer, and the printer. The tables are walked in
// order and the first entry that claims the payload prints it: tcpdump's chain of
// IS_SRC_OR_DST_PORT tests, whose order decides what a packet between two known ports is.
#pragma once

#include <cstdint>

#include "src/print/base/context.hpp"
#include "src/print/dispatch/ports.hpp"

namespace rawdump::print {

// Which of the two ports must match (BFD goes by the destination port alone).
enum class PortSide : std::uint8_t { Either, Destination };
// Whether the printer runs under -q (tcpdump prints the generic line instead for most).
enum class UnderQuiet : std::uint8_t { Silenced, Prints };

using ApplicationPrinter = void (*)(Context&, const ApplicationPayload&);
using ApplicationClaim = bool (*)(const Context&, const ApplicationPayload&);

struct PortRoute {
    // Ports low..high (one port when equal), tested on `side`; ignored when `claims` is set.
    std::uint16_t low = 0, high = 0;
    PortSide side = PortSide::Either;
    UnderQuiet quiet = UnderQuiet::Silenced;
    ApplicationPrinter print = nullptr;
    ApplicationClaim claims = nullptr;  // a test other than a port (-T domain, DNS over TCP)

    constexpr bool matches(const Context& ctx, const ApplicationPayload& app) const {
        if (quiet == UnderQuiet::Silenced && ctx.options.quiet) return false;
        if (claims) return claims(ctx, app);
        auto in_range = [this](std::uint16_t port) { return port >= low && port <= high; };
        return in_range(app.dport) || (side == PortSide::Either && in_range(app.sport));
    }
};

// A route on one port, or on the ports low..high.
constexpr PortRoute on_port(std::uint16_t port, ApplicationPrinter print, PortSide side = PortSide::Either) {
    return PortRoute{port, port, side, UnderQuiet::Silenced, print, nullptr};
}
constexpr PortRoute on_ports(std::uint16_t low, std::uint16_t high, ApplicationPrinter print) {
    return PortRoute{low, high, PortSide::Either, UnderQuiet::Silenced, print, nullptr};
}
// A route chosen by a test of the context or payload; `quiet` says whether -q stops it.
constexpr PortRoute when(ApplicationClaim claims, UnderQuiet quiet, ApplicationPrinter print) {
    return PortRoute{0, 0, PortSide::Either, quiet, print, claims};
}

// The first route that claims the payload prints it; false when none does.
template <typename Routes>
bool print_first_claiming(Context& ctx, const ApplicationPayload& app, const Routes& routes) {
    for (const PortRoute& route : routes) {
        if (!route.matches(ctx, app)) continue;
        route.print(ctx, app);
        return true;
    }
    return false;
}

}  // namespace rawdump::print
