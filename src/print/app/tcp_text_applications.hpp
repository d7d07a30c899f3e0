// The text protocols of tcp_print's port chain (Telnet, SMTP, WHOIS, SSH, FTP, HTTP,
// RTSP), kept apart from the binary ones so that tcp_applications.cpp reads as the
// chain's order only.
#pragma once

#include "src/print/dispatch/ports.hpp"

namespace rawdump::print {

// Prints and returns true when a port belongs to a text protocol tcpdump would pick here.
bool print_tcp_text_application(Context& ctx, const ApplicationPayload& app);

}  // namespace rawdump::print
