#include "src/print/base/duration.hpp"

#include <array>
#include <utility>

namespace rawdump::print {

void print_duration(Context& ctx, std::uint32_t seconds) {
    constexpr std::array<std::pair<std::uint32_t, char>, 6> units{{
        {31536000, 'y'}, {604800, 'w'}, {86400, 'd'}, {3600, 'h'}, {60, 'm'}, {1, 's'},
    }};
    if (seconds == 0) return ctx.put("0s");
    for (const auto& [size, unit] : units) {
        if (seconds < size) continue;
        ctx.print("{}{}", seconds / size, unit);
        seconds %= size;
    }
}

}  // namespace rawdump::print
