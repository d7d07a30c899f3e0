#include "src/cli/rotating_output.hpp"

#include <fmt/format.h>

#include "src/cli/postrotate_command.hpp"
#include "src/cli/rotation_names.hpp"

namespace rawdump::cli {

Expected<std::unique_ptr<RotatingOutput>, std::string> RotatingOutput::open(const RotationSettings& settings) {
    std::unique_ptr<RotatingOutput> output(new RotatingOutput(settings));
    // tcpdump reads the clock when it parses -G, names the first file with it, and measures
    // the first period from it (so with -r - the first file can be named seconds before the
    // input's header arrives).
    output->period_start_ = settings.first_period_start != 0 ? settings.first_period_start : std::time(nullptr);
    output->width_ = settings.size != 0 ? file_number_width(settings.file_count) : 0;
    auto name = output->current_name();
    if (!name) return Unexpected{name.error()};
    auto writer = savefile::Writer::create(*name, settings.link_type_field, settings.snaplen, settings.nanoseconds);
    if (!writer) return Unexpected{writer.error()};
    output->writer_ = std::move(*writer);
    if (settings.command && (settings.size != 0 || settings.seconds != 0)) reap_postrotate_commands();
    return output;
}

Expected<std::string, std::string> RotatingOutput::current_name() const {
    return rotation_file_name({settings_.pattern, settings_.seconds != 0, period_start_, number_, width_});
}

bool RotatingOutput::fail(std::string message) {
    error_ = std::move(message);
    return false;
}

bool RotatingOutput::switch_to(const std::string& next, const Frame& frame, bool& wrote_frame) {
    // Out first: if the next name is this file's own (-G without a time in the name, a ring
    // of one), opening it truncates what is already written, as in tcpdump.
    if (!writer_->flush()) return fail(writer_->error());
    // tcpdump closes standard output and then cannot open it again ("Can't write to standard
    // output: Bad file descriptor", status 1); a second pcap header in the stream would be
    // no better. Refused the same way, the packet kept in the stream.
    auto opened = next == "-"
        ? Expected<std::unique_ptr<savefile::Writer>, std::string>(
              Unexpected{std::string("Can't write to standard output again: -w - cannot be rotated")})
        : savefile::Writer::create(next, settings_.link_type_field, settings_.snaplen, settings_.nanoseconds);
    if (!opened) {
        // The packet stays with the previous file, which ends complete.
        wrote_frame = writer_->write(frame);
        writer_->close();
        return fail(opened.error());
    }
    std::string closed = writer_->path();
    bool closed_ok = writer_->close();
    std::string close_error = writer_->error();
    writer_ = std::move(*opened);
    if (!closed_ok) return fail(close_error);
    if (settings_.command) start_postrotate_command(*settings_.command, closed);
    return true;
}

RotatingOutput::Written RotatingOutput::write(const Frame& frame) {
    bool wrote_frame = false;
    if (settings_.seconds != 0) {
        std::time_t now = std::time(nullptr);
        if (now - period_start_ >= static_cast<std::time_t>(settings_.seconds)) {
            period_start_ = now;
            ++periods_;
            // -G -W without -C: that many files, then stop (the last one gets its -z too).
            if (settings_.size == 0 && settings_.file_count != 0 && periods_ >= settings_.file_count) {
                std::string closed = writer_->path();
                if (!writer_->close()) return fail(writer_->error()), Written::Failed;
                if (settings_.command) start_postrotate_command(*settings_.command, closed);
                return Written::FileLimitReached;
            }
            number_ = 0;  // -C numbering starts again in each period
            auto name = current_name();
            if (!name) return fail(name.error()), Written::Failed;
            if (!switch_to(*name, frame, wrote_frame)) return Written::Failed;
        }
    }
    if (settings_.size != 0) {
        auto position = writer_->position();
        if (!position) return fail("ftell fails on output file"), Written::Failed;
        if (*position > settings_.size) {
            ++number_;
            if (settings_.file_count != 0 && number_ >= settings_.file_count) number_ = 0;
            auto name = current_name();
            if (!name) return fail(name.error()), Written::Failed;
            if (!switch_to(*name, frame, wrote_frame)) return Written::Failed;
        }
    }
    if (!writer_->write(frame)) return fail(writer_->error()), Written::Failed;
    return Written::Ok;
}

bool RotatingOutput::flush() {
    if (!error_.empty()) return false;
    return writer_->flush() || fail(writer_->error());
}

bool RotatingOutput::finish() {
    if (!error_.empty()) return false;
    return writer_->close() || fail(writer_->error());
}

}  // namespace rawdump::cli
