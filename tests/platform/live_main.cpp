// Root-only capture tests: exit 77 (meson's "skipped") without root.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>

namespace {

// Root without CAP_NET_RAW (capsh --drop=cap_net_raw) cannot capture either: ask the kernel.
bool can_capture() {
    const int fd = ::socket(AF_PACKET, SOCK_RAW, 0);
    if (fd < 0) return false;
    ::close(fd);
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    if (::geteuid() != 0 || !can_capture()) {
        std::puts("platform-live: skipped, capturing needs root (CAP_NET_RAW)");
        return 77;
    }
    doctest::Context context(argc, argv);
    return context.run();
}
