// The interface names of this host, by index, for the printer's LINUX_SLL2 lines.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>

#include "src/print/base/interface_names.hpp"

namespace rawdump::names {

// Asks the kernel (if_indextoname, which opens a socket each time) once per index and keeps
// the answer: an index is never reused for another interface while the run lasts (the kernel
// counts them up), so a cached name can only be stale after a rename.
class HostInterfaceNames final : public print::InterfaceNames {
public:
    std::string_view interface_name(std::uint32_t index) const noexcept override;

private:
    mutable std::unordered_map<std::uint32_t, std::string> known_;
};

}  // namespace rawdump::names
