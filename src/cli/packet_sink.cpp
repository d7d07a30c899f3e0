#include "src/cli/packet_sink.hpp"

#include <iterator>
#include <unistd.h>

namespace rawdump::cli {

std::optional<PacketSink> PacketSink::create(const Options& options, std::uint32_t link_type,
                                             std::uint32_t snaplen, bool per_packet_output,
                                             std::uint32_t fcs_bits) {
    PacketSink sink;
    sink.text_ = std::make_unique<TextOutput>(STDOUT_FILENO, per_packet_output);
    sink.flush_each_packet_ = options.packet_buffered;
    sink.packet_numbers_ = options.output.packet_numbers;
    sink.lengths_ = options.lengths;
    sink.skip_ = options.skip;
    sink.print_sampling_ = options.print_sampling;
    if (options.write_file) {
        auto writer = savefile::Writer::create(*options.write_file, link_type | fcs_bits, snaplen);
        if (!writer) {
            fmt::print(stderr, "rawdump: {}\n", writer.error());
            return std::nullopt;
        }
        sink.writer_ = std::move(*writer);
    }
    // --count silences the printer, except for --print beside -w (tcpdump's dump callback
    // prints whatever the count mode says).
    if (options.write_file ? options.print : !options.count_only) {
        // The sink numbers the packets itself: the printer sees only those it prints.
        OutputOptions output = options.output;
        output.packet_numbers = false;
        sink.printer_ = std::make_unique<PacketPrinter>(output, static_cast<filter::LinkType>(link_type));
    }
    return sink;
}

bool PacketSink::accept(const platform::Frame& frame) {
    ++packets_;
    if (packets_ <= skip_) return true;
    if (writer_) {
        if (!writer_->write(frame) || (flush_each_packet_ && !writer_->flush())) {
            fmt::print(stderr, "rawdump: {}\n", writer_->error());
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

bool PacketSink::finish() {
    text_->flush();
    if (writer_ && !write_failed_ && !writer_->flush()) {
        fmt::print(stderr, "rawdump: {}\n", writer_->error());
        return false;
    }
    return true;
}

}  // namespace rawdump::cli
