// What the printer asks for the name of a network interface by its index: tcpdump prints it for
// every LINUX_SLL2 packet (`-i any`), with -n too, asking the host it runs on (so a file from
// another machine may show other names, or "?"). The printer does no I/O, so the command line
// hands the answers in (src/names/interface_names.hpp asks the kernel).
#pragma once

#include <cstdint>
#include <string_view>

namespace rawdump::print {

class InterfaceNames {
public:
    virtual ~InterfaceNames() = default;
    // The name, or empty when the host has no interface of that index ("?" is printed then).
    virtual std::string_view interface_name(std::uint32_t index) const noexcept = 0;
};

// Knows no interface: every index prints as "?". For tests, and printers of other hosts' files.
class NoInterfaceNames final : public InterfaceNames {
public:
    std::string_view interface_name(std::uint32_t) const noexcept override { return {}; }
};

inline const NoInterfaceNames no_interface_names{};

}  // namespace rawdump::print
