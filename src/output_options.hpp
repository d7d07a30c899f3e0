// How packets are printed: the output flags of the command line, resolved once.
#pragma once

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
    TimestampStyle timestamps = TimestampStyle::Local;
    PacketType packet_type = PacketType::ByPort;  // -T
};

}  // namespace rawdump
