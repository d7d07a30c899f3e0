// TCP port dispatch (print-tcp.c tcp_print's chain of IS_SRC_OR_DST_PORT tests).
#include "src/print/applications.hpp"

namespace rawdump::print {

bool print_tcp_application(Context& ctx, const IpInfo& ip, const ApplicationPayload& app) {
    (void)ctx;
    (void)ip;
    (void)app;
    return false;
}

}  // namespace rawdump::print
