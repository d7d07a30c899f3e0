// Capture errors in tcpdump 4.99 / libpcap 1.10's words, each on one line (tcpdump adds a
// parenthesised second line; rawdump appends that detail to the first).
#pragma once

#include <string_view>

#include "platform/capture.hpp"

namespace rawdump::platform::errors {

// "IF: You don't have permission to capture on that device", detail "socket: ..."
CaptureError permission_denied(std::string_view interface, std::string_view call, int err);
// "IF: No such device exists" (tcpdump repeats it on a second line; rawdump does not)
CaptureError no_such_device(std::string_view interface);
// tcpdump: "IF: That device is not up"
CaptureError not_up(std::string_view interface);
// -I: "IF: That device doesn't support monitor mode" (rawdump enters monitor mode nowhere).
CaptureError no_monitor_mode(std::string_view interface);
// Anything else: "IF: CALL: strerror" (libpcap's generic "%s: %s" errno form).
CaptureError system_call(std::string_view interface, std::string_view call, int err);
// Errors from dispatch() after the capture was set up, in libpcap's words (tcpdump prints
// them as "tcpdump: pcap_loop: MESSAGE"); they name no interface.
//   "The interface disappeared"              (deleted while capturing)
//   "Error condition on packet socket: ..."  (any other SO_ERROR)
CaptureError interface_disappeared();
CaptureError socket_error(int err);

}  // namespace rawdump::platform::errors
