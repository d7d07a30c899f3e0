// The named constants pcap-filter arithmetic accepts (pcap-filter(7)): field offsets, TCP flag
// bits and ICMP/ICMPv6 type values.
#pragma once

#include <array>

#include "filter/protocol_names.hpp"

namespace rawdump::filter {

inline constexpr std::array arith_constant_names{
    NumberName{"tcpflags", 13},
    NumberName{"icmptype", 0},
    NumberName{"icmpcode", 1},
    NumberName{"icmp6type", 0},
    NumberName{"icmp6code", 1},
    NumberName{"tcp-fin", 0x01},
    NumberName{"tcp-syn", 0x02},
    NumberName{"tcp-rst", 0x04},
    NumberName{"tcp-push", 0x08},
    NumberName{"tcp-ack", 0x10},
    NumberName{"tcp-urg", 0x20},
    NumberName{"tcp-ece", 0x40},
    NumberName{"tcp-cwr", 0x80},
    NumberName{"icmp-echoreply", 0},
    NumberName{"icmp-unreach", 3},
    NumberName{"icmp-sourcequench", 4},
    NumberName{"icmp-redirect", 5},
    NumberName{"icmp-echo", 8},
    NumberName{"icmp-routeradvert", 9},
    NumberName{"icmp-routersolicit", 10},
    NumberName{"icmp-timxceed", 11},
    NumberName{"icmp-paramprob", 12},
    NumberName{"icmp-tstamp", 13},
    NumberName{"icmp-tstampreply", 14},
    NumberName{"icmp-ireq", 15},
    NumberName{"icmp-ireqreply", 16},
    NumberName{"icmp-maskreq", 17},
    NumberName{"icmp-maskreply", 18},
    NumberName{"icmp6-destinationunreach", 1},
    NumberName{"icmp6-packettoobig", 2},
    NumberName{"icmp6-timeexceeded", 3},
    NumberName{"icmp6-parameterproblem", 4},
    NumberName{"icmp6-echo", 128},
    NumberName{"icmp6-echoreply", 129},
    NumberName{"icmp6-multicastlistenerquery", 130},
    NumberName{"icmp6-multicastlistenerreportv1", 131},
    NumberName{"icmp6-multicastlistenerdone", 132},
    NumberName{"icmp6-routersolicit", 133},
    NumberName{"icmp6-routeradvert", 134},
    NumberName{"icmp6-neighborsolicit", 135},
    NumberName{"icmp6-neighboradvert", 136},
    NumberName{"icmp6-redirect", 137},
    NumberName{"icmp6-routerrenum", 138},
    NumberName{"icmp6-nodeinformationquery", 139},
    NumberName{"icmp6-nodeinformationresponse", 140},
    NumberName{"icmp6-ineighbordiscoverysolicit", 141},
    NumberName{"icmp6-ineighbordiscoveryadvert", 142},
    NumberName{"icmp6-multicastlistenerreportv2", 143},
    NumberName{"icmp6-homeagentdiscoveryrequest", 144},
    NumberName{"icmp6-homeagentdiscoveryreply", 145},
    NumberName{"icmp6-mobileprefixsolicit", 146},
    NumberName{"icmp6-mobileprefixadvert", 147},
    NumberName{"icmp6-certpathsolicit", 148},
    NumberName{"icmp6-certpathadvert", 149},
    NumberName{"icmp6-multicastrouteradvert", 151},
    NumberName{"icmp6-multicastroutersolicit", 152},
    NumberName{"icmp6-multicastrouterterm", 153},
};

}  // namespace rawdump::filter
