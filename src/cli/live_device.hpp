// Choosing the device and link type of a live capture as tcpdump 4.99.3 does: -i NAME, or a
// number from -D when no device has that name; the default device; -y (with its "data link
// type" line) and LINUX_SLL2 for "any"; -L and -J listings.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "platform/link_types_linux.hpp"
#include "src/core/link_type.hpp"
#include "src/cli/options.hpp"

namespace rawdump::cli {

struct LiveDevice {
    std::string name;                  // the device's name ("any" for "-i 2" too)
    platform::DeviceLinkTypes types;   // what libpcap's activation gives it
    LinkType link_type = LinkType::En10mb;  // after -y (and the "any" default)
};

// -y's name is one libpcap knows (else tcpdump's "invalid data link type NAME").
bool known_link_type_name(const std::string& name);
// Its link type, case-insensitive (a Linux device's or one rawdump prints); nullopt when unknown.
std::optional<LinkType> live_link_type_from_name(const std::string& name);

// "EN10MB (Ethernet)", "DOCSIS (DOCSIS)", or the number when there is no name.
std::string live_link_type_label(LinkType link_type);

// The device (checked: it exists, is up, -I), its link types, and -y applied; after -L's
// listing when `list_link_types` is set (then nullopt with `status` 0). Prints errors and
// warnings (-j) as tcpdump does, then returns nullopt with `status` 1.
std::optional<LiveDevice> choose_live_device(const Options& options, bool list_link_types, int& status);

// -J: tcpdump lists the time stamp types of the name as given, before opening it.
int list_time_stamp_types(const Options& options);

// -L.
int list_link_types(const Options& options);

}  // namespace rawdump::cli
