// open() failures worded as tcpdump words them. Cases that need another identity or a
// network namespace run in a forked child.
#include <doctest/doctest.h>

#include <sched.h>
#include <unistd.h>

#include <string>

#include "live_child.hpp"

using live::in_child;
using live::open_error;

TEST_CASE("missing interface: tcpdump's text") {
    CHECK(open_error("eth9") == "eth9: No such device exists");
}

TEST_CASE("no CAP_NET_RAW: tcpdump's text") {
    const auto text = in_child([] {
        if (::setresgid(65534, 65534, 65534) != 0 || ::setresuid(65534, 65534, 65534) != 0)
            return std::string("setresuid failed");
        return open_error("lo");
    });
    CHECK(text ==
          "lo: You don't have permission to capture on that device (socket: Operation not permitted)");
}

TEST_CASE("interface down: tcpdump's text (lo of a fresh network namespace is down)") {
    const auto text = in_child([] {
        if (::unshare(CLONE_NEWNET) != 0) return std::string("unshare failed");
        return open_error("lo");
    });
    CHECK(text == "lo: That device is not up");
}
