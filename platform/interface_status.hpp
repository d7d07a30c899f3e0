// What libpcap's Linux get_if_flags() adds to an interface's IFF_* flags: wireless or not,
// and the connection status (ethtool link state).
#pragma once

#include "platform/interfaces.hpp"

namespace rawdump::platform {

// Fills `wireless` and `status` of a network interface whose name and IFF_* flags are set.
void probe_interface_status(Interface& interface);

}  // namespace rawdump::platform
