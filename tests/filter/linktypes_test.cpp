// F1's golden test: link types other than Ethernet (RAW, IPV4, IPV6, NULL, LOOP) and the
// encapsulations that shift offsets (vlan, mpls, pppoe) on Ethernet. For every expression in
// linktypes.txt and every packet of that link type's capture, rawdump's compiler + VM give
// libpcap's verdict (optimised and -O), or refuse what libpcap refuses. The file and the
// captures come from scripts/gen-filter-linktype-verdicts.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "filter/compile.hpp"
#include "src/core/link_type.hpp"
#include "filter/vm.hpp"
#include "pcap_reader.hpp"

using namespace rawdump;
using namespace rawdump::filter;

TEST_SUITE("filter.linktypes") {
    TEST_CASE("libpcap's verdicts per link type and after encapsulations") {
        std::ifstream in(testing::test_data_path("linktypes.txt"));
        REQUIRE(in);
        std::optional<LinkType> link;
        std::vector<testing::CapturedPacket> packets;
        std::size_t expressions = 0, link_types = 0;
        std::string line;
        while (std::getline(in, line)) {
            if (line.empty() || line.starts_with("#")) continue;
            if (line.starts_with("linktype ")) {
                std::istringstream words(line.substr(9));
                std::string name, pcap;
                std::size_t count = 0;
                words >> name >> pcap >> count;
                link = link_type_from_name(name);
                REQUIRE_MESSAGE(link.has_value(), name);
                packets = testing::read_pcap(testing::test_data_path("data/" + pcap));
                REQUIRE(packets.size() == count);
                ++link_types;
                continue;
            }
            REQUIRE(link.has_value());
            const auto first_tab = line.find('\t');
            const auto second_tab = line.find('\t', first_tab + 1);
            REQUIRE(second_tab != std::string::npos);
            const std::string expression = line.substr(second_tab + 1);
            const std::string first = line.substr(0, first_tab);
            ++expressions;
            for (const bool optimise : {true, false}) {
                CompileOptions options;
                options.link = *link;
                options.optimize = optimise;
                options.savefile = true;  // the verdicts come from tcpdump -r
                auto program = compile(expression, options);
                if (first == "error") {
                    // -O: libpcap still refuses (its errors come from codegen, except
                    // "rejects all packets", which needs the optimiser).
                    if (optimise) CHECK_MESSAGE(!program.has_value(), expression);
                    continue;
                }
                const std::string bits =
                    optimise ? first : line.substr(first_tab + 1, second_tab - first_tab - 1);
                REQUIRE_MESSAGE(program.has_value(), expression << ": " << program.error().message);
                std::string ours;
                for (const auto& packet : packets)
                    ours += run(*program, packet.bytes, packet.wire_length) != 0 ? '1' : '0';
                CHECK_MESSAGE(ours == bits, expression << std::string(optimise ? "" : " (-O)")
                                                       << " on link type " << static_cast<int>(*link));
            }
        }
        CHECK(link_types >= 6);
        CHECK(expressions >= 300);
    }
}
