#include "src/cli/packet_sink.hpp"

#include <unistd.h>

namespace rawdump::cli {

std::optional<PacketSink> PacketSink::create(const Options& options, std::uint32_t link_type,
                                             std::uint32_t snaplen, bool per_packet_output) {
    PacketSink sink;
    sink.text_ = std::make_unique<TextOutput>(STDOUT_FILENO, per_packet_output);
    sink.count_only_ = options.count_only;
    sink.flush_each_packet_ = options.packet_buffered;
    if (options.write_file) {
        auto writer = savefile::Writer::create(*options.write_file, link_type, snaplen);
        if (!writer) {
            fmt::print(stderr, "rawdump: {}\n", writer.error());
            return std::nullopt;
        }
        sink.writer_ = std::move(*writer);
    } else if (!options.count_only) {
        sink.printer_ = std::make_unique<PacketPrinter>(options.output, static_cast<filter::LinkType>(link_type));
    }
    return sink;
}

bool PacketSink::accept(const platform::Frame& frame) {
    ++packets_;
    if (writer_) {
        if (writer_->write(frame) && (!flush_each_packet_ || writer_->flush())) return true;
        fmt::print(stderr, "rawdump: {}\n", writer_->error());
        write_failed_ = true;
        return false;
    }
    if (printer_) {
        line_.clear();
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
