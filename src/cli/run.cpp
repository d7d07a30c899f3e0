#include "src/cli/run.hpp"

#include <unistd.h>

#include <fmt/format.h>

#include "filter/vm.hpp"
#include "platform/interfaces.hpp"
#include "src/cli/filter_setup.hpp"
#include "src/cli/live_capture.hpp"
#include "src/cli/packet_sink.hpp"
#include "src/cli/same_file.hpp"
#include "src/cli/signals.hpp"
#include "src/savefile/link_types.hpp"
#include "src/savefile/reader.hpp"

namespace rawdump::cli {
namespace {

int read_file(const Options& options) {
    // Opening the -w file truncates it, so this must come before anything is opened.
    if (options.write_file && same_file(*options.read_file, *options.write_file)) {
        fmt::print(stderr, "rawdump: -w {} is the file being read; refusing to overwrite it\n", *options.write_file);
        return 1;
    }
    auto reader = savefile::Reader::open(*options.read_file);
    if (!reader) {
        fmt::print(stderr, "rawdump: {}\n", reader.error());
        return 1;
    }
    const auto info = (*reader)->info();
    // tcpdump 4.99.3 names the file as soon as it is open: before compiling the filter (so
    // before its errors and -d listings) and even while converting it with -w.
    fmt::print(stderr, "reading from file {}, link-type {}, snapshot length {}\n",
               *options.read_file, link_type_label(info.link_type), info.snaplen);
    // tcpdump reads -F's file after opening the capture, so its errors follow that line.
    auto expression = filter_expression(options);
    if (!expression) return 1;
    if (!savefile::libpcap_knows_link_type(info.link_type)) {
        fmt::print(stderr, "rawdump: unknown data link type {} (min {}, max {})\n", info.link_type,
                   savefile::first_matching_link_type, savefile::last_matching_link_type);
        return 1;
    }
    auto program = compile_or_report(*expression, static_cast<filter::LinkType>(info.link_type),
                                     info.snaplen, options, /*live=*/false, /*savefile=*/true);
    if (!program) return 1;
    if (options.dump_level > 0) {
        print_listing(*program, options.dump_level);
        return 0;
    }

    bool per_packet = options.line_buffered || options.packet_buffered || ::isatty(STDOUT_FILENO);
    auto sink = PacketSink::create(options, info.link_type, info.snaplen, per_packet, info.link_type_fcs_bits);
    if (!sink) return 1;
    install_stop_handlers(nullptr);

    int status = 0;
    platform::Frame frame;
    std::string error;
    while (!stop_requested()) {
        auto result = (*reader)->next(frame, error);
        if (result == savefile::ReadStatus::End) break;
        if (result == savefile::ReadStatus::Error) {
            sink->finish();
            fmt::print(stderr, "rawdump: {}\n", error);
            status = 1;
            break;
        }
        if (filter::run(*program, frame.bytes, frame.wire_length) == 0) continue;
        if (!sink->accept(frame)) { status = 1; break; }
        if (sink->limit_reached(options.count)) break;
    }
    if (!sink->finish()) status = 1;
    if (options.count_only)
        fmt::print("{} packet{}\n", sink->packets(), sink->packets() == 1 ? "" : "s");
    return status;
}

// -d without -r: tcpdump compiles for -y's link type, or assumes Ethernet and says so.
int dump_only(const Options& options) {
    auto link = filter::LinkType::En10mb;
    if (options.link_type_name) {
        auto named = filter::link_type_from_name(*options.link_type_name);
        if (!named) {
            fmt::print(stderr, "rawdump: invalid data link type {}\n", *options.link_type_name);
            return 1;
        }
        link = *named;
    } else if (!options.interface) {
        fmt::print(stderr, "Warning: assuming Ethernet\n");
    }
    auto expression = filter_expression(options);
    if (!expression) return 1;
    // With -i, tcpdump lists the program for the live device.
    auto program = compile_or_report(*expression, link, options.snaplen, options,
                                     options.interface.has_value());
    if (!program) return 1;
    print_listing(*program, options.dump_level);
    return 0;
}

}  // namespace

int run(const Options& options) {
    switch (options.action) {
    case Action::Help:
        fmt::print("{}", usage_text());
        return 0;
    case Action::Version:
        fmt::print("{}", version_text());
        return 0;
    case Action::ListInterfaces: {
        std::string listing = platform::format_interface_list(platform::list_interfaces());
        std::fwrite(listing.data(), 1, listing.size(), stdout);
        return 0;
    }
    case Action::Capture: break;
    }
    if (options.read_file) return read_file(options);
    if (options.dump_level > 0) return dump_only(options);
    auto expression = filter_expression(options);
    if (!expression) return 1;
    return capture_live(options, *expression);
}

}  // namespace rawdump::cli
