#include "src/print/context.hpp"

#include "src/print/protocols.hpp"

namespace rawdump::print {

void Context::mac(const MacAddress& a) {
    if (resolve() && a.is_broadcast()) return put("Broadcast");
    append_numeric(out, a);
    if (resolve()) {
        auto name = oui_name(a.oui());
        put(" (oui ");
        put(name.empty() ? std::string_view{"Unknown"} : name);
        put(')');
    }
}

}  // namespace rawdump::print
