#include "corpus_files.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "filter/services.hpp"

namespace rawdump::filter::testing {
namespace {

std::string corpus_path(const std::string& name) { return test_data_path("corpora/" + name); }

std::vector<std::string> split(const std::string& line, char separator) {
    std::vector<std::string> fields;
    std::string field;
    std::istringstream in(line);
    while (std::getline(in, field, separator)) fields.push_back(field);
    return fields;
}

std::string hex_to_bits(const std::string& hex, std::size_t count) {
    std::string bits;
    for (char digit : hex) {
        const int value = digit >= 'a' ? digit - 'a' + 10 : digit - '0';
        for (int bit = 3; bit >= 0; --bit) bits += (value >> bit) & 1 ? '1' : '0';
    }
    if (bits.size() < count) throw std::runtime_error("short verdict string: " + hex);
    bits.resize(count);
    return bits;
}

}  // namespace

std::vector<std::string> read_corpus(const std::string& name) {
    std::ifstream in(corpus_path(name));
    std::vector<std::string> expressions;
    std::string line;
    while (std::getline(in, line))
        if (!line.empty() && !line.starts_with("#")) expressions.push_back(line);
    return expressions;
}

std::map<std::string, std::set<std::string>> read_refusal_list(const std::string& name) {
    std::ifstream in(corpus_path(name));
    if (!in) throw std::runtime_error("missing " + corpus_path(name));
    std::map<std::string, std::set<std::string>> lists;
    std::string line, section;
    while (std::getline(in, line)) {
        if (line.empty() || line.starts_with("#")) continue;
        if (line.starts_with("[") && line.ends_with("]")) {
            section = line.substr(1, line.size() - 2);
            continue;
        }
        if (section.empty()) throw std::runtime_error(name + ": expression before any [corpus] header");
        if (!lists[section].insert(line).second) throw std::runtime_error(name + ": listed twice: " + line);
    }
    return lists;
}

CorpusVerdicts read_corpus_verdicts(const std::string& link) {
    std::ifstream in(corpus_path("verdicts-" + link + ".txt"));
    if (!in) throw std::runtime_error("missing verdicts for " + link);
    CorpusVerdicts verdicts;
    std::string line, corpus;
    while (std::getline(in, line)) {
        if (line.empty() || line.starts_with("#")) continue;
        if (line.starts_with("pcap ")) {
            std::istringstream words(line.substr(5));
            words >> verdicts.pcap >> verdicts.count;
        } else if (line.starts_with("corpus ")) {
            corpus = line.substr(7);
        } else {
            const auto fields = split(line, '\t');
            if (fields.size() != 3 || corpus.empty() || verdicts.count == 0)
                throw std::runtime_error("malformed verdict line: " + line);
            const std::string optimised = hex_to_bits(fields[0], verdicts.count);
            const std::string unoptimised =
                fields[1] == "=" ? optimised : hex_to_bits(fields[1], verdicts.count);
            verdicts.lines.push_back({corpus, fields[2], optimised, unoptimised});
        }
    }
    return verdicts;
}

std::vector<CapturedPacket> read_corpus_packets(const CorpusVerdicts& verdicts) {
    return read_pcap(corpus_path(verdicts.pcap));
}

CompileOptions corpus_options(const std::string& link, bool optimise) {
    static const PortResolver resolver = [] {
        std::ifstream in(corpus_path("services"), std::ios::binary);
        if (!in) throw std::runtime_error("missing corpora/services");
        std::stringstream text;
        text << in.rdbuf();
        return resolver_for(parse_services(text.str()));
    }();
    CompileOptions options;
    const auto type = link_type_from_name(link);
    if (!type) throw std::runtime_error("unknown link type " + link);
    options.link = *type;
    options.optimize = optimise;
    options.resolve_port = resolver;
    return options;
}

}  // namespace rawdump::filter::testing
