#include "platform/capture_errors.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>

namespace rawdump::platform::errors {

CaptureError permission_denied(std::string_view interface, std::string_view call, int err) {
    return {fmt::format("{}: You don't have permission to perform this capture on that device",
                        interface),
            fmt::format("{}: {}", call, std::strerror(err))};
}

CaptureError no_such_device(std::string_view interface) {
    return {fmt::format("{}: No such device exists", interface), "No such device exists"};
}

CaptureError not_up(std::string_view interface) {
    return {fmt::format("{}: That device is not up", interface), {}};
}

CaptureError system_call(std::string_view interface, std::string_view call, int err) {
    return {fmt::format("{}: {}: {}", interface, call, std::strerror(err)), {}};
}

CaptureError from_poll_revents(std::string_view interface, int socket_error) {
    // libpcap (pcap_wait_for_frames_mmap) turns these two into plain sentences.
    if (socket_error == ENETDOWN)
        return {fmt::format("{}: The interface went down", interface), {}};
    if (socket_error == ENXIO || socket_error == ENODEV)
        return {fmt::format("{}: The interface disappeared", interface), {}};
    return {fmt::format("{}: Error condition on packet socket: {}", interface,
                        std::strerror(socket_error)),
            {}};
}

}  // namespace rawdump::platform::errors
