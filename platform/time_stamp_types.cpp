#include "platform/time_stamp_types.hpp"

// glibc's <net/if.h> must precede the <linux/...> headers (libc-compat guards).
#include <net/if.h>
#include <linux/ethtool.h>
#include <linux/if_packet.h>
#include <linux/net_tstamp.h>
#include <linux/sockios.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "platform/capture_errors.hpp"
#include "platform/unique_fd.hpp"

namespace rawdump::platform {

namespace {

bool fill_name(ifreq& request, const std::string& device) {
    if (device.empty() || device.size() >= IFNAMSIZ) return false;
    std::memcpy(request.ifr_name, device.data(), device.size());
    return true;
}

}  // namespace

std::vector<std::string_view> time_stamp_types(const std::string& device) {
    const std::vector<std::string_view> all = {"host", "adapter", "adapter_unsynced"};
    if (device == "any") return {"host"};
    UniqueFd sock(::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    ifreq request{};
    if (!sock.valid() || !fill_name(request, device)) return {"host"};
    ethtool_ts_info info{};
    info.cmd = ETHTOOL_GET_TS_INFO;
    request.ifr_data = reinterpret_cast<char*>(&info);
    if (::ioctl(sock.get(), SIOCETHTOOL, &request) != 0) {
        // A driver that cannot say: libpcap offers every type and lets activation decide.
        if (errno == EOPNOTSUPP || errno == EINVAL) return all;
        return {"host"};
    }
    // Stamps for only some packets (PTP) are no use to a capture: "host" alone.
    if ((info.rx_filters & (1u << HWTSTAMP_FILTER_ALL)) == 0) return {"host"};
    std::vector<std::string_view> types;
    if (info.so_timestamping & SOF_TIMESTAMPING_SOFTWARE) types.push_back("host");
    if (info.so_timestamping & SOF_TIMESTAMPING_SYS_HARDWARE) types.push_back("adapter");
    if (info.so_timestamping & SOF_TIMESTAMPING_RAW_HARDWARE) types.push_back("adapter_unsynced");
    if (types.empty()) types.push_back("host");
    return types;
}

std::string_view time_stamp_description(std::string_view name) noexcept {
    if (name == "host") return "Host";
    if (name == "host_lowprec") return "Host, low precision";
    if (name == "host_hiprec") return "Host, high precision";
    if (name == "adapter") return "Adapter";
    if (name == "adapter_unsynced") return "Adapter, not synced with system time";
    if (name == "host_hiprec_unsynced") return "Host, high precision, not synced with system time";
    return {};
}

std::string format_time_stamp_types(const std::string& device, const std::vector<std::string_view>& types) {
    std::string out = fmt::format("Time stamp types for {} (use option -j to set):\n", device);
    for (auto type : types) {
        const auto description = time_stamp_description(type);
        out += description.empty() ? fmt::format("  {}\n", type) : fmt::format("  {} ({})\n", type, description);
    }
    return out;
}

std::optional<CaptureError> enable_hardware_stamps(int fd, const std::string& device,
                                                   CaptureConfig::HardwareStamps stamps) {
    if (stamps == CaptureConfig::HardwareStamps::None) return std::nullopt;
    ifreq request{};
    if (!fill_name(request, device)) return errors::no_such_device(device);
    hwtstamp_config config{};
    config.tx_type = HWTSTAMP_TX_ON;
    config.rx_filter = HWTSTAMP_FILTER_ALL;
    request.ifr_data = reinterpret_cast<char*>(&config);
    if (::ioctl(fd, SIOCSHWTSTAMP, &request) < 0) {
        const int err = errno;
        if (err == EPERM)
            return CaptureError{"Attempt to set hardware timestamp failed - CAP_NET_ADMIN may be required", {}};
        if (err == EOPNOTSUPP || err == ERANGE)
            return CaptureError{fmt::format("{}: That device doesn't support that time stamp type", device), {}};
        return errors::system_call(device, "SIOCSHWTSTAMP", err);
    }
    const int which = stamps == CaptureConfig::HardwareStamps::Synced ? SOF_TIMESTAMPING_SYS_HARDWARE
                                                                      : SOF_TIMESTAMPING_RAW_HARDWARE;
    if (::setsockopt(fd, SOL_PACKET, PACKET_TIMESTAMP, &which, sizeof which) < 0)
        return errors::system_call(device, "setsockopt (PACKET_TIMESTAMP)", errno);
    return std::nullopt;
}

}  // namespace rawdump::platform
