// How packets are printed: the output flags of the command line, resolved once.
#pragma once

#include <cstdint>

namespace rawdump {

enum class TimestampStyle {
    Local,           // default: 22:13:20.123456 in the local time zone
    None,            // -t
    Epoch,           // -tt
    DeltaPrevious,   // -ttt
    LocalDate,       // -tttt
    DeltaFirst,      // -ttttt
};

enum class HexDump {
    None,
    Network,       // -x: from the network layer
    Link,          // -xx: including the link-layer header
};

// -T: decode every UDP and TCP payload as this protocol, whatever the ports (tcpdump's
// packet type). ByPort is the default choice by well-known port.
enum class PacketType {
    ByPort,
    Domain,        // -T domain: DNS
};

struct OutputOptions {
    int verbosity = 0;                 // number of -v
    bool numeric = false;              // -n (-nn is the same in tcpdump 4.99)
    HexDump hex = HexDump::None;       // -x / -xx, or -X / -XX with `hex_ascii`
    bool hex_ascii = false;            // -X / -XX add the ASCII column
    bool ascii = false;                // -A / -AA
    bool ascii_link = false;           // -AA: the -A dump includes the link-layer header
    bool link_header = false;          // -e
    bool quiet = false;                // -q
    bool absolute_sequence = false;    // -S
    bool verify_checksums = true;      // -K turns it off
    bool packet_numbers = false;       // -#
    bool nanoseconds = false;          // --nano
    bool one_line = false;             // -g: IPv4 -v header and addresses on one line
    bool strip_domain = false;         // -N: host names without their domain
    bool foreign_numeric = false;      // -f: addresses outside the capture interface's net numerically
    std::uint32_t local_net = 0;       // -f: the interface's IPv4 network and mask (host order),
    std::uint32_t local_netmask = 0;   //     0/0 when it has none (then every address is named)
    bool nfs_handles = false;          // -u: undecoded NFS handles (for the NFS decoder)
    bool bgp_asdot = false;            // -b: BGP AS numbers as asdot (for the BGP decoder)
    bool mesh_headers = false;         // -H: 802.11s mesh headers (for the 802.11 decoder)
    TimestampStyle timestamps = TimestampStyle::Local;
    PacketType packet_type = PacketType::ByPort;  // -T
};

}  // namespace rawdump
