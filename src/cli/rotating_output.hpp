// The -w output with tcpdump 4.99.3's rotation (its dump_packet_and_trunc): before each packet
// is written, -G closes the file when the period is over (wall-clock time, checked only when a
// packet arrives, offline too), and -C when the file already holds more than the size; the
// next file is named by rotation_names.hpp, -z runs on the closed one. Without -C and -G it is
// just the -w file.
//
// Unlike tcpdump, a file that cannot be created loses nothing: the packet that asked for it
// goes into the previous file, which is complete and closed before the error is returned.
#pragma once

#include <cstdint>
#include <ctime>
#include <memory>
#include <optional>
#include <string>

#include "src/core/expected.hpp"
#include "src/core/frame.hpp"
#include "src/savefile/writer.hpp"

namespace rawdump::cli {

struct RotationSettings {
    std::string pattern;                     // -w
    std::uint64_t size = 0;                  // -C in bytes; 0: off
    std::uint32_t seconds = 0;               // -G; 0: off
    std::uint32_t file_count = 0;            // -W; 0: unlimited
    std::optional<std::string> command;      // -z
    std::uint32_t link_type_field = 0;       // the header's whole field (FCS bits too)
    std::uint32_t snaplen = 0;
    bool nanoseconds = false;
    std::time_t first_period_start = 0;     // -G: when -G was read; 0: when the file opens
};

class RotatingOutput {
public:
    // Opens the first file (named for the current time with -G). The error is one line.
    static Expected<std::unique_ptr<RotatingOutput>, std::string> open(const RotationSettings& settings);

    enum class Written { Ok, Failed, FileLimitReached };
    // Failed: error() says why. FileLimitReached: -G -W's last file is closed (its -z
    // started) and this packet is not written; tcpdump then says so and exits 0.
    Written write(const Frame& frame);
    bool flush();
    // Writes out and closes the current file; no -z for it, as in tcpdump.
    bool finish();
    const std::string& error() const noexcept { return error_; }
    // The current file's descriptor; -1 when none is open.
    int fd() const noexcept { return writer_ ? writer_->fd() : -1; }

private:
    explicit RotatingOutput(RotationSettings settings) : settings_(std::move(settings)) {}
    Expected<std::string, std::string> current_name() const;
    // Closes the current file and opens `next`, in the order that keeps every packet.
    bool switch_to(const std::string& next, const Frame& frame, bool& wrote_frame);
    bool fail(std::string message);

    RotationSettings settings_;
    std::unique_ptr<savefile::Writer> writer_;
    std::time_t period_start_ = 0;     // tcpdump's Gflag_time
    std::uint32_t periods_ = 0;        // tcpdump's Gflag_count: -G files closed
    std::uint32_t number_ = 0;         // tcpdump's Cflag_count
    int width_ = 0;
    std::string error_;
};

}  // namespace rawdump::cli
