#include "platform/interface_status.hpp"

// glibc's <net/if.h> must precede the <linux/...> headers (libc-compat guards).
#include <net/if.h>
#include <linux/ethtool.h>
#include <linux/if_arp.h>
#include <linux/sockios.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <string>

#include "platform/unique_fd.hpp"

namespace rawdump::platform {

namespace {

bool sysfs_exists(const std::string& name, const char* leaf) {
    struct stat info {};
    return ::stat(("/sys/class/net/" + name + "/" + leaf).c_str(), &info) == 0;
}

int sysfs_arphrd(const std::string& name) {
    std::ifstream file("/sys/class/net/" + name + "/type");
    int type = -1;
    if (!(file >> type)) return -1;
    return type;
}

bool is_wireless_arphrd(int type) {
    switch (type) {
        case ARPHRD_IRDA:
        case ARPHRD_IEEE80211:
        case ARPHRD_IEEE80211_PRISM:
        case ARPHRD_IEEE80211_RADIOTAP:
        case ARPHRD_IEEE802154:
        case ARPHRD_IEEE802154_MONITOR:
        case ARPHRD_6LOWPAN:
            return true;
        default:
            return false;
    }
}

}  // namespace

void probe_interface_status(Interface& interface) {
    if (interface.loopback) {
        interface.status = ConnectionStatus::NotApplicable;
        return;
    }
    // libpcap: a sysfs "wireless" directory (or wireless extensions) means Wi-Fi; otherwise
    // the ARPHRD type decides, and ARPHRD_LOOPBACK ends the probing with status unknown.
    if (sysfs_exists(interface.name, "wireless") || sysfs_exists(interface.name, "phy80211")) {
        interface.wireless = true;
    } else {
        const int type = sysfs_arphrd(interface.name);
        if (type == ARPHRD_LOOPBACK) return;
        if (is_wireless_arphrd(type)) interface.wireless = true;
    }

    UniqueFd sock(::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    if (!sock.valid() || interface.name.size() >= IFNAMSIZ) return;
    ifreq request{};
    std::memcpy(request.ifr_name, interface.name.data(), interface.name.size());
    ethtool_value link{};
    link.cmd = ETHTOOL_GLINK;
    request.ifr_data = reinterpret_cast<char*>(&link);
    if (::ioctl(sock.get(), SIOCETHTOOL, &request) != 0) {
        // No ethtool link state (ifb, tun, ...): libpcap calls the status "not applicable".
        if (errno == EOPNOTSUPP || errno == EINVAL) interface.status = ConnectionStatus::NotApplicable;
        return;
    }
    interface.status = link.data != 0 ? ConnectionStatus::Connected : ConnectionStatus::Disconnected;
}

}  // namespace rawdump::platform
