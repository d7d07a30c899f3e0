// From the command line to a compiled program: the expression text (operands or -F file),
// the link type, and compile errors reported as `rawdump: ...` with the place marked.
#pragma once

#include <optional>
#include <string>

#include "filter/compile.hpp"
#include "src/cli/options.hpp"

namespace rawdump::cli {

// The expression: the -F file's (read_filter_file: comments blanked, a NUL ends it, a directory
// or unreadable file an error) or the operands joined by spaces. nullopt after printing why.
std::optional<std::string> filter_expression(const Options& options);

// Port names in filters (`port http`): from the services file (read once per run) or,
// without it (a static binary in an empty root), from the built-in table the printer falls
// back on too (src/names/services_table.hpp).
filter::PortResolver services_resolver(const char* services_path = "/etc/services");

// Compiles, or prints the diagnostic to stderr and returns nullopt. `live`: the program is
// for an AF_PACKET socket (-i), see filter::CompileOptions::live.
std::optional<filter::Program> compile_or_report(const std::string& expression,
                                                 LinkType link, std::uint32_t snaplen,
                                                 const Options& options, bool live = false,
                                                 bool savefile = false);

// Prints the -d/-dd/-ddd listing to stdout.
void print_listing(const filter::Program& program, int dump_level);

// "EN10MB (Ethernet)", or the number when rawdump has no name for it.
std::string link_type_label(LinkType link_type);

}  // namespace rawdump::cli
