// Per-connection initial sequence numbers for relative TCP numbering (print-tcp.c
// tcp_seq_hash): one entry per address/port pair in a canonical order, recorded from the
// first packet carrying ACK (or any SYN), so that packet still prints absolute numbers.
#pragma once

#include <array>
#include <cstdint>
#include <unordered_map>

namespace rawdump::print {

struct TcpFlowKey {
    std::array<std::uint8_t, 16> src{};  // IPv4 uses the first 4 bytes
    std::array<std::uint8_t, 16> dst{};
    std::uint32_t ports = 0;             // sport << 16 | dport, after canonical ordering
    std::uint8_t version = 4;
    friend bool operator==(const TcpFlowKey&, const TcpFlowKey&) = default;
};

struct TcpFlowKeyHash {
    std::size_t operator()(const TcpFlowKey& k) const noexcept;
};

struct TcpInitialSequence {
    std::uint32_t seq = 0;  // for the canonical "source" side
    std::uint32_t ack = 0;
};

class TcpSequenceTable {
public:
    // Finds the conversation, or (for a new one, or on SYN) records it. Returns the entry and
    // whether it was just recorded (then numbers print absolute).
    std::pair<TcpInitialSequence, bool> lookup(const TcpFlowKey& key, bool syn, TcpInitialSequence fresh);

private:
    std::unordered_map<TcpFlowKey, TcpInitialSequence, TcpFlowKeyHash> flows_;
};

}  // namespace rawdump::print
