// Live capture on Linux: an AF_PACKET socket with a TPACKET_V3 receive ring and a classic BPF
// program attached before the socket can see any packet.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>

#include "src/core/expected.hpp"
#include "src/core/frame.hpp"
#include "src/core/link_type.hpp"
#include "src/core/snaplen.hpp"

namespace rawdump::platform {

// Same layout as struct sock_filter (static_assert'ed in packet_socket.cpp).
struct KernelInsn {
    std::uint16_t code;
    std::uint8_t jt;
    std::uint8_t jf;
    std::uint32_t k;
};

struct CaptureConfig {
    std::string interface;                  // e.g. "lo", "eth0"
    std::uint32_t snaplen = maximum_snaplen;        // bytes kept per packet (also clipped in userland)
    bool promiscuous = true;                // -p turns it off
    // TPACKET_V3 block retire timeout: the longest a packet waits in a block that is not full
    // (the kernel's timer runs only while the ring is set up; an idle ring costs a wake-up per
    // timeout in the kernel, none in rawdump). <= 0: kernel's (8 ms).
    int block_timeout_ms = 8;
    bool immediate = false;                 // a TPACKET_V2 ring: each packet handed over alone
    std::uint32_t buffer_size = 2 * 1024 * 1024;  // ring bytes (tcpdump -B is KiB)
    // The filter; its accept value is the snaplen. Empty: accept all (a "ret #snaplen" is
    // attached so the kernel copies no more than snaplen). Copied by open(), may die after.
    std::span<const KernelInsn> program;
    // The link type to capture as (LINKTYPE_*: -y's choice or the device's default from
    // describe_device()); cooked: a SOCK_DGRAM socket, a LINUX_SLL/SLL2 header built in front
    // of each packet and `program` compiled for that header (see platform/cooked_header.hpp).
    LinkType link_type = LinkType::En10mb;
    bool cooked = false;
    // -Q: which packets are kept, by sll_pkttype (PACKET_OUTGOING is "out").
    enum class Directions { InOut, In, Out };
    Directions directions = Directions::InOut;
    // -j adapter / adapter_unsynced: ask the NIC for hardware time stamps (libpcap's
    // SIOCSHWTSTAMP + PACKET_TIMESTAMP); only when time_stamp_types() offered them.
    enum class HardwareStamps { None, Synced, Unsynced };
    HardwareStamps hardware_stamps = HardwareStamps::None;
};

struct CaptureStats {
    // tp_packets, accumulated: every packet that passed the kernel filter, including the ones
    // dropped for lack of ring space and, on lo, both copies (tcpdump prints the same).
    std::uint64_t received_by_filter = 0;
    std::uint64_t dropped_by_kernel = 0;   // tp_drops, accumulated (ring full)
};

struct CaptureError {
    // What failed, without the program name:
    //   "eth9: No such device exists"
    //   "lo: You don't have permission to capture on that device"
    //   "ifb0: That device is not up"
    std::string message;
    // Why, when the message alone does not say it; often empty:
    //   "socket: Operation not permitted"
    std::string detail;

    // The one line rawdump prints. (tcpdump puts the detail on a second line, and repeats
    // "No such device exists" there; one line is easier to read and to grep.)
    std::string one_line() const { return detail.empty() ? message : message + " (" + detail + ")"; }
};

enum class LinkLayer { Ethernet, Unsupported };

class Capture {
public:
    static Expected<std::unique_ptr<Capture>, CaptureError> open(const CaptureConfig& config);
    virtual ~Capture() = default;

    virtual LinkLayer link_layer() const noexcept = 0;

    // Waits for packets and calls `handle` for each (loopback's outgoing duplicates already
    // dropped, like tcpdump). Returns true once the ready blocks are handled (at least one,
    // at most a ring's worth), after interrupt(), or when `handle` returned false; returns
    // false on error and sets `error`.
    // `handle` returns false to stop early (e.g. -c reached): the rest of that block stays
    // owned by us and the next dispatch() continues with the next packet. The frame's bytes
    // live in the ring and are valid only during the `handle` call.
    virtual bool dispatch(const std::function<bool(const Frame&)>& handle, CaptureError& error) = 0;

    // At stop (a signal, the interface gone): makes the kernel accept no more packets (its
    // counters freeze) and hands every packet it already accepted to `handle`, including
    // those in the block it is still filling (waits for the block timeout, bounded). After it,
    // captured == received_by_filter - dropped_by_kernel (less lo duplicates and -Q skips)
    // unless `handle` stopped it. Returns false on error. No dispatch() may follow.
    virtual bool drain(const std::function<bool(const Frame&)>& handle, CaptureError& error) = 0;

    // Async-signal-safe: makes a blocked or the next dispatch() return true promptly, after
    // the packet being handled (one-shot, like pcap_breakloop; the caller keeps its own flag).
    virtual void interrupt() noexcept = 0;

    // Reads and accumulates the kernel counters (they reset on every read).
    virtual CaptureStats stats() = 0;
};

}  // namespace rawdump::platform
