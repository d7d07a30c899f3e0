#include "src/cli/live_capture.hpp"

#include <unistd.h>

#include <vector>

#include <fmt/format.h>

#include "filter/validate.hpp"
#include "platform/capture.hpp"
#include "platform/interfaces.hpp"
#include "src/cli/filter_setup.hpp"
#include "src/cli/got_counter.hpp"
#include "src/cli/packet_sink.hpp"
#include "src/cli/privileges.hpp"
#include "src/cli/signals.hpp"

namespace rawdump::cli {
namespace {

// tcpdump waits up to a second for a ring block to fill, 100 ms when someone is watching.
constexpr int batch_timeout_ms = 1000;
constexpr int watched_timeout_ms = 100;

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

std::vector<platform::KernelInsn> to_kernel(const filter::Program& program) {
    std::vector<platform::KernelInsn> kernel;
    kernel.reserve(program.size());
    for (const auto& insn : program) kernel.push_back({insn.code, insn.jt, insn.jf, insn.k});
    return kernel;
}

}  // namespace

int capture_live(const Options& options, const std::string& expression) {
    std::string interface;
    if (options.interface) {
        interface = *options.interface;
    } else if (auto found = platform::default_interface()) {
        interface = *found;
    } else {
        fmt::print(stderr, "rawdump: no suitable device found\n");
        return 1;
    }
    // Linux presents loopback and Ethernet devices as Ethernet; other link layers are
    // refused below once the device is open.
    auto program = compile_or_report(expression, filter::LinkType::En10mb, options.snaplen, options,
                                     /*live=*/true);
    if (!program) return 1;
    // -r and -d run or print any length; the kernel refuses more than BPF_MAXINSNS.
    if (auto too_long = filter::kernel_size_error(*program)) {
        fmt::print(stderr, "rawdump: {}\n", *too_long);
        return 1;
    }
    auto kernel_program = to_kernel(*program);

    bool watched = options.line_buffered || options.packet_buffered || ::isatty(STDOUT_FILENO);
    platform::CaptureConfig config;
    config.interface = interface;
    config.snaplen = options.snaplen;
    config.promiscuous = options.promiscuous;
    config.buffer_size = options.buffer_kib * 1024u;
    config.immediate = options.immediate;
    bool printing = !options.write_file || options.print;
    config.block_timeout_ms = watched && printing ? watched_timeout_ms : batch_timeout_ms;
    config.program = kernel_program;
    auto opened = platform::Capture::open(config);
    if (!opened) {
        fmt::print(stderr, "rawdump: {}\n", opened.error().one_line());
        return 1;
    }
    auto& capture = **opened;
    if (capture.link_layer() != platform::LinkLayer::Ethernet) {
        fmt::print(stderr, "rawdump: {}: link-layer type not supported yet (only Ethernet and loopback)\n", interface);
        return 1;
    }
    // Root becomes user tcpdump (or -Z's) around opening the output, as tcpdump does.
    auto drop = PrivilegeDrop::plan(options);
    if (!drop || !drop->before_output()) return 1;
    auto sink = PacketSink::create(options, static_cast<std::uint32_t>(filter::LinkType::En10mb),
                                   options.snaplen, watched);
    if (!sink) return 1;
    if (!drop->after_output(sink->output_fd())) return 1;
    install_stop_handlers(&capture);

    if (options.output.verbosity == 0 && !options.write_file)
        fmt::print(stderr, "rawdump: verbose output suppressed, use -v[v]... for full protocol decode\n");
    else
        fmt::print(stderr, "rawdump: ");
    fmt::print(stderr, "listening on {}, link-type {}, snapshot length {} bytes\n", interface,
               link_type_label(static_cast<std::uint32_t>(filter::LinkType::En10mb)), options.snaplen);

    // -v -w: tcpdump's "Got N" once a second (not with --print).
    GotCounter got(options.output.verbosity > 0 && options.write_file && !options.print, capture);
    int status = 0;
    bool limit_reached = false;
    auto handle = [&](const platform::Frame& frame) {
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
    // Interrupted mid-line perhaps: tcpdump ends the text with a newline, as it does.
    if (stop_requested() && !limit_reached && sink->printing()) sink->text().text("\n");
    if (!sink->finish()) status = 1;
    if (options.count_only)
        fmt::print("{} packet{}\n", sink->packets(), plural(sink->packets()));
    print_statistics(sink->packets(), capture.stats());
    return status;
}

}  // namespace rawdump::cli
