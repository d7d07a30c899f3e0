// A buffered, forward-only byte source over a file descriptor (a file, a pipe, stdin).
// Reads hand out views into an internal buffer, valid until the next read: no copy and no
// allocation per record once the buffer has grown to the largest record.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace rawdump::savefile {

class InputStream {
public:
    explicit InputStream(int fd) : fd_(fd), buffer_(1 << 20) {}
    ~InputStream();
    InputStream(InputStream&& other) noexcept;
    InputStream(const InputStream&) = delete;
    InputStream& operator=(const InputStream&) = delete;
    InputStream& operator=(InputStream&&) = delete;

    // Up to `count` bytes: fewer only at end of input (or on a read error, see error()).
    std::span<const std::byte> read(std::size_t count);
    // Like read, but the bytes stay unread: the next read returns them again.
    std::span<const std::byte> peek(std::size_t count);

    // The errno of a failed read(2), 0 when the stream simply ended.
    int error() const noexcept { return error_; }

private:
    void fill(std::size_t wanted);

    int fd_;
    std::vector<std::byte> buffer_;
    std::size_t begin_ = 0;  // first unread byte
    std::size_t end_ = 0;    // one past the last buffered byte
    bool eof_ = false;
    int error_ = 0;
};

}  // namespace rawdump::savefile
