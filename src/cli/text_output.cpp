#include "src/cli/text_output.hpp"

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace rawdump::cli {
namespace {
constexpr std::size_t batch_limit = 1 << 16;
}

TextOutput::TextOutput(int fd, bool per_packet) : fd_(fd), per_packet_(per_packet) {
    if (!per_packet_) batch_.reserve(batch_limit + 4096);
}

TextOutput::~TextOutput() { flush(); }

void TextOutput::write_all(const char* data, std::size_t size) {
    while (size > 0) {
        ssize_t wrote = ::write(fd_, data, size);
        if (wrote < 0 && errno == EINTR) continue;
        if (wrote <= 0) return;  // a closed pipe: the reader is gone, nothing more to say
        data += wrote;
        size -= static_cast<std::size_t>(wrote);
    }
}

void TextOutput::text(std::string_view text) {
    if (per_packet_) {
        write_all(text.data(), text.size());
        return;
    }
    batch_.insert(batch_.end(), text.begin(), text.end());
    if (batch_.size() >= batch_limit) flush();
}

void TextOutput::packet(const fmt::memory_buffer& text) { this->text({text.data(), text.size()}); }

void TextOutput::flush() {
    if (batch_.empty()) return;
    write_all(batch_.data(), batch_.size());
    batch_.clear();
}

}  // namespace rawdump::cli
