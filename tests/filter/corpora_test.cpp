// libpcap's own compiler corpora (testprogs/TESTrun, see corpora/README) against rawdump:
//  - every accept-* expression gets libpcap's verdict on every packet of corpora/data/LINK.pcap,
//    optimised against libpcap optimised and -O against -O (corpora/verdicts-LINK.txt, made
//    by scripts/gen-corpus-verdicts from tcpdump), unless it is listed in
//    corpora/not-yet-supported.txt or corpora/out-of-scope.txt, in which case it must be
//    refused with a message (a listed line that compiles fails: move it out of the list);
//  - every reject-* expression is refused with a message whose span lies in the expression.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <string>

#include "corpus_files.hpp"
#include "filter/vm.hpp"

using namespace rawdump;
using namespace rawdump::filter;
using namespace rawdump::filter::testing;

namespace {

const std::string not_yet_file = "not-yet-supported.txt";
const std::string out_of_scope_file = "out-of-scope.txt";

std::string first_difference(const std::string& ours, const std::string& libpcap) {
    for (std::size_t i = 0; i < ours.size() && i < libpcap.size(); ++i)
        if (ours[i] != libpcap[i])
            return "record " + std::to_string(i) + " (0-based): libpcap " + libpcap[i] + ", rawdump " + ours[i];
    return "different lengths";
}

struct Tally {
    std::size_t expressions = 0, agree = 0, refused = 0, wrong = 0;
};

void check_accept_corpora(const std::string& link) {
    const auto not_yet = read_refusal_list(not_yet_file);
    const auto out_of_scope = read_refusal_list(out_of_scope_file);
    const CorpusVerdicts verdicts = read_corpus_verdicts(link);
    const auto packets = read_corpus_packets(verdicts);
    REQUIRE(packets.size() == verdicts.count);
    REQUIRE(packets.size() >= 100);

    std::map<std::string, Tally> tallies;
    std::map<std::string, std::vector<std::string>> seen;
    for (const auto& line : verdicts.lines) {
        const std::string& e = line.expression;
        seen[line.corpus].push_back(e);
        Tally& tally = tallies[line.corpus];
        ++tally.expressions;
        const auto in = [&](const auto& list) {
            const auto section = list.find(line.corpus);
            return section != list.end() && section->second.contains(e);
        };
        const bool listed_not_yet = in(not_yet), listed_out_of_scope = in(out_of_scope);
        CHECK_MESSAGE(!(listed_not_yet && listed_out_of_scope), "listed in both refusal lists: " << e);
        bool ok = true;
        for (const bool optimise : {true, false}) {
            const auto program = compile(e, corpus_options(link, optimise));
            const std::string mode = optimise ? "" : " (-O)";
            if (listed_not_yet || listed_out_of_scope) {
                CHECK_MESSAGE(!program.has_value(), line.corpus << ": '" << e << "'" << mode
                              << " compiles now: take it out of "
                              << (listed_not_yet ? not_yet_file : out_of_scope_file));
                if (!program.has_value()) CHECK_MESSAGE(!program.error().message.empty(), e);
                continue;
            }
            if (!program.has_value()) {
                FAIL_CHECK(line.corpus << ": '" << e << "'" << mode << " refused: " << program.error().message);
                ok = false;
                continue;
            }
            std::string ours;
            for (const auto& packet : packets)
                ours += run(*program, packet.bytes, packet.wire_length) != 0 ? '1' : '0';
            const std::string& libpcap = optimise ? line.optimised : line.unoptimised;
            if (ours != libpcap) {
                FAIL_CHECK(line.corpus << ": '" << e << "'" << mode << " differs from libpcap on "
                           << verdicts.pcap << ", first at " << first_difference(ours, libpcap));
                ok = false;
            }
        }
        if (listed_not_yet || listed_out_of_scope) ++tally.refused;
        else if (ok) ++tally.agree;
        else ++tally.wrong;
    }

    // The verdict file covers each corpus exactly, and the lists name only corpus lines.
    for (const std::string& corpus : {"accept-" + link + ".txt", "accept-" + link + "-niche.txt"}) {
        CHECK_MESSAGE(seen[corpus] == read_corpus(corpus), corpus << ": run scripts/gen-corpus-verdicts");
        for (const auto* list : {&not_yet, &out_of_scope}) {
            const auto section = list->find(corpus);
            if (section == list->end()) continue;
            for (const auto& e : section->second)
                CHECK_MESSAGE(std::find(seen[corpus].begin(), seen[corpus].end(), e) != seen[corpus].end(),
                              "refusal list names a line that is not in " << corpus << ": " << e);
        }
    }
    for (const auto& [corpus, tally] : tallies)
        std::printf("%s: %zu expressions x %zu packets: %zu agree with libpcap, %zu refused (listed), %zu wrong\n",
                    corpus.c_str(), tally.expressions, packets.size(), tally.agree, tally.refused, tally.wrong);
}

void check_reject_corpus(const std::string& corpus) {
    const auto expressions = read_corpus(corpus);
    REQUIRE(expressions.size() >= 50);
    std::size_t refused = 0;
    for (const auto& e : expressions) {
        const auto program = compile(e, corpus_options("EN10MB", true));
        if (program.has_value()) {
            FAIL_CHECK(corpus << ": libpcap refuses '" << e << "', rawdump compiles it");
            continue;
        }
        const Diagnostic& error = program.error();
        CHECK_MESSAGE(!error.message.empty(), corpus << ": empty message for '" << e << "'");
        CHECK_MESSAGE(error.offset + error.length <= e.size(), corpus << ": span outside '" << e << "'");
        ++refused;
    }
    std::printf("%s: %zu expressions, %zu refused with a message\n", corpus.c_str(), expressions.size(), refused);
}

}  // namespace

TEST_SUITE("filter.corpora") {
    TEST_CASE("accept-EN10MB: libpcap's verdicts or a listed refusal") { check_accept_corpora("EN10MB"); }
    TEST_CASE("accept-RAW: libpcap's verdicts or a listed refusal") { check_accept_corpora("RAW"); }
    TEST_CASE("accept-LINUX_SLL: libpcap's verdicts or a listed refusal") { check_accept_corpora("LINUX_SLL"); }
    TEST_CASE("accept-LINUX_SLL2: libpcap's verdicts or a listed refusal") { check_accept_corpora("LINUX_SLL2"); }

    TEST_CASE("reject-EN10MB: every line refused with a message") { check_reject_corpus("reject-EN10MB.txt"); }
    TEST_CASE("reject-EN10MB-niche: every line refused with a message") {
        check_reject_corpus("reject-EN10MB-niche.txt");
    }

    TEST_CASE("refusal lists only name accept corpora") {
        for (const std::string& name : {not_yet_file, out_of_scope_file})
            for (const auto& [corpus, lines] : read_refusal_list(name)) {
                CHECK_MESSAGE(corpus.starts_with("accept-"), name << ": [" << corpus << "]");
                CHECK_MESSAGE(!read_corpus(corpus).empty(), name << ": no corpus " << corpus);
            }
    }
}
