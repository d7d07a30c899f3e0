// The wording of capture errors, checked against what tcpdump 4.99.3 prints here.
#include <doctest/doctest.h>

#include <cerrno>

#include "platform/capture_errors.hpp"

using namespace rawdump;
using namespace rawdump::platform;

TEST_CASE("open() errors read like tcpdump's (without the program name)") {
    CHECK(errors::no_such_device("eth9").one_line() == "eth9: No such device exists");
    CHECK(errors::permission_denied("lo", "socket", EPERM).one_line() ==
          "lo: You don't have permission to capture on that device (socket: Operation not permitted)");
    CHECK(errors::not_up("ifb0").one_line() == "ifb0: That device is not up");
    // One line in `message`; tcpdump's parenthesised second line is `detail`.
    CHECK(errors::no_such_device("eth9").message == "eth9: No such device exists");
    CHECK(errors::system_call("lo", "bind", EINVAL).one_line() == "lo: bind: Invalid argument");
}

TEST_CASE("dispatch() errors use libpcap's sentences") {
    CHECK(errors::interface_disappeared().one_line() == "The interface disappeared");
    CHECK(errors::socket_error(EIO).one_line() == "Error condition on packet socket: Input/output error");
}
