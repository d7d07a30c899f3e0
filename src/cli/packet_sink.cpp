#include "src/cli/packet_sink.hpp"

#include <iterator>
#include <unistd.h>

#include "src/cli/local_time_zone.hpp"
#include "src/names/interface_names.hpp"
#include "src/savefile/link_types.hpp"

namespace rawdump::cli {
namespace {

// One for the whole run (the printer keeps a reference, and a sink may be moved).
const names::HostInterfaceNames host_interface_names;

// Without -n: the name files, and PTR queries for the addresses /etc/hosts does not name;
// -N cuts the domains, -f names only the capture interface's network.
std::unique_ptr<names::Names> resolving_names(const OutputOptions& options) {
    auto names = std::make_unique<names::Names>(names::Names::from_files());
    names->enable_reverse_dns();
    if (options.strip_domain) names->strip_domains();
    if (options.foreign_numeric) names->name_only_local(options.local_net, options.local_netmask);
    return names;
}

}  // namespace

std::unique_ptr<PacketPrinter> PacketSink::make_printer(LinkType link_type) const {
    const print::NameLookup& lookup = names_ ? static_cast<const print::NameLookup&>(*names_) : print::no_names;
    return std::make_unique<PacketPrinter>(printer_options_, link_type, lookup, local_time_zone(),
                                           host_interface_names);
}

std::optional<PacketSink> PacketSink::create(const Options& options, LinkType link_type,
                                             std::uint32_t snaplen, bool per_packet_output,
                                             std::uint32_t fcs_bits) {
    PacketSink sink;
    sink.text_ = std::make_unique<TextOutput>(STDOUT_FILENO, per_packet_output);
    sink.flush_each_packet_ = options.packet_buffered;
    sink.packet_numbers_ = options.output.packet_numbers;
    sink.lengths_ = options.lengths;
    sink.skip_ = options.skip;
    sink.print_sampling_ = options.print_sampling;
    sink.file_count_ = options.file_count;
    if (options.write_file) {
        RotationSettings rotation;
        rotation.pattern = *options.write_file;
        rotation.size = options.rotate_size;
        rotation.seconds = options.rotate_seconds;
        rotation.file_count = options.file_count;
        rotation.command = options.postrotate_command;
        rotation.link_type_field = savefile::link_type_field(link_type, fcs_bits);
        rotation.snaplen = snaplen;
        rotation.nanoseconds = options.output.nanoseconds;
        rotation.first_period_start = static_cast<std::time_t>(options.rotate_clock_start);
        auto output = RotatingOutput::open(rotation);
        if (!output) {
            fmt::print(stderr, "rawdump: {}\n", output.error());
            return std::nullopt;
        }
        sink.output_ = std::move(*output);
    }
    // --count silences the printer, except for --print beside -w (tcpdump's dump callback
    // prints whatever the count mode says).
    if (options.write_file ? options.print : !options.count_only) {
        // The sink numbers the packets itself: the printer sees only those it prints.
        sink.printer_options_ = options.output;
        sink.printer_options_.packet_numbers = false;
        if (!options.output.numeric) sink.names_ = resolving_names(options.output);
        sink.printer_ = sink.make_printer(link_type);
    }
    return sink;
}

bool PacketSink::accept(const Frame& frame) {
    ++packets_;
    if (packets_ <= skip_) return true;
    if (output_) {
        auto written = output_->write(frame);
        if (written == RotatingOutput::Written::FileLimitReached) {
            // tcpdump's words, without its name, as it prints them.
            fmt::print(stderr, "Maximum file limit reached: {}\n", file_count_);
            file_limit_reached_ = true;
            return false;
        }
        if (written == RotatingOutput::Written::Failed || (flush_each_packet_ && !output_->flush())) {
            fmt::print(stderr, "rawdump: {}\n", output_->error());
            write_failed_ = true;
            return false;
        }
    }
    if (printer_ && (print_sampling_ == 0 || packets_ % print_sampling_ == 0)) {
        line_.clear();
        auto out = std::back_inserter(line_);
        if (packet_numbers_) fmt::format_to(out, "{:5}  ", packets_);
        if (lengths_) fmt::format_to(out, "caplen {} len {} ", frame.bytes.size(), frame.wire_length);
        printer_->print(frame, line_);
        text_->packet(line_);
    }
    return true;
}

void PacketSink::set_link_type(LinkType link_type) {
    if (printer_) printer_ = make_printer(link_type);
}

bool PacketSink::settle_output(bool (RotatingOutput::*settle)()) {
    text_->flush();
    if (!output_ || write_failed_ || file_limit_reached_ || ((*output_).*settle)()) return true;
    fmt::print(stderr, "rawdump: {}\n", output_->error());
    write_failed_ = true;
    return false;
}

bool PacketSink::flush_output() { return settle_output(&RotatingOutput::flush); }

bool PacketSink::finish() { return settle_output(&RotatingOutput::finish); }

}  // namespace rawdump::cli
