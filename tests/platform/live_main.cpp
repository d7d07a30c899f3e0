// Root-only capture tests: exit 77 (meson's "skipped") without root.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdio>

int main(int argc, char** argv) {
    if (::geteuid() != 0) {
        std::puts("platform-live: skipped, capturing needs root (CAP_NET_RAW)");
        return 77;
    }
    doctest::Context context(argc, argv);
    return context.run();
}
