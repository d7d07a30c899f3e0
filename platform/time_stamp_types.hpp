// Time stamp types (-J, -j) as libpcap 1.10 offers them on Linux: "host" always; "adapter"
// and "adapter_unsynced" when the driver reports hardware stamps of every received packet
// (ETHTOOL_GET_TS_INFO), or all three when the driver cannot be asked.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/capture.hpp"

namespace rawdump::platform {

// libpcap's names, in its order (iface_ethtool_get_ts_info()); {"host"} for "any".
std::vector<std::string_view> time_stamp_types(const std::string& device);

// pcap_tstamp_type_val_to_description(): "host" -> "Host"; empty when unknown.
std::string_view time_stamp_description(std::string_view name) noexcept;

// The -J listing, exactly as tcpdump prints it.
std::string format_time_stamp_types(const std::string& device, const std::vector<std::string_view>& types);

// For -j adapter/adapter_unsynced: SIOCSHWTSTAMP (receive all) and PACKET_TIMESTAMP, with
// libpcap's messages; nothing for HardwareStamps::None.
std::optional<CaptureError> enable_hardware_stamps(int fd, const std::string& device,
                                                   CaptureConfig::HardwareStamps stamps);

}  // namespace rawdump::platform
