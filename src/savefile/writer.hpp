// Writing classic pcap files for -w, microsecond or (--nano) nanosecond: whole records only,
// so the file stays valid up to the last whole packet whatever happens (signal, -c, disk full).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "src/core/expected.hpp"
#include "src/core/frame.hpp"

namespace rawdump::savefile {

class Writer {
public:
    // `path` "-" writes standard output. The error is one line ("out.pcap: Permission denied").
    // `link_type_field` is the header's whole link-type field (FCS bits included, see link_types.hpp).
    // `nanoseconds`: magic a1b23c4d and nanosecond fractions, as libpcap writes for a handle
    // opened with nanosecond precision (tcpdump --nano); otherwise microseconds, truncated.
    static Expected<std::unique_ptr<Writer>, std::string> create(const std::string& path,
                                                                 std::uint32_t link_type_field,
                                                                 std::uint32_t snaplen,
                                                                 bool nanoseconds = false);
    ~Writer();
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    // Buffers one record; writes out when the buffer is full. false on a write error
    // (then error() says why and the file holds only whole records).
    bool write(const Frame& frame);
    // Writes out everything buffered (-U after each packet; at the end of a capture).
    bool flush();
    // Writes out what is buffered and closes the file (not standard output); false on an
    // error, as flush(). The writer takes no more packets afterwards.
    bool close();
    const std::string& error() const noexcept { return error_; }
    const std::string& path() const noexcept { return path_; }
    // The open file (standard output for "-"): -Z hands it to the user with fchown.
    int fd() const noexcept { return fd_; }
    // Where the next record would start in the file, buffered bytes included: what ftell()
    // tells tcpdump for -C. nullopt when the output cannot seek (a pipe), where ftell fails.
    std::optional<std::uint64_t> position() const noexcept;

private:
    Writer(int fd, std::string path, bool nanoseconds);
    // Bytes at the start of the buffer that form whole records, up to `limit`.
    std::size_t whole_records_within(std::size_t limit) const;

    int fd_;
    std::string path_;
    std::vector<std::byte> buffer_;
    std::size_t used_ = 0;
    std::uint64_t committed_ = 0;  // bytes known to be in the file as whole records
    bool seekable_ = false;
    bool nanoseconds_ = false;
    std::uint64_t start_offset_ = 0;  // where the header went (standard output may be appended to)
    std::string error_;
};

}  // namespace rawdump::savefile
