// -d/-dd/-ddd formats: programs compiled by libpcap (their -ddd form, captured by
// scripts/gen-filter-verdicts into listings.txt) must print exactly as tcpdump printed them.
#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "filter/compile.hpp"
#include "filter/dump.hpp"
#include "pcap_reader.hpp"

using namespace rawdump;
using namespace rawdump::filter;

namespace {

struct Listing {
    std::string flags, expression;
    std::string ddd, d, dd;  // tcpdump's text for each style
};

std::vector<Listing> read_listings() {
    std::ifstream in(testing::test_data_path("listings.txt"));
    REQUIRE(in);
    std::vector<Listing> listings;
    std::string line;
    std::string* section = nullptr;
    while (std::getline(in, line)) {
        if (line.starts_with("#")) continue;
        if (line.starts_with("expression ")) {
            const auto tab = line.find('\t');
            listings.push_back({line.substr(11, tab - 11), line.substr(tab + 1), "", "", ""});
            section = nullptr;
        } else if (line == "ddd") {
            section = &listings.back().ddd;
        } else if (line == "d") {
            section = &listings.back().d;
        } else if (line == "dd") {
            section = &listings.back().dd;
        } else if (line == "end") {
            section = nullptr;
        } else if (section) {
            *section += line + "\n";
        }
    }
    return listings;
}

Program program_from_ddd(const std::string& text) {
    std::istringstream in(text);
    std::size_t count = 0;
    in >> count;
    Program program;
    for (std::size_t i = 0; i < count; ++i) {
        unsigned code = 0, jt = 0, jf = 0, k = 0;
        in >> code >> jt >> jf >> k;
        program.push_back(Insn{static_cast<std::uint16_t>(code), static_cast<std::uint8_t>(jt),
                               static_cast<std::uint8_t>(jf), static_cast<std::uint32_t>(k)});
    }
    REQUIRE(in);
    return program;
}

}  // namespace

TEST_SUITE("filter.dump") {
    TEST_CASE("listings match tcpdump's text character for character") {
        const auto listings = read_listings();
        REQUIRE(listings.size() >= 10);
        for (const auto& listing : listings) {
            INFO("expression: " << listing.flags << " " << listing.expression);
            const Program program = program_from_ddd(listing.ddd);
            CHECK(dump(program, DumpStyle::Decimal) == listing.ddd);
            CHECK(dump(program, DumpStyle::Assembly) == listing.d);
            CHECK(dump(program, DumpStyle::CArray) == listing.dd);
        }
    }

    TEST_CASE("for these expressions our compiler emits libpcap's program, instruction for instruction") {
        // Not required (only verdicts must agree), but it holds for the common filters and
        // catches accidental changes in code shape or block layout.
        const std::set<std::string> same_as_libpcap{
            "tcp port 80", "host 10.0.0.1", "port 53", "tcp port 22 or 80",
            "host 10.0.0.1 or 10.0.0.2 or 10.0.0.3", "ip6 and tcp port 80", "tcp port 12345"};
        std::size_t compared = 0;
        for (const auto& listing : read_listings()) {
            if (!same_as_libpcap.contains(listing.expression)) continue;
            CompileOptions options;
            options.optimize = listing.flags != "-O";
            auto ours = compile(listing.expression, options);
            REQUIRE(ours);
            INFO("expression: " << listing.flags << " " << listing.expression);
            CHECK(dump(*ours, DumpStyle::Assembly) == listing.d);
            ++compared;
        }
        CHECK(compared == same_as_libpcap.size());
    }

    TEST_CASE("ancillary loads print by name") {
        const Program program{Insn{op::ld | op::b | op::abs, 0, 0, ancillary_base + 48},
                              Insn{op::ret | op::k, 0, 0, 0}};
        CHECK(dump(program, DumpStyle::Assembly) == "(000) ldb      [vlanp]\n(001) ret      #0\n");
    }
}
