#include "src/names/interface_names.hpp"

#include <net/if.h>

namespace rawdump::names {

std::string_view HostInterfaceNames::interface_name(std::uint32_t index) const noexcept {
    try {
        auto [entry, inserted] = known_.try_emplace(index);
        if (inserted) {
            char name[IF_NAMESIZE + 1] = {};
            if (if_indextoname(index, name) != nullptr) entry->second = name;
        }
        return entry->second;
    } catch (...) {  // no memory for the cache: print "?" rather than end the capture
        return {};
    }
}

}  // namespace rawdump::names
