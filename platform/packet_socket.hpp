// Building the capture socket in an order that lets no unfiltered packet through:
// socket(AF_PACKET, SOCK_RAW or SOCK_DGRAM, protocol 0) receives nothing; then the filter;
// then the promiscuous membership, TPACKET_V3, the ring; bind(ifindex, ETH_P_ALL) comes last.
#pragma once

#include <string>

#include "src/core/expected.hpp"
#include "platform/capture.hpp"
#include "platform/link_types_linux.hpp"
#include "platform/ring.hpp"
#include "platform/ring_packet.hpp"
#include "platform/unique_fd.hpp"

namespace rawdump::platform {

// What open_packet_socket() learned about the interface.
struct InterfaceFacts {
    int index = 0;  // 0 for "any"
    bool loopback = false;
    LinkLayer link = LinkLayer::Unsupported;
};

struct PacketSocket {
    UniqueFd socket;
    RxRing ring;
    InterfaceFacts facts;
    FrameRules rules;
};

// The link types a device offers, as libpcap's activation decides them (checking first that
// it exists and is up, in libpcap's words). `monitor_mode` (-I): libpcap's error, as no
// device here offers it ("eth0: That device doesn't support monitor mode").
Expected<DeviceLinkTypes, CaptureError> describe_device(const std::string& name, bool monitor_mode = false);

// Errors are worded as tcpdump words them (see capture_errors.hpp). config.link_type and
// config.cooked come from describe_device() (and -y).
Expected<PacketSocket, CaptureError> open_packet_socket(const CaptureConfig& config);

}  // namespace rawdump::platform
