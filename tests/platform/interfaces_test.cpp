// Interface listing and tcpdump -D formatting (no privileges needed).
#include <doctest/doctest.h>

#include <algorithm>

#include "platform/interfaces.hpp"

using namespace rawdump;
using namespace rawdump::platform;

namespace {

Interface make(const char* name, bool up, bool running, bool loopback, ConnectionStatus status,
               const char* description = "", bool wireless = false) {
    Interface i;
    i.name = name;
    i.up = up;
    i.running = running;
    i.loopback = loopback;
    i.status = status;
    i.description = description;
    i.wireless = wireless;
    return i;
}

}  // namespace

TEST_CASE("the interface list contains lo, flagged loopback, up and not applicable") {
    const auto list = list_interfaces();
    const auto lo = std::find_if(list.begin(), list.end(), [](const Interface& i) { return i.name == "lo"; });
    REQUIRE(lo != list.end());
    CHECK(lo->loopback);
    CHECK(lo->index == 1);
    CHECK(lo->status == ConnectionStatus::NotApplicable);
    const auto any = std::find_if(list.begin(), list.end(), [](const Interface& i) { return i.name == "any"; });
    REQUIRE(any != list.end());
    // libpcap's sort: "any" after every up, running, connected non-loopback interface, before lo.
    CHECK(any < lo);
    REQUIRE(default_interface().has_value());
    CHECK(*default_interface() == list.front().name);
}

TEST_CASE("format_interface_list prints tcpdump -D lines") {
    const std::vector<Interface> list = {
        make("eth0", true, true, false, ConnectionStatus::Connected),
        make("any", true, true, false, ConnectionStatus::NotApplicable,
             "Pseudo-device that captures on all interfaces"),
        make("lo", true, true, true, ConnectionStatus::NotApplicable),
        make("ifb0", false, false, false, ConnectionStatus::NotApplicable),
        make("eth1", true, false, false, ConnectionStatus::Disconnected),
        make("wlan0", true, true, false, ConnectionStatus::Connected, "", true),
        make("wlan1", false, false, false, ConnectionStatus::Unknown, "", true),
        make("tun0", true, true, false, ConnectionStatus::Unknown),
        make("odd", false, false, false, ConnectionStatus::Unknown),
        make("bluetooth-monitor", false, false, false, ConnectionStatus::NotApplicable,
             "Bluetooth Linux Monitor", true),
        make("nflog", false, false, false, ConnectionStatus::NotApplicable,
             "Linux netfilter log (NFLOG) interface"),
    };
    CHECK(format_interface_list(list) ==
          "1.eth0 [Up, Running, Connected]\n"
          "2.any (Pseudo-device that captures on all interfaces) [Up, Running]\n"
          "3.lo [Up, Running, Loopback]\n"
          "4.ifb0 [none]\n"
          "5.eth1 [Up, Disconnected]\n"
          "6.wlan0 [Up, Running, Wireless, Associated]\n"
          "7.wlan1 [Wireless, Association status unknown]\n"
          "8.tun0 [Up, Running, Connection status unknown]\n"
          "9.odd\n"
          "10.bluetooth-monitor (Bluetooth Linux Monitor) [Wireless]\n"
          "11.nflog (Linux netfilter log (NFLOG) interface) [none]\n");
}

TEST_CASE("figure of merit orders like libpcap 1.10") {
    const auto eth0 = make("eth0", true, true, false, ConnectionStatus::Connected);
    const auto any = make("any", true, true, false, ConnectionStatus::NotApplicable);
    const auto lo = make("lo", true, true, true, ConnectionStatus::NotApplicable);
    const auto cable_out = make("eth1", true, true, false, ConnectionStatus::Disconnected);
    const auto down = make("ifb0", false, false, false, ConnectionStatus::NotApplicable);
    CHECK(figure_of_merit(eth0) < figure_of_merit(any));
    CHECK(figure_of_merit(any) < figure_of_merit(lo));
    CHECK(figure_of_merit(lo) < figure_of_merit(cable_out));
    CHECK(figure_of_merit(cable_out) < figure_of_merit(down));
    // No unit numbers: equal flags tie, and ties keep discovery order.
    CHECK(figure_of_merit(make("eth9", true, true, false, ConnectionStatus::Connected)) == figure_of_merit(eth0));
}
