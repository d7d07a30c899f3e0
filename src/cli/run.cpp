#include "src/cli/run.hpp"

#include <unistd.h>

#include <cstring>

#include <fmt/format.h>

#include "filter/vm.hpp"
#include "platform/interfaces.hpp"
#include "src/cli/capture_file_list.hpp"
#include "src/cli/filter_setup.hpp"
#include "src/cli/live_capture.hpp"
#include "src/cli/live_device.hpp"
#include "src/cli/packet_sink.hpp"
#include "src/cli/privileges.hpp"
#include "src/cli/same_file.hpp"
#include "src/cli/signals.hpp"
#include "src/savefile/link_types.hpp"
#include "src/savefile/reader.hpp"

namespace rawdump::cli {
namespace {

// Opening the -w file truncates it, so this must come before anything is opened.
bool refuse_to_overwrite(const Options& options, const std::string& input) {
    if (!options.write_file || !same_file(input, *options.write_file)) return false;
    fmt::print(stderr, "rawdump: -w {} is the file being read; refusing to overwrite it\n", *options.write_file);
    return true;
}

// tcpdump 4.99.3 names the file as soon as it is open: before compiling the filter (so
// before its errors and -d listings) and even while converting it with -w; with -V, each.
void print_reading_banner(const std::string& name, const savefile::FileInfo& info) {
    fmt::print(stderr, "reading from file {}, link-type {}, snapshot length {}\n",
               name, link_type_label(info.link_type), info.snaplen);
}

// -r FILE, or -V LIST: the files named in LIST one after another, as tcpdump reads them:
// the same filter (compiled again when a file's link type differs), the same -w output
// (refused when a file's link type differs), -c counting each file's packets anew.
int read_file(const Options& options) {
    std::optional<CaptureFileList> list;
    std::string input;
    if (options.file_list) {
        auto opened = CaptureFileList::open(*options.file_list);
        if (!opened) {
            fmt::print(stderr, "rawdump: {}\n", opened.error());
            return 1;
        }
        list = std::move(*opened);
        auto first = list->next();
        if (!first) {
            fmt::print(stderr, "rawdump: Nothing in {}\n", *options.file_list);
            return 1;
        }
        input = *first;
    } else {
        input = *options.read_file;
    }
    if (refuse_to_overwrite(options, input)) return 1;
    auto reader = savefile::Reader::open(input);
    if (!reader) {
        fmt::print(stderr, "rawdump: {}\n", reader.error());
        return 1;
    }
    auto info = (*reader)->info();
    print_reading_banner(input, info);
    // tcpdump reads -F's file after opening the capture, so its errors follow that line.
    auto expression = filter_expression(options);
    if (!expression) return 1;
    if (!savefile::libpcap_knows_link_type(info.link_type)) {
        fmt::print(stderr, "rawdump: unknown data link type {} (min {}, max {})\n", link_type_number(info.link_type),
                   savefile::first_matching_link_type, savefile::last_matching_link_type);
        return 1;
    }
    auto program = compile_or_report(*expression, info.link_type,
                                     info.snaplen, options, /*live=*/false, /*savefile=*/true);
    if (!program) return 1;
    if (options.dump_level > 0) {
        print_listing(*program, options.dump_level);
        return 0;
    }

    bool per_packet = options.line_buffered || options.packet_buffered || ::isatty(STDOUT_FILENO);
    // tcpdump gives up root after opening the input too (and around opening -w).
    auto drop = PrivilegeDrop::plan(options);
    if (!drop || !drop->before_output()) return 1;
    auto sink = PacketSink::create(options, info.link_type, info.snaplen, per_packet, info.link_type_fcs_bits);
    if (!sink) return 1;
    if (!drop->after_output(sink->output_fd())) return 1;
    install_stop_handlers(nullptr);

    int status = 0;
    Frame frame;
    std::string error;
    for (;;) {
        // tcpdump's pcap_loop(cnt) per file: -c counts this file's packets.
        const std::uint64_t before = sink->packets();
        const std::uint64_t count_here = options.count == 0 ? 0 : options.count + (list ? before : 0);
        bool stop = false;
        while (!stop_requested()) {
            auto result = (*reader)->next(frame, error);
            if (result == savefile::ReadStatus::End) break;
            if (result == savefile::ReadStatus::Error) {
                // tcpdump reports it and goes on with the next -V file.
                sink->flush_output();
                fmt::print(stderr, "rawdump: {}\n", error);
                status = 1;
                break;
            }
            // SIGUSR2 (-w): out with what is buffered, before the next packet.
            if (take_flush_request() && !sink->flush_output()) {
                status = 1;
                stop = true;
                break;
            }
            if (filter::run(*program, frame.bytes, frame.wire_length) == 0) continue;
            if (!sink->accept(frame)) {
                if (!sink->file_limit_reached()) status = 1;
                stop = true;
                break;
            }
            if (sink->limit_reached(count_here)) break;
        }
        if (stop || !list || stop_requested()) break;
        auto next = list->next();
        if (!next) break;
        input = *next;
        if (refuse_to_overwrite(options, input)) { status = 1; break; }
        auto next_reader = savefile::Reader::open(input);
        if (!next_reader) {
            sink->finish();
            fmt::print(stderr, "rawdump: {}\n", next_reader.error());
            return 1;
        }
        reader = std::move(next_reader);
        const auto next_info = (*reader)->info();
        if (next_info.link_type != info.link_type) {
            // One pcap file holds one link type; printing switches printer and filter.
            if (options.write_file) {
                sink->finish();
                fmt::print(stderr, "rawdump: {}: new dlt does not match original\n", input);
                return 1;
            }
            if (!savefile::libpcap_knows_link_type(next_info.link_type)) {
                sink->finish();
                fmt::print(stderr, "rawdump: unknown data link type {} (min {}, max {})\n",
                           link_type_number(next_info.link_type),
                           savefile::first_matching_link_type, savefile::last_matching_link_type);
                return 1;
            }
            program = compile_or_report(*expression, next_info.link_type,
                                        next_info.snaplen, options, /*live=*/false, /*savefile=*/true);
            if (!program) {
                sink->finish();
                return 1;
            }
            sink->set_link_type(next_info.link_type);
        }
        info = next_info;
        print_reading_banner(input, info);
    }
    if (!sink->finish()) status = 1;
    if (options.count_only)
        fmt::print("{} packet{}\n", sink->packets(), sink->packets() == 1 ? "" : "s");
    return status;
}

// -d without -r: tcpdump compiles for -y's link type, or assumes Ethernet and says so.
int dump_only(const Options& options) {
    auto link = LinkType::En10mb;
    if (options.link_type_name) {
        auto named = link_type_from_name(*options.link_type_name);
        if (!named) {
            // A Linux device's type (DOCSIS, PPP, ...): see dump_program_for().
            if (auto linux_type = live_link_type_from_name(*options.link_type_name))
                return dump_program_for(options, *linux_type);
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
    default: break;
    }
    // tcpdump refuses an unknown -y name as it parses it, whatever else it was asked (with -r
    // a known one is then ignored).
    if (options.link_type_name && !known_link_type_name(*options.link_type_name)) {
        fmt::print(stderr, "rawdump: invalid data link type {}\n", *options.link_type_name);
        return 1;
    }
    switch (options.action) {
    case Action::ListInterfaces: {
        std::string listing = platform::format_interface_list(platform::list_interfaces());
        std::fwrite(listing.data(), 1, listing.size(), stdout);
        return 0;
    }
    case Action::FloatingPointType: {
        // tcpdump's float_type_check(): one fixed bit pattern read as a float and scaled in
        // float arithmetic; the printed figure tells how this machine rounds floats.
        const std::uint32_t bits = 0x4e93312d;
        float value;
        std::memcpy(&value, &bits, sizeof value);
        const float scaled = value * 8 / 1000000;
        fmt::print("{:.3f}\n", scaled);
        return 0;
    }
    // parse_options() leaves -L and -J as Capture with -r or -V (tcpdump reads the file instead).
    case Action::ListLinkTypes: return list_link_types(options);
    case Action::ListTimestampTypes: return list_time_stamp_types(options);
    case Action::Help:
    case Action::Version:  // answered above, before the -y check
    case Action::Capture: break;
    }
    if (options.read_file || options.file_list) return read_file(options);
    // With -i, tcpdump opens the device and lists the program for its link type.
    if (options.dump_level > 0) return options.interface ? dump_live_program(options) : dump_only(options);
    auto expression = filter_expression(options);
    if (!expression) return 1;
    return capture_live(options, *expression);
}

}  // namespace rawdump::cli
