// PacketPrinter: one packet's complete text (print.c pretty_print_packet): packet number,
// header sanity checks, timestamp, the decoded line(s), the -x/-X dump and the newline.
#include "src/print/packet_printer.hpp"

#include "src/print/base/context.hpp"
#include "src/print/base/hexdump.hpp"
#include "src/print/dispatch/link_types.hpp"
#include "src/print/base/tcp_sequence.hpp"
#include "src/print/base/timestamp.hpp"
#include "src/core/snaplen.hpp"

namespace rawdump {

namespace {

// Records a savefile can contain but tcpdump refuses to decode: "[Invalid header: ...]" with
// every problem found, comma-separated. Returns true when the packet was one of them.
bool print_header_problems(print::Context& ctx, const Frame& frame) {
    const auto caplen = static_cast<std::uint32_t>(frame.bytes.size());
    bool any = false;
    auto next = [&] {
        ctx.put(any ? "," : "[Invalid header:");
        any = true;
    };
    if (caplen == 0) next(), ctx.put(" caplen==0");
    if (frame.wire_length == 0)
        next(), ctx.put(" len==0");
    else if (frame.wire_length < caplen)
        next(), ctx.print(" len({}) < caplen({})", frame.wire_length, caplen);
    if (caplen > maximum_snaplen) next(), ctx.print(" caplen({}) > {}", caplen, maximum_snaplen);
    if (frame.wire_length > maximum_snaplen) next(), ctx.print(" len({}) > {}", frame.wire_length, maximum_snaplen);
    if (any) ctx.put("]\n");
    return any;
}

}  // namespace

struct PacketPrinter::State {
    State(const OutputOptions& o, LinkType l, const print::NameLookup& n, const print::TimeZone& zone,
          const print::InterfaceNames& i)
        : options(o), link(l), names(n), time_zone(zone), interfaces(i),
          timestamps(o.timestamps, o.nanoseconds, zone) {}

    OutputOptions options;
    LinkType link;
    const print::NameLookup& names;
    const print::TimeZone& time_zone;
    const print::InterfaceNames& interfaces;
    print::TcpSequenceTable tcp_sequences;
    print::TimestampPrinter timestamps;
    std::uint64_t count = 0;
};

PacketPrinter::PacketPrinter(const OutputOptions& options, LinkType link, const print::NameLookup& names,
                             const print::TimeZone& zone, const print::InterfaceNames& interfaces)
    : state_(std::make_unique<State>(options, link, names, zone, interfaces)) {}

PacketPrinter::~PacketPrinter() = default;

void PacketPrinter::print(const Frame& frame, fmt::memory_buffer& out) noexcept {
    State& s = *state_;
    print::Context ctx{s.options, s.names, s.tcp_sequences, out, s.time_zone, s.interfaces};
    ++s.count;
    if (s.options.packet_numbers) ctx.print("{:5}  ", s.count);

    if (print_header_problems(ctx, frame)) return;
    s.timestamps.print(out, frame.time);

    print::ByteReader bytes{frame.bytes};
    std::size_t link_length = frame.bytes.size();
    if (auto consumed = print::print_link_type(ctx, s.link, bytes, frame.wire_length))
        link_length = *consumed;
    else
        ctx.put("[|unsupported link type]");  // other link types get printers in a later issue

    if (ctx.unwound) link_length = 0;
    if (s.options.hex != HexDump::None) {
        std::span<const std::byte> dump = frame.bytes;
        if (s.options.hex == HexDump::Network)
            dump = link_length < dump.size() ? dump.subspan(link_length) : std::span<const std::byte>{};
        if (s.options.hex_ascii)
            print::hex_ascii_dump(out, dump);
        else
            print::hex_dump(out, dump);
    } else if (s.options.ascii) {
        std::span<const std::byte> dump = frame.bytes;
        if (!s.options.ascii_link)
            dump = link_length < dump.size() ? dump.subspan(link_length) : std::span<const std::byte>{};
        if (!dump.empty() || s.options.ascii_link) print::ascii_dump(out, dump);
    }
    ctx.put('\n');
}

}  // namespace rawdump
