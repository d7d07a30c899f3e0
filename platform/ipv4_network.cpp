#include "platform/ipv4_network.hpp"

#include <net/if.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

#include <cstring>

#include "platform/unique_fd.hpp"

namespace rawdump::platform {
namespace {

std::optional<std::uint32_t> ipv4_ioctl(int fd, const std::string& interface, unsigned long request) {
    ifreq query{};
    std::memcpy(query.ifr_name, interface.data(), interface.size());
    query.ifr_addr.sa_family = AF_INET;
    if (::ioctl(fd, request, &query) != 0) return std::nullopt;
    sockaddr_in address;
    std::memcpy(&address, &query.ifr_addr, sizeof address);
    return ntohl(address.sin_addr.s_addr);
}

}  // namespace

std::optional<Ipv4Network> ipv4_network(const std::string& interface) {
    if (interface.empty() || interface.size() >= IFNAMSIZ || interface == "any") return std::nullopt;
    UniqueFd fd(::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    if (!fd.valid()) return std::nullopt;
    auto address = ipv4_ioctl(fd.get(), interface, SIOCGIFADDR);
    auto mask = ipv4_ioctl(fd.get(), interface, SIOCGIFNETMASK);
    if (!address || !mask) return std::nullopt;
    return Ipv4Network{*address & *mask, *mask};
}

}  // namespace rawdump::platform
