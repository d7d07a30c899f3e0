// The -d, -dd and -ddd listings, byte-identical in format to tcpdump's bpf_dump().
#pragma once

#include <string>

#include "filter/bpf.hpp"

namespace rawdump::filter {

enum class DumpStyle {
    Assembly = 1,  // -d:   (000) ldh      [12]
    CArray = 2,    // -dd:  { 0x28, 0, 0, 0x0000000c },
    Decimal = 3,   // -ddd: count line, then "40 0 0 12"
};

std::string dump(const Program& program, DumpStyle style);

}  // namespace rawdump::filter
