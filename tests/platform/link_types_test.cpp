// The ARPHRD -> link type table against libpcap 1.10's map_arphrd_to_dlt()/setup_socket(),
// as tcpdump 4.99.3 -L showed it for tun devices retyped with TUNSETLINK (tests/live/
// interfaces-linktypes does the same live).
#include <doctest/doctest.h>

#include <linux/if_arp.h>

#include <vector>

#include "platform/link_types_linux.hpp"

using namespace rawdump;
using namespace rawdump::platform;

namespace {

using List = std::vector<std::uint32_t>;

// The cases pin the LINKTYPE_ numbers themselves (what -L prints and files hold).
List numbers(const std::vector<rawdump::LinkType>& types) {
    List result;
    for (auto type : types) result.push_back(rawdump::link_type_number(type));
    return result;
}

struct Case {
    int arphrd;
    const char* name;
    std::uint32_t link_type;
    bool cooked;
    List offered;
};

}  // namespace

TEST_CASE("ARPHRD types map to libpcap's link types, cooked where libpcap reopens SOCK_DGRAM") {
    const Case cases[] = {
        {ARPHRD_ETHER, "eth0", 1, false, {1, 143}},          // EN10MB, DOCSIS
        {ARPHRD_LOOPBACK, "lo", 1, false, {1}},
        {ARPHRD_METRICOM, "m0", 1, false, {1}},
        {ARPHRD_NONE, "tun0", 101, false, {101}},            // tun, WireGuard: RAW
        {ARPHRD_TUNNEL, "ipip1", 101, false, {101}},
        {ARPHRD_SIT, "sit1", 101, false, {101}},
        {ARPHRD_SLIP, "sl0", 101, false, {101}},
        {ARPHRD_RAWHDLC, "h0", 101, false, {101}},
        {ARPHRD_DLCI, "d0", 101, false, {101}},
        {ARPHRD_IPGRE, "gre1", 113, true, {113}},            // unknown to libpcap: cooked
        {ARPHRD_IP6GRE, "ip6gre1", 113, true, {113}},
        {ARPHRD_TUNNEL6, "ip6tnl1", 113, true, {113}},
        {ARPHRD_PPP, "ppp0", 113, true, {113}},
        {19 /* ATM */, "atm0", 113, true, {113}},
        {ARPHRD_VOID, "v0", 113, true, {113}},
        {ARPHRD_CISCO, "c0", 104, false, {104}},
        {ARPHRD_FRAD, "f0", 107, false, {107}},
        {280 /* CAN */, "can0", 227, false, {227}},
        {824 /* NETLINK */, "nlmon0", 253, true, {253}},     // cooked, keeps its own type
        {ARPHRD_IRDA, "irda0", 144, true, {144}},
        {8445 /* LAPD */, "lapd0", 177, true, {177}},
        {ARPHRD_FCPP, "fc0", 224, false, {224, 225, 122}},
        {18, "fc1", 122, false, {122}},
        {ARPHRD_IEEE80211_RADIOTAP, "mon0", 127, false, {127}},
        {ARPHRD_IEEE802154, "wpan0", 230, false, {230}},
        {ARPHRD_EETHER, "e0", 2, false, {2}},
        {ARPHRD_ARCNET, "arc0", 129, false, {129}},
        {ARPHRD_IEEE802, "tr0", 6, false, {6}},
        {826 /* VSOCKMON */, "vsockmon0", 271, false, {271}},
    };
    for (const auto& c : cases) {
        CAPTURE(c.arphrd);
        const auto types = link_types_for_device(c.arphrd, c.name, false);
        CHECK(rawdump::link_type_number(types.link_type) == c.link_type);
        CHECK(types.cooked == c.cooked);
        CHECK(numbers(types.offered) == c.offered);
    }
}

TEST_CASE("Ethernet exceptions: Wi-Fi gets no DOCSIS, ISDN is cooked with both versions, rmnet is RAW") {
    CHECK(numbers(link_types_for_device(ARPHRD_ETHER, "wlan0", true).offered) == List{1});
    const auto isdn = link_types_for_device(ARPHRD_ETHER, "isdn0", false);
    CHECK(isdn.cooked);
    CHECK(isdn.link_type == rawdump::LinkType::LinuxSll);
    CHECK(numbers(isdn.offered) == List{113, 276});
    const auto rmnet = link_types_for_device(ARPHRD_ETHER, "cdma_rmnet0", false);
    CHECK(rmnet.link_type == rawdump::LinkType::Raw);
    CHECK_FALSE(rmnet.cooked);
}

TEST_CASE("any is cooked and offers LINUX_SLL then LINUX_SLL2") {
    const auto any = link_types_for_any();
    CHECK(any.cooked);
    CHECK(any.link_type == rawdump::LinkType::LinuxSll);
    CHECK(numbers(any.offered) == List{113, 276});
}

TEST_CASE("names: case-insensitive lookup, libpcap's descriptions, tcpdump's printing marks") {
    CHECK(linux_link_type_from_name("linux_sll2") == rawdump::LinkType::LinuxSll2);
    CHECK(linux_link_type_from_name("Docsis") == rawdump::LinkType::Docsis);
    CHECK_FALSE(linux_link_type_from_name("FOO").has_value());
    CHECK(linux_link_type_name(rawdump::LinkType::Docsis)->description == "DOCSIS");
    CHECK_FALSE(linux_link_type_name(rawdump::LinkType::Docsis)->tcpdump_prints);
    CHECK(linux_link_type_name(rawdump::LinkType::LinuxSll)->description == "Linux cooked v1");
    CHECK(linux_link_type_name(rawdump::LinkType::LinuxLapd)->description == "Linux vISDN LAPD");
    CHECK(linux_link_type_name(rawdump::LinkType::En3mb) == nullptr);  // libpcap has no name: "DLT 2"
}
