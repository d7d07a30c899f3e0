// Live `vlan` followed by other primitives: rawdump's live programs against libpcap's (the
// listings of `tcpdump -i lo -ddd` in live-vlan.txt, made by scripts/gen-filter-live-vlan),
// both run in the VM with an ancillary model (the kernel's [vlanp]/[vlan_tci]/[type]), over
// the encapsulation captures' frames: as captured with no tag in metadata, with a tag in
// metadata too, and with the outer 802.1Q tag moved into metadata as the kernel does; each
// cut at every length, with packet type 0 and 4. Optimised and -O.
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

namespace {

struct Frame {
    std::vector<std::byte> bytes;
    Ancillary ancillary;
};

Program parse_ddd(const std::string& text) {
    std::vector<std::string> lines;
    std::stringstream in(text);
    for (std::string line; std::getline(in, line, ';');) lines.push_back(line);
    Program program;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        std::stringstream words(lines[i]);
        unsigned code = 0, jt = 0, jf = 0;
        std::uint32_t k = 0;
        words >> code >> jt >> jf >> k;
        program.push_back(Insn{static_cast<std::uint16_t>(code), static_cast<std::uint8_t>(jt),
                               static_cast<std::uint8_t>(jf), k});
    }
    REQUIRE(program.size() == std::stoul(lines.at(0)));
    return program;
}

std::vector<Frame> frames() {
    std::vector<Frame> result;
    for (const char* pcap : {"data/encap-ether.pcap", "data/encap-geneve.pcap"}) {
        for (const auto& packet : testing::read_pcap(testing::test_data_path(pcap))) {
            const auto& b = packet.bytes;
            std::vector<Frame> variants{{b, {}}};
            variants.push_back({b, Ancillary{true, 10, 0, 0, 0}});
            variants.push_back({b, Ancillary{true, 0x2014, 0, 0, 0}});
            if (b.size() >= 18 && b[12] == std::byte{0x81} && b[13] == std::byte{0x00}) {
                std::vector<std::byte> stripped(b.begin(), b.begin() + 12);
                stripped.insert(stripped.end(), b.begin() + 16, b.end());
                const auto tci = static_cast<std::uint16_t>(std::to_integer<unsigned>(b[14]) << 8 |
                                                            std::to_integer<unsigned>(b[15]));
                variants.push_back({stripped, Ancillary{true, tci, 0, 0, 0}});
            }
            for (const Frame& frame : variants)
                for (std::size_t length = 0; length <= frame.bytes.size(); ++length)
                    for (std::uint16_t pkttype : {0, 4}) {
                        Frame cut{{frame.bytes.begin(), frame.bytes.begin() + static_cast<long>(length)},
                                  frame.ancillary};
                        cut.ancillary.pkttype = pkttype;
                        result.push_back(std::move(cut));
                    }
        }
    }
    return result;
}

}  // namespace

TEST_SUITE("filter.live_vlan") {
    TEST_CASE("live vlan and what follows it: libpcap's verdicts with metadata and inline tags") {
        std::ifstream in(testing::test_data_path("live-vlan.txt"));
        REQUIRE(in);
        const std::vector<Frame> all = frames();
        REQUIRE(all.size() > 1000);
        std::size_t compared = 0, refused = 0;
        for (std::string line; std::getline(in, line);) {
            if (line.empty() || line[0] == '#') continue;
            const auto tab = line.find('\t');
            REQUIRE(tab != std::string::npos);
            const std::string expression = line.substr(0, tab);
            const Program libpcap = parse_ddd(line.substr(tab + 1));
            CAPTURE(expression);
            for (const bool optimise : {true, false}) {
                CompileOptions options;
                options.link = *link_type_from_name("EN10MB");
                options.live = true;
                options.optimize = optimise;
                const auto ours = compile(expression, options);
                if (!ours.has_value()) {
                    // Refused where libpcap's run-time offsets are not reproduced (a second
                    // encapsulation after vlan; an offset that depends on the path).
                    CHECK(ours.error().message.starts_with("on a live capture, "));
                    ++refused;
                    continue;
                }
                for (const Frame& frame : all) {
                    const auto wire = static_cast<std::uint32_t>(frame.bytes.size());
                    const bool expected = run(libpcap, frame.bytes, wire, frame.ancillary) != 0;
                    const bool got = run(*ours, frame.bytes, wire, frame.ancillary) != 0;
                    if (expected != got) {
                        FAIL_CHECK("differs on a " << frame.bytes.size() << "-byte frame, vlanp "
                                   << frame.ancillary.vlan_tag_present << " tci "
                                   << frame.ancillary.vlan_tci << std::string(optimise ? "" : " (-O)"));
                        break;
                    }
                }
                ++compared;
            }
        }
        MESSAGE(compared << " programs compared, " << refused << " refused");
        CHECK(compared >= 50);
        CHECK(refused <= 10);
    }
}
