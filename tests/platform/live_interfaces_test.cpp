// The -D listing against the real tcpdump -D, here and in a namespace built to exercise
// libpcap's ordering rules.
#include <doctest/doctest.h>

#include <sched.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "live_child.hpp"
#include "platform/interfaces.hpp"

using namespace rawdump;
using namespace rawdump::platform;

namespace {

// tcpdump -D's listing without libpcap's capture sources that are not network devices
// (rawdump leaves them out: it cannot open them), renumbered.
std::string without_pseudo_devices(const std::string& listing) {
    static const char* const pseudo[] = {"bluetooth-monitor", "bluetooth", "usbmon", "nflog", "nfqueue", "dbus-"};
    std::string out;
    unsigned number = 0;
    std::size_t start = 0;
    while (start < listing.size()) {
        std::size_t end = listing.find('\n', start);
        if (end == std::string::npos) end = listing.size();
        const std::string line = listing.substr(start, end - start);
        start = end + 1;
        const auto dot = line.find('.');
        if (dot == std::string::npos) continue;
        const std::string rest = line.substr(dot + 1);
        bool skip = false;
        for (const char* prefix : pseudo) skip = skip || rest.rfind(prefix, 0) == 0;
        if (!skip) out += std::to_string(++number) + "." + rest + "\n";
    }
    return out;
}

// tcpdump -D's output (see without_pseudo_devices), or "" when tcpdump is missing or fails.
std::string tcpdump_list() {
    std::FILE* pipe = ::popen("tcpdump -D 2>/dev/null", "r");
    if (pipe == nullptr) return "";
    std::string text;
    char buffer[512];
    while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) text += buffer;
    if (::pclose(pipe) != 0) return "";
    return without_pseudo_devices(text);
}

}  // namespace

TEST_CASE("rawdump's -D listing is tcpdump -D's, byte for byte") {
    const auto expected = tcpdump_list();
    if (expected.empty()) {
        MESSAGE("tcpdump not available; -D comparison skipped");
        return;
    }
    CHECK(format_interface_list(list_interfaces()) == expected);
    // tcpdump with no -i opens the first entry.
    CHECK(expected.substr(2, default_interface()->size()) == *default_interface());
}

TEST_CASE("-D in a namespace with up, down and cable-less veths is tcpdump -D's") {
    // Exercises libpcap's sort: running before not running, up before down, disconnected
    // and loopback later, discovery order for ties; then the pseudo-devices.
    const auto report = live::in_child([]() -> std::string {
        if (::unshare(CLONE_NEWNET) != 0) return "unshare failed";
        if (std::system("ip link add vA type veth peer name vB && ip link add vC type veth peer name vD"
                        " && ip link set vA up && ip link set vC up && ip link set vD up"
                        " && ip link set lo up") != 0)
            return "ip link failed";
        const auto expected = tcpdump_list();
        if (expected.empty()) return "no tcpdump";
        const auto actual = format_interface_list(list_interfaces());
        if (actual != expected) return "tcpdump:\n" + expected + "rawdump:\n" + actual;
        return "";
    });
    if (report == "no tcpdump") {
        MESSAGE("tcpdump not available; skipped");
        return;
    }
    CHECK(report == "");
}
