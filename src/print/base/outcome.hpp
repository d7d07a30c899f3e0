// How a printer, or one part of it, ended: the one answer every decoder gives its caller.
//
// tcpdump stops on short or bad data in two ways, and the difference shows in its output. A
// printer that checks first (ND_TCHECK, a length test) prints its marker and returns; its caller
// goes on ("[truncated-option]", then the rest of the header). A GET_* read that fails longjmps
// out of the whole packet: the marker is the last thing printed, and the -x/-X dump then starts
// at the frame (Context::unwound). Malformed is data that contradicts itself (a length field
// below its minimum), which tcpdump reports and steps over.
#pragma once

#include <cstdint>

namespace rawdump::print {

enum class Outcome : std::uint8_t {
    Complete,   // all that was declared was there and printed
    Truncated,  // stopped at data that was not captured; the marker is printed, the caller goes on
    Malformed,  // stopped at data that contradicts itself; reported, the caller goes on
    Unwound,    // tcpdump's longjmp: the marker is printed and nothing more is, for this packet
};

constexpr bool finished(Outcome outcome) noexcept { return outcome == Outcome::Complete; }

}  // namespace rawdump::print
