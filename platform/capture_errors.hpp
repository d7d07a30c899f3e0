// Capture errors worded exactly as tcpdump 4.99 / libpcap 1.10 word them, so a user (or a
// script) sees the same text from rawdump as from tcpdump.
#pragma once

#include <string_view>

#include "platform/capture.hpp"

namespace rawdump::platform::errors {

// tcpdump: "IF: You don't have permission to perform this capture on that device\n(socket: ...)"
CaptureError permission_denied(std::string_view interface, std::string_view call, int err);
// tcpdump: "IF: No such device exists\n(No such device exists)"
CaptureError no_such_device(std::string_view interface);
// tcpdump: "IF: That device is not up"
CaptureError not_up(std::string_view interface);
// Anything else: "IF: CALL: strerror" (libpcap's generic "%s: %s" errno form).
CaptureError system_call(std::string_view interface, std::string_view call, int err);
// Errors from dispatch() after the capture was set up (libpcap's wording).
CaptureError from_poll_revents(std::string_view interface, int socket_error);

}  // namespace rawdump::platform::errors
