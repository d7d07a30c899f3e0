#include "filter/services.hpp"

#include <charconv>
#include <vector>

namespace rawdump::filter {
namespace {

std::vector<std::string_view> split_words(std::string_view line) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
        const std::size_t start = i;
        while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') ++i;
        if (i > start) words.push_back(line.substr(start, i - start));
    }
    return words;
}

}  // namespace

ServicesTable parse_services(std::string_view text) {
    ServicesTable table;
    while (!text.empty()) {
        const std::size_t newline = text.find('\n');
        std::string_view line = text.substr(0, newline);
        text = newline == std::string_view::npos ? std::string_view{} : text.substr(newline + 1);
        if (const auto hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);

        const auto words = split_words(line);
        if (words.size() < 2) continue;
        const auto slash = words[1].find('/');
        if (slash == std::string_view::npos) continue;
        const std::string_view number = words[1].substr(0, slash);
        const std::string_view protocol = words[1].substr(slash + 1);
        unsigned port = 0;
        const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), port);
        if (error != std::errc{} || end != number.data() + number.size() || port > 65535) continue;

        for (std::size_t i = 0; i < words.size(); ++i) {
            if (i == 1) continue;  // the port/proto column
            auto& entry = table[std::string(words[i])];
            // The first line for a name wins, as with getservbyname's linear scan.
            if (protocol == "tcp" && !entry.tcp) entry.tcp = static_cast<std::uint16_t>(port);
            if (protocol == "udp" && !entry.udp) entry.udp = static_cast<std::uint16_t>(port);
        }
    }
    return table;
}

PortResolver resolver_for(ServicesTable table) {
    return [table = std::move(table)](std::string_view name) -> ServicePorts {
        const auto found = table.find(name);
        return found == table.end() ? ServicePorts{} : found->second;
    };
}

}  // namespace rawdump::filter
