// Building the capture socket in an order that lets no unfiltered packet through:
// socket(AF_PACKET, SOCK_RAW, protocol 0) receives nothing; then the filter; then the
// promiscuous membership, TPACKET_V3, the ring; bind(ifindex, ETH_P_ALL) comes last.
#pragma once

#include "filter/expected.hpp"
#include "platform/capture.hpp"
#include "platform/ring.hpp"
#include "platform/unique_fd.hpp"

namespace rawdump::platform {

// What open_packet_socket() learned about the interface.
struct InterfaceFacts {
    int index = 0;
    bool loopback = false;
    LinkLayer link = LinkLayer::Unsupported;
};

struct PacketSocket {
    UniqueFd socket;
    RxRing ring;
    InterfaceFacts facts;
};

// Errors are worded as tcpdump words them (see capture_errors.hpp).
Expected<PacketSocket, CaptureError> open_packet_socket(const CaptureConfig& config);

}  // namespace rawdump::platform
