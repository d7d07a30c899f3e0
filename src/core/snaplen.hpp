// The snapshot length: how many bytes of a packet are kept.
#pragma once

#include <cstdint>

namespace rawdump {

// libpcap's MAXIMUM_SNAPLEN: the default -s, the largest packet read from most files, what an
// accepting filter program returns, and the size of one ring frame.
inline constexpr std::uint32_t maximum_snaplen = 262144;

}  // namespace rawdump
