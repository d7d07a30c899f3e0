#include "src/cli/live_capture.hpp"

#include <unistd.h>

#include <algorithm>
#include <optional>
#include <vector>

#include <fmt/format.h>

#include "filter/validate.hpp"
#include "filter/vm.hpp"
#include "platform/capture.hpp"
#include "platform/cooked_header.hpp"
#include "platform/interfaces.hpp"
#include "platform/ipv4_network.hpp"
#include "platform/link_types_linux.hpp"
#include "platform/time_stamp_types.hpp"
#include "src/cli/filter_setup.hpp"
#include "src/cli/got_counter.hpp"
#include "src/cli/live_device.hpp"
#include "src/cli/packet_sink.hpp"
#include "src/cli/privileges.hpp"
#include "src/cli/signals.hpp"

namespace rawdump::cli {
namespace {

const char* plural(std::uint64_t n) { return n == 1 ? "" : "s"; }

void print_statistics(std::uint64_t captured, const platform::CaptureStats& stats) {
    fmt::print(stderr, "{} packet{} captured\n", captured, plural(captured));
    fmt::print(stderr, "{} packet{} received by filter\n", stats.received_by_filter, plural(stats.received_by_filter));
    fmt::print(stderr, "{} packet{} dropped by kernel\n", stats.dropped_by_kernel, plural(stats.dropped_by_kernel));
}

// SIGUSR1: the same counts on one line, as tcpdump's info(0) prints them.
void print_statistics_line(std::uint64_t captured, const platform::CaptureStats& stats) {
    fmt::print(stderr, "rawdump: {} packet{} captured, {} packet{} received by filter, {} packet{} dropped by kernel\n",
               captured, plural(captured), stats.received_by_filter, plural(stats.received_by_filter),
               stats.dropped_by_kernel, plural(stats.dropped_by_kernel));
}

// The link types rawdump's printer decodes (others are captured with -w only).
bool rawdump_prints(LinkType link) {
    switch (link) {
    case LinkType::En10mb: case LinkType::LinuxSll: case LinkType::LinuxSll2: case LinkType::Raw:
    case LinkType::Null: case LinkType::Loop: case LinkType::Ipv4: case LinkType::Ipv6:
        return true;
    default:
        return false;
    }
}

// The live program for the link type. DOCSIS (-y DOCSIS on Ethernet) filters nothing, as
// libpcap ("DOCSIS link-layer type filtering not implemented").
std::optional<filter::Program> compile_live(const std::string& expression, LinkType link,
                                            const Options& options) {
    if (link == LinkType::Docsis) {
        if (expression.find_first_not_of(" \t\n\r") != std::string::npos) {
            fmt::print(stderr, "rawdump: DOCSIS link-layer type filtering not implemented\n");
            return std::nullopt;
        }
        link = LinkType::En10mb;
    }
    const bool blank = expression.find_first_not_of(" \t\n\r") == std::string::npos;
    if (!blank && find_link_type(link) == nullptr) {
        fmt::print(stderr, "rawdump: the filter compiler has no layout for link-type {} yet\n",
                   live_link_type_label(link));
        return std::nullopt;
    }
    return compile_or_report(expression, link, options.snaplen, options,
                             /*live=*/true);
}

// libpcap keeps a cooked header and a byte of data (21 bytes) whatever -s says; tcpdump
// warns and uses that snapshot length everywhere (filter, banner, file header).
Options with_device_snaplen(const Options& requested, const LiveDevice& device) {
    constexpr std::uint32_t cooked_minimum = 20 + 1;  // SLL2_HDR_LEN + 1
    Options options = requested;
    if (device.types.cooked && options.snaplen < cooked_minimum) {
        fmt::print(stderr, "rawdump: WARNING: snaplen raised from {} to {}\n", options.snaplen, cooked_minimum);
        options.snaplen = cooked_minimum;
    }
    return options;
}

// -j adapter / adapter_unsynced on a device that offers it: hardware stamps.
platform::CaptureConfig::HardwareStamps hardware_stamps_for(const Options& options, const std::string& device) {
    using Stamps = platform::CaptureConfig::HardwareStamps;
    if (!options.time_stamp_type) return Stamps::None;
    const std::string& type = *options.time_stamp_type;
    if (type != "adapter" && type != "adapter_unsynced") return Stamps::None;
    const auto offered = platform::time_stamp_types(device);
    if (std::find(offered.begin(), offered.end(), type) == offered.end()) return Stamps::None;
    return type == "adapter" ? Stamps::Synced : Stamps::Unsynced;
}

std::vector<platform::KernelInsn> to_kernel(const filter::Program& program) {
    std::vector<platform::KernelInsn> kernel;
    kernel.reserve(program.size());
    for (const auto& insn : program) kernel.push_back({insn.code, insn.jt, insn.jf, insn.k});
    return kernel;
}

}  // namespace

int dump_program_for(const Options& options, LinkType link_type) {
    auto expression = filter_expression(options);
    if (!expression) return 1;
    auto program = compile_live(*expression, link_type, options);
    if (!program) return 1;
    print_listing(*program, options.dump_level);
    return 0;
}

int dump_live_program(const Options& requested) {
    int status = 1;
    auto device = choose_live_device(requested, /*list_link_types=*/false, status);
    if (!device) return status;
    return dump_program_for(with_device_snaplen(requested, *device), device->link_type);
}

int capture_live(const Options& requested, const std::string& expression) {
    int chosen_status = 1;
    auto device = choose_live_device(requested, /*list_link_types=*/false, chosen_status);
    if (!device) return chosen_status;
    const Options options = with_device_snaplen(requested, *device);
    const std::string& interface = device->name;
    const LinkType link = device->link_type;
    const bool printing_text = !options.write_file || options.print;
    if (printing_text && !rawdump_prints(link)) {
        fmt::print(stderr, "rawdump: {}: link-type {} is not printed by rawdump yet; capture it with -w\n",
                   interface, live_link_type_label(link));
        return 1;
    }
    auto program = compile_live(expression, link, options);
    if (!program) return 1;
    // -r and -d run or print any length; the kernel refuses more than BPF_MAXINSNS.
    if (auto too_long = filter::kernel_size_error(*program)) {
        fmt::print(stderr, "rawdump: {}\n", *too_long);
        return 1;
    }
    auto kernel_program = to_kernel(*program);
    // A cooked capture's kernel sees no cooked header: libpcap's fix_program() maps its
    // fields to the kernel's; a program reading other header fields runs here instead, on
    // the packets with their header (the kernel then keeps everything).
    bool filter_in_userland = false;
    if (device->types.cooked &&
        !platform::fix_cooked_program(kernel_program, platform::is_linux_sll2(link))) {
        filter_in_userland = true;
        kernel_program.clear();
    }

    bool watched = options.line_buffered || options.packet_buffered || ::isatty(STDOUT_FILENO);
    platform::CaptureConfig config;
    config.interface = interface;
    config.snaplen = options.snaplen;
    config.promiscuous = options.promiscuous;
    config.buffer_size = options.buffer_kib * 1024u;
    config.immediate = options.immediate;
    config.link_type = link;
    config.cooked = device->types.cooked;
    config.directions = options.direction == CaptureDirection::In    ? platform::CaptureConfig::Directions::In
                        : options.direction == CaptureDirection::Out ? platform::CaptureConfig::Directions::Out
                                                                     : platform::CaptureConfig::Directions::InOut;
    config.hardware_stamps = hardware_stamps_for(options, interface);
    // How long a packet may wait in a ring block that is not full (tcpdump: 1 s, 100 ms on a
    // terminal or with -l). Where someone reads the output as it comes (text on a terminal or
    // with -l, -U) CaptureConfig's 8 ms. Otherwise (a -w file without -U, text into a file or
    // pipe) 100 ms: every part-full block handed over takes a whole block of the ring, so
    // short blocks shrink what the ring holds while the reader stalls (bench/RESULTS.md).
    const bool read_as_it_comes = options.packet_buffered || (printing_text && watched);
    if (!read_as_it_comes) config.block_timeout_ms = 100;
    config.program = kernel_program;
    auto opened = platform::Capture::open(config);
    if (!opened) {
        fmt::print(stderr, "rawdump: {}\n", opened.error().one_line());
        return 1;
    }
    auto& capture = **opened;
    // -f: tcpdump names only the addresses of the capture interface's own IPv4 network.
    Options sink_options = options;
    if (options.output.foreign_numeric) {
        if (auto network = platform::ipv4_network(interface)) {
            sink_options.output.local_net = network->net;
            sink_options.output.local_netmask = network->mask;
        }
    }
    // Root becomes user tcpdump (or -Z's) around opening the output, as tcpdump does.
    auto drop = PrivilegeDrop::plan(options);
    if (!drop || !drop->before_output()) return 1;
    auto sink = PacketSink::create(sink_options, link, options.snaplen, watched);
    if (!sink) return 1;
    if (!drop->after_output(sink->output_fd())) return 1;
    install_stop_handlers(&capture);

    if (options.output.verbosity == 0 && !options.write_file)
        fmt::print(stderr, "rawdump: verbose output suppressed, use -v[v]... for full protocol decode\n");
    else
        fmt::print(stderr, "rawdump: ");
    fmt::print(stderr, "listening on {}, link-type {}, snapshot length {} bytes\n", interface,
               live_link_type_label(link), options.snaplen);

    // -v -w: tcpdump's "Got N" once a second (not with --print).
    GotCounter got(options.output.verbosity > 0 && options.write_file && !options.print, capture);
    int status = 0;
    bool limit_reached = false;
    auto handle = [&](const Frame& frame) {
        if (filter_in_userland && filter::run(*program, frame.bytes, frame.wire_length) == 0) return true;
        if (!sink->accept(frame)) {
            // -G -W's last file is done: tcpdump stops there with status 0.
            if (sink->file_limit_reached()) limit_reached = true;
            else status = 1;
            return false;
        }
        if (sink->limit_reached(options.count)) {
            limit_reached = true;
            return false;
        }
        return true;
    };
    platform::CaptureError error;
    while (status == 0 && !limit_reached && !stop_requested()) {
        if (!capture.dispatch(handle, error)) {
            // The interface is gone, perhaps: what the kernel accepted before is still ours.
            platform::CaptureError ignored;
            if (status == 0 && !limit_reached) capture.drain(handle, ignored);
            sink->finish();
            fmt::print(stderr, "rawdump: {}\n", error.one_line());
            status = 1;
            break;
        }
        sink->text().flush();
        got.update(sink->packets());
        if (take_statistics_request()) print_statistics_line(sink->packets(), capture.stats());
        if (take_flush_request() && !sink->flush_output()) status = 1;
    }
    // Stopped by a signal: hand on what the kernel accepted before it (tcpdump loses the
    // packets of the ring block it has not been handed yet).
    if (stop_requested() && status == 0 && !limit_reached) {
        if (!capture.drain(handle, error)) {
            fmt::print(stderr, "rawdump: {}\n", error.one_line());
            status = 1;
        }
    }
    // Interrupted mid-line perhaps: tcpdump ends the text with a newline, as it does.
    if (stop_requested() && !limit_reached && sink->printing()) sink->text().text("\n");
    if (!sink->finish()) status = 1;
    if (options.count_only)
        fmt::print("{} packet{}\n", sink->packets(), plural(sink->packets()));
    print_statistics(sink->packets(), capture.stats());
    return status;
}

}  // namespace rawdump::cli
