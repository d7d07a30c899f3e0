#include "platform/capture_errors.hpp"

#include <fmt/format.h>

#include <cstring>

namespace rawdump::platform::errors {

CaptureError permission_denied(std::string_view interface, std::string_view call, int err) {
    return {fmt::format("{}: You don't have permission to capture on that device",
                        interface),
            fmt::format("{}: {}", call, std::strerror(err))};
}

namespace {

// Capture sources a Debian libpcap lists beside the network interfaces and rawdump does not
// open (they are not AF_PACKET devices): named so that their refusal says why.
bool libpcap_only_source(std::string_view name) {
    for (std::string_view prefix : {"nflog", "nfqueue", "usbmon", "bluetooth", "dbus-"})
        if (name.starts_with(prefix)) return true;
    return false;
}

}  // namespace

CaptureError no_such_device(std::string_view interface) {
    if (libpcap_only_source(interface))
        return {fmt::format("{}: No such device exists", interface),
                "rawdump captures from network interfaces and any, not from libpcap's netfilter, "
                "USB, Bluetooth or D-Bus sources"};
    return {fmt::format("{}: No such device exists", interface), {}};
}

CaptureError not_up(std::string_view interface) {
    return {fmt::format("{}: That device is not up", interface), {}};
}

CaptureError no_monitor_mode(std::string_view interface) {
    return {fmt::format("{}: That device doesn't support monitor mode", interface), {}};
}

CaptureError system_call(std::string_view interface, std::string_view call, int err) {
    return {fmt::format("{}: {}: {}", interface, call, std::strerror(err)), {}};
}

CaptureError interface_disappeared() { return {"The interface disappeared", {}}; }

CaptureError socket_error(int err) {
    return {fmt::format("Error condition on packet socket: {}", std::strerror(err)), {}};
}

}  // namespace rawdump::platform::errors
