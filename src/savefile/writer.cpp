#include "src/savefile/writer.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "src/savefile/formats.hpp"

namespace rawdump::savefile {
namespace {

constexpr std::size_t buffer_size = 1 << 16;

void put_u16(std::byte* at, std::uint16_t value) { std::memcpy(at, &value, 2); }
void put_u32(std::byte* at, std::uint32_t value) { std::memcpy(at, &value, 4); }

}  // namespace

Writer::Writer(int fd, std::string path, bool nanoseconds)
    : fd_(fd), path_(std::move(path)), buffer_(buffer_size), nanoseconds_(nanoseconds) {
    struct stat info {};
    seekable_ = ::fstat(fd_, &info) == 0 && S_ISREG(info.st_mode);
    if (seekable_) {
        off_t at = ::lseek(fd_, 0, SEEK_CUR);
        if (at > 0) start_offset_ = static_cast<std::uint64_t>(at);
    }
}

Writer::~Writer() { close(); }

bool Writer::close() {
    if (fd_ < 0) return error_.empty();
    bool ok = flush();
    // close() can report a delayed write error (NFS); the records may not all be there.
    if (fd_ > STDOUT_FILENO && ::close(fd_) != 0 && ok) {
        error_ = fmt::format("{}: {}", path_, std::strerror(errno));
        ok = false;
    }
    fd_ = -1;
    return ok;
}

std::optional<std::uint64_t> Writer::position() const noexcept {
    if (!seekable_) return std::nullopt;
    return start_offset_ + committed_ + used_;
}

Expected<std::unique_ptr<Writer>, std::string> Writer::create(const std::string& path,
                                                              std::uint32_t link_type_field,
                                                              std::uint32_t snaplen,
                                                              bool nanoseconds) {
    int fd = path == "-" ? STDOUT_FILENO : ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return Unexpected{fmt::format("{}: {}", path, std::strerror(errno))};
    std::unique_ptr<Writer> writer(new Writer(fd, path, nanoseconds));
    // Files are written in this host's byte order, as libpcap does (x86: little-endian).
    std::byte* header = writer->buffer_.data();
    put_u32(header, nanoseconds ? pcap_magic::nano : pcap_magic::micro);
    put_u16(header + 4, 2);
    put_u16(header + 6, 4);
    put_u32(header + 8, 0);   // thiszone
    put_u32(header + 12, 0);  // sigfigs
    put_u32(header + 16, snaplen);
    put_u32(header + 20, link_type_field);
    writer->used_ = 24;
    if (!writer->flush()) return Unexpected{writer->error_};
    return writer;
}

bool Writer::write(const Frame& frame) {
    if (!error_.empty()) return false;
    if (fd_ < 0) {
        error_ = fmt::format("{}: written after it was closed", path_);
        return false;
    }
    std::size_t record = 16 + frame.bytes.size();
    if (used_ + record > buffer_.size()) {
        if (!flush()) return false;
        if (record > buffer_.size()) buffer_.resize(record);
    }
    std::byte* at = buffer_.data() + used_;
    put_u32(at, static_cast<std::uint32_t>(frame.time.seconds));
    put_u32(at + 4, static_cast<std::uint32_t>(nanoseconds_ ? frame.time.nanoseconds : frame.time.nanoseconds / 1000));
    put_u32(at + 8, static_cast<std::uint32_t>(frame.bytes.size()));
    put_u32(at + 12, frame.wire_length);
    if (!frame.bytes.empty()) std::memcpy(at + 16, frame.bytes.data(), frame.bytes.size());
    used_ += record;
    return true;
}

std::size_t Writer::whole_records_within(std::size_t limit) const {
    if (committed_ == 0) return 0;  // the file header itself did not make it out
    std::size_t at = 0;
    while (at + 16 <= limit) {
        std::uint32_t captured;
        std::memcpy(&captured, buffer_.data() + at + 8, 4);
        if (at + 16 + captured > limit) break;
        at += 16 + captured;
    }
    return at;
}

bool Writer::flush() {
    if (!error_.empty()) return false;
    if (fd_ < 0) return true;  // closed: everything went out then
    std::size_t done = 0;
    while (done < used_) {
        ssize_t wrote = ::write(fd_, buffer_.data() + done, used_ - done);
        if (wrote < 0 && errno == EINTR) continue;
        if (wrote <= 0) {
            error_ = fmt::format("{}: {}", path_, std::strerror(wrote < 0 ? errno : ENOSPC));
            // Cut a partly written record off, keeping every whole one that made it out.
            if (seekable_ && done > 0) {
                std::uint64_t whole = committed_ + whole_records_within(done);
                if (::ftruncate(fd_, static_cast<off_t>(whole)) != 0)
                    error_ += fmt::format(" (and truncating it failed: {})", std::strerror(errno));
            }
            used_ = 0;
            return false;
        }
        done += static_cast<std::size_t>(wrote);
    }
    committed_ += used_;
    used_ = 0;
    return true;
}

}  // namespace rawdump::savefile
