// Where accepted packets go: printed to stdout, written to a -w file (and printed too with
// --print), or only counted (--count). Shared by the file and live loops.
//
// Every packet that passed the filter is counted, the first --skip ones included, so -#
// numbers and --count match the input; skipped packets are neither written nor seen by the
// printer, and --print-sampling hands the printer only every Nth one.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "src/core/frame.hpp"
#include "src/core/link_type.hpp"
#include "src/cli/options.hpp"
#include "src/cli/text_output.hpp"
#include "src/names/names.hpp"
#include "src/print/packet_printer.hpp"
#include "src/cli/rotating_output.hpp"

namespace rawdump::cli {

class PacketSink {
public:
    // nullopt after printing why (e.g. the -w file cannot be created). `fcs_bits`: the upper
    // bits of the input's link-type field, which the -w header keeps as libpcap does.
    static std::optional<PacketSink> create(const Options& options, LinkType link_type,
                                            std::uint32_t snaplen, bool per_packet_output,
                                            std::uint32_t fcs_bits = 0);

    // false when the packet could not be written (the error was printed), or when -G -W's
    // last file is done (file_limit_reached(): "Maximum file limit reached: N" was printed;
    // tcpdump then stops with status 0).
    bool accept(const Frame& frame);
    bool file_limit_reached() const noexcept { return file_limit_reached_; }
    // -V: the next file has another link type; packets are printed for it from now on.
    void set_link_type(LinkType link_type);
    bool writing() const noexcept { return output_ != nullptr; }
    // The -w file's descriptor (-Z hands it to the user); -1 without -w.
    int output_fd() const noexcept { return output_ ? output_->fd() : -1; }
    // Writes out what is buffered (SIGUSR2); false when that failed (the error was printed).
    bool flush_output();
    // false when buffered packets could not be written out (the error was printed).
    bool finish();

    std::uint64_t packets() const noexcept { return packets_; }
    // -c counts the packets after the skipped ones.
    bool limit_reached(std::uint64_t count) const noexcept { return count != 0 && packets_ >= count + skip_; }
    bool printing() const noexcept { return printer_ != nullptr; }
    TextOutput& text() { return *text_; }

private:
    PacketSink() = default;
    std::unique_ptr<PacketPrinter> make_printer(LinkType link_type) const;
    // flush_output() and finish(): the text out, then `settle` on the -w output unless it
    // already failed or hit -W's limit; a failure is printed once.
    bool settle_output(bool (RotatingOutput::*settle)());

    std::unique_ptr<RotatingOutput> output_;
    // Built once per run (without -n, when printing) and kept across link-type changes: the
    // printers hold a reference, so it is declared before them and outlives them.
    std::unique_ptr<names::Names> names_;
    std::unique_ptr<PacketPrinter> printer_;
    OutputOptions printer_options_;
    std::unique_ptr<TextOutput> text_;
    fmt::memory_buffer line_;
    bool flush_each_packet_ = false;
    bool write_failed_ = false;  // reported once, when it happened
    bool file_limit_reached_ = false;
    std::uint32_t file_count_ = 0;  // -W, for the file limit message
    bool packet_numbers_ = false;
    bool lengths_ = false;
    std::uint64_t skip_ = 0;
    std::uint64_t print_sampling_ = 0;
    std::uint64_t packets_ = 0;
};

}  // namespace rawdump::cli
