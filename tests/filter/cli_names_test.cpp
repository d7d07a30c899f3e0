// The front end's name resolvers as the filter sees them: without /etc/services (a static
// binary in an empty root) port names come from the built-in table the printer uses too.
#include <doctest/doctest.h>

#include "filter/compile.hpp"
#include "src/cli/filter_setup.hpp"

using namespace rawdump;

TEST_SUITE("filter.cli-names") {
    TEST_CASE("port names work without /etc/services") {
        const filter::PortResolver resolve = cli::services_resolver("/nonexistent/services");
        REQUIRE(resolve);
        CHECK(resolve("http").tcp == 80);
        CHECK(resolve("domain").udp == 53);
        CHECK(resolve("ssh").tcp == 22);
        CHECK_FALSE(resolve("no-such-service").tcp.has_value());
        filter::CompileOptions options;
        options.resolve_port = resolve;
        CHECK(filter::compile("tcp port http or udp port domain", options).has_value());
        CHECK(filter::compile("portrange ftp-ssh", options).has_value());
    }
}
