// The issue's golden test: for every expression in expressions.txt and every packet in
// data/*.pcap, rawdump's compiler + VM give libpcap's verdict (optimised against optimised,
// -O against -O), as recorded in verdicts.txt by scripts/gen-filter-verdicts.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "filter/compile.hpp"
#include "filter/vm.hpp"
#include "pcap_reader.hpp"

using namespace rawdump;
using namespace rawdump::filter;

namespace {

struct Golden {
    std::vector<std::string> pcaps;
    std::vector<std::size_t> counts;
    struct Line {
        std::string expression;
        std::string optimised;    // libpcap's verdicts, all pcaps joined
        std::string unoptimised;  // the same with -O
    };
    std::vector<Line> verdicts;
};

std::string without_spaces(const std::string& text) {
    std::string out;
    for (char c : text)
        if (c != ' ') out += c;
    return out;
}

Golden read_golden() {
    std::ifstream in(testing::test_data_path("verdicts.txt"));
    REQUIRE(in);
    Golden golden;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line.starts_with("#")) continue;
        if (line.starts_with("pcap ")) {
            std::istringstream words(line.substr(5));
            std::string name;
            std::size_t count = 0;
            words >> name >> count;
            golden.pcaps.push_back(name);
            golden.counts.push_back(count);
            continue;
        }
        const auto first_tab = line.find('\t');
        REQUIRE(first_tab != std::string::npos);
        const auto second_tab = line.find('\t', first_tab + 1);
        REQUIRE(second_tab != std::string::npos);
        golden.verdicts.push_back({line.substr(second_tab + 1),
                                   without_spaces(line.substr(0, first_tab)),
                                   without_spaces(line.substr(first_tab + 1, second_tab - first_tab - 1))});
    }
    return golden;
}

std::vector<std::string> read_expressions() {
    std::ifstream in(testing::test_data_path("expressions.txt"));
    REQUIRE(in);
    std::vector<std::string> expressions;
    std::string line;
    while (std::getline(in, line))
        if (!line.empty() && !line.starts_with("#")) expressions.push_back(line);
    return expressions;
}

}  // namespace

TEST_SUITE("filter.verdicts") {
    TEST_CASE("every supported expression agrees with libpcap on every packet") {
        const Golden golden = read_golden();
        const auto expressions = read_expressions();
        REQUIRE(expressions.size() >= 60);
        // The golden file must cover exactly the current expression list.
        REQUIRE(golden.verdicts.size() == expressions.size());

        std::vector<testing::CapturedPacket> packets;
        for (std::size_t i = 0; i < golden.pcaps.size(); ++i) {
            auto more = testing::read_pcap(testing::test_data_path("data/" + golden.pcaps[i]));
            REQUIRE(more.size() == golden.counts[i]);
            packets.insert(packets.end(), more.begin(), more.end());
        }
        REQUIRE(packets.size() >= 60);

        std::size_t checked = 0;
        for (std::size_t e = 0; e < expressions.size(); ++e) {
            const auto& line = golden.verdicts[e];
            const std::string& expression = line.expression;
            REQUIRE(expression == expressions[e]);
            REQUIRE(line.optimised.size() == packets.size());
            REQUIRE(line.unoptimised.size() == packets.size());
            for (const bool optimise : {true, false}) {
                // Ours with the optimiser against libpcap's, ours without against libpcap -O.
                const std::string& bits = optimise ? line.optimised : line.unoptimised;
                CompileOptions options;
                options.optimize = optimise;
                auto program = compile(expression, options);
                REQUIRE_MESSAGE(program.has_value(), expression << ": " << program.error().message);
                std::string ours;
                for (const auto& packet : packets)
                    ours += run(*program, packet.bytes, packet.wire_length) != 0 ? '1' : '0';
                CHECK_MESSAGE(ours == bits, expression << std::string(optimise ? "" : " (-O)"));
                ++checked;
            }
        }
        CHECK(checked == 2 * expressions.size());
    }
}
