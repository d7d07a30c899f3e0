// rawdump: a tcpdump-compatible packet sniffer for Linux with its own filter compiler.
#include <fmt/format.h>

#include "src/cli/options.hpp"
#include "src/cli/run.hpp"

int main(int argc, char** argv) {
    auto options = rawdump::cli::parse_options(argc, argv);
    if (!options) {
        if (!options.error().message.empty()) fmt::print(stderr, "rawdump: {}\n", options.error().message);
        if (options.error().show_usage) fmt::print(stderr, "{}", rawdump::cli::usage_text());
        return 1;
    }
    return rawdump::cli::run(*options);
}
