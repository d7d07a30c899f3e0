#include "src/cli/filter_setup.hpp"

#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "filter/dump.hpp"
#include "filter/services.hpp"
#include "src/cli/filter_file.hpp"
#include "src/names/services_table.hpp"

namespace rawdump::cli {
namespace {

// A whole file's text; nullopt (errno set) when it cannot be opened.
std::optional<std::string> read_text(const char* path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) return std::nullopt;
    std::stringstream contents;
    contents << file.rdbuf();
    return contents.str();
}

}  // namespace

std::optional<std::string> filter_expression(const Options& options) {
    if (!options.filter_file) {
        std::string expression;
        for (const auto& word : options.expression_words) {
            if (!expression.empty()) expression += ' ';
            expression += word;
        }
        return expression;
    }
    auto text = read_filter_file(*options.filter_file);
    if (text && !options.expression_words.empty())
        fmt::print(stderr, "Warning: ignoring filter expression given on the command line; using -F {}\n",
                   *options.filter_file);
    return text;
}

namespace {

// The table the printer falls back on too, by name.
filter::ServicesTable builtin_services() {
    filter::ServicesTable table;
    for (const auto& service : names::builtin_tcp_services) {
        auto& entry = table[std::string(service.name)];
        if (!entry.tcp) entry.tcp = service.port;
    }
    for (const auto& service : names::builtin_udp_services) {
        auto& entry = table[std::string(service.name)];
        if (!entry.udp) entry.udp = service.port;
    }
    return table;
}

// Host and network names (`host localhost`, `net loopback`) come from /etc/hosts and
// /etc/networks (no DNS); without the files, names are unknown.
std::string file_text(const char* path) { return read_text(path).value_or(std::string()); }

}  // namespace

filter::PortResolver services_resolver(const char* services_path) {
    auto text = read_text(services_path);
    return filter::resolver_for(text ? filter::parse_services(*text) : builtin_services());
}

std::optional<filter::Program> compile_or_report(const std::string& expression,
                                                 LinkType link, std::uint32_t snaplen,
                                                 const Options& options, bool live,
                                                 bool savefile) {
    filter::CompileOptions compile_options;
    compile_options.live = live;
    compile_options.savefile = savefile;
    compile_options.link = link;
    compile_options.snaplen = snaplen;
    compile_options.optimize = options.optimize;
    compile_options.resolve_port = services_resolver();
    compile_options.resolve_host =
        filter::host_resolver_for(filter::parse_hosts(file_text("/etc/hosts")));
    compile_options.resolve_network =
        filter::network_resolver_for(filter::parse_networks(file_text("/etc/networks")));
    auto program = filter::compile(expression, compile_options);
    if (!program) {
        fmt::print(stderr, "rawdump: {}\n", filter::render(program.error(), expression));
        return std::nullopt;
    }
    return std::move(*program);
}

void print_listing(const filter::Program& program, int dump_level) {
    auto style = dump_level == 1   ? filter::DumpStyle::Assembly
                 : dump_level == 2 ? filter::DumpStyle::CArray
                                   : filter::DumpStyle::Decimal;
    std::string text = filter::dump(program, style);
    std::fwrite(text.data(), 1, text.size(), stdout);
}

std::string link_type_label(LinkType link_type) {
    if (const auto* name = find_link_type(link_type))
        return fmt::format("{} ({})", name->name, name->description);
    return fmt::format("{}", link_type_number(link_type));
}

}  // namespace rawdump::cli
