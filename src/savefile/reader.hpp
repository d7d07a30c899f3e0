// Reading capture files: classic pcap (microsecond and nanosecond magic, either byte order)
// and pcapng (one link type), as libpcap reads them, with tcpdump's error texts.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "src/core/expected.hpp"
#include "src/core/frame.hpp"
#include "src/core/link_type.hpp"

namespace rawdump::savefile {

struct FileInfo {
    LinkType link_type = LinkType::Null;  // from the file (any number)
    std::uint32_t snaplen = 0;            // as the reader applies it: never 0
    // The FCS bits of a classic pcap link-type field (see link_types.hpp), for -w to keep.
    std::uint32_t link_type_fcs_bits = 0;
};

enum class ReadStatus { Packet, End, Error };

class Reader {
public:
    // `path` "-" reads standard input. The error is one line, e.g.
    // "truncated dump file; tried to read 24 file header bytes, only got 6".
    static Expected<std::unique_ptr<Reader>, std::string> open(const std::string& path);
    virtual ~Reader() = default;

    virtual const FileInfo& info() const noexcept = 0;

    // The next packet; frame.bytes stays valid until the following call. On Error,
    // `error` says what is wrong, e.g. "truncated dump file; tried to read 74 captured
    // bytes, only got 70".
    virtual ReadStatus next(Frame& frame, std::string& error) = 0;
};

}  // namespace rawdump::savefile
