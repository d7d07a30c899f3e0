// Test-only access to tests/filter/corpora/: libpcap's expression corpora, the committed
// lists of expressions rawdump refuses, and libpcap's verdicts (scripts/gen-corpus-verdicts).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "filter/compile.hpp"
#include "pcap_reader.hpp"

namespace rawdump::filter::testing {

// The link types with accept corpora, by their -y names.
inline const std::vector<std::string> corpus_link_types{"EN10MB", "RAW", "LINUX_SLL", "LINUX_SLL2"};

// The expressions of corpora/NAME (blank and '#' lines skipped); empty if there is no file.
std::vector<std::string> read_corpus(const std::string& name);

// A refusal list (not-yet-supported.txt, out-of-scope.txt): '[CORPUS FILE]' section headers,
// then one expression a line. Maps the corpus file name to its listed expressions.
std::map<std::string, std::set<std::string>> read_refusal_list(const std::string& name);

struct CorpusVerdicts {
    std::string pcap;   // relative to corpora/
    std::size_t count = 0;
    struct Line {
        std::string corpus;      // accept-EN10MB.txt, ...
        std::string expression;
        std::string optimised;   // libpcap's verdict per packet, '0'/'1'
        std::string unoptimised; // the same with -O
    };
    std::vector<Line> lines;
};

// corpora/verdicts-LINK.txt, hex decoded into one '0'/'1' per packet.
CorpusVerdicts read_corpus_verdicts(const std::string& link);

// corpora/data/LINK.pcap
std::vector<CapturedPacket> read_corpus_packets(const CorpusVerdicts& verdicts);

// Options as tcpdump had them when the verdicts were made: the link type, the port names of
// the committed corpora/services, and the optimiser on or off.
CompileOptions corpus_options(const std::string& link, bool optimise);

}  // namespace rawdump::filter::testing
