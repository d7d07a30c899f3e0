// UDP port dispatch (print-udp.c udp_print's chain of IS_SRC_OR_DST_PORT tests).
#include "src/print/applications.hpp"

namespace rawdump::print {

bool print_udp_application(Context& ctx, const IpInfo& ip, const ApplicationPayload& app) {
    (void)ctx;
    (void)ip;
    (void)app;
    return false;
}

}  // namespace rawdump::print
