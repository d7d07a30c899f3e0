#include "src/savefile/input_stream.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace rawdump::savefile {

InputStream::~InputStream() {
    if (fd_ > STDIN_FILENO) ::close(fd_);
}

InputStream::InputStream(InputStream&& other) noexcept
    : fd_(other.fd_), buffer_(std::move(other.buffer_)), begin_(other.begin_), end_(other.end_),
      eof_(other.eof_), error_(other.error_) {
    other.fd_ = -1;
}

void InputStream::fill(std::size_t wanted) {
    // Keep the unread tail, then read until `wanted` bytes are buffered or input ends.
    if (begin_ > 0) {
        std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
        end_ -= begin_;
        begin_ = 0;
    }
    if (buffer_.size() < wanted) buffer_.resize(wanted);
    while (end_ < wanted && !eof_) {
        ssize_t got = ::read(fd_, buffer_.data() + end_, buffer_.size() - end_);
        if (got > 0) {
            end_ += static_cast<std::size_t>(got);
        } else if (got == 0) {
            eof_ = true;
        } else if (errno != EINTR) {
            error_ = errno;
            eof_ = true;
        }
    }
}

std::span<const std::byte> InputStream::peek(std::size_t count) {
    if (end_ - begin_ < count) fill(count);
    return {buffer_.data() + begin_, std::min(count, end_ - begin_)};
}

std::span<const std::byte> InputStream::read(std::size_t count) {
    auto view = peek(count);
    begin_ += view.size();
    return view;
}

}  // namespace rawdump::savefile
