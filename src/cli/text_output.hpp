// Standard output for printed packets: one write(2) per packet when a person is watching
// (a terminal, -l, -U), otherwise whole batches, so text output costs few system calls.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include <fmt/format.h>

namespace rawdump::cli {

class TextOutput {
public:
    TextOutput(int fd, bool per_packet);
    ~TextOutput();
    TextOutput(const TextOutput&) = delete;
    TextOutput& operator=(const TextOutput&) = delete;

    void packet(const fmt::memory_buffer& text);
    void text(std::string_view text);
    void flush();

private:
    void write_all(const char* data, std::size_t size);

    int fd_;
    bool per_packet_;
    std::vector<char> batch_;
};

}  // namespace rawdump::cli
