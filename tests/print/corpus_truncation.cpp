// Every packet of the repository's captures, cut at every length from 0 to its caplen, through
// the printer in several output modes. Each cut is copied into a heap block of exactly that
// size, so under AddressSanitizer (scripts/test-sanitizers) a read one byte past the capture
// is reported; without it the test still checks that every packet prints one finished text.
//
// Usage: corpus-truncation [--stride N] PATH...   (a PATH is a capture or a directory of them)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include <fmt/format.h>

#include "src/print/base/output_options.hpp"
#include "src/print/packet_printer.hpp"
#include "src/savefile/reader.hpp"

using namespace rawdump;

namespace {

struct Packet {
    rawdump::Timestamp time;
    std::uint32_t wire_length = 0;
    std::vector<std::byte> bytes;
};

struct Capture {
    std::string path;
    LinkType link_type = LinkType::Null;
    std::vector<Packet> packets;
};

struct Mode {
    const char* name;
    OutputOptions options;
    bool cut_wire_length = false;  // also claim the wire length is the cut (a short packet)
    bool dump = false;             // -x/-X/-A: the text grows with the cut, so cuts are sampled
};

OutputOptions numeric() {
    OutputOptions o;
    o.numeric = true;
    o.timestamps = TimestampStyle::None;
    return o;
}

std::vector<Mode> modes() {
    std::vector<Mode> list;
    auto add = [&](const char* name, auto change, bool cut_wire = false) {
        OutputOptions o = numeric();
        change(o);
        bool dump = o.hex != HexDump::None || o.ascii;
        list.push_back({name, o, cut_wire, dump});
    };
    add("-n", [](OutputOptions&) {});
    add("-n -vvv", [](OutputOptions& o) { o.verbosity = 3; });
    add("-n -vv (len = caplen)", [](OutputOptions& o) { o.verbosity = 2; }, true);
    add("-n -x", [](OutputOptions& o) { o.hex = HexDump::Network; });
    add("-n -X", [](OutputOptions& o) { o.hex = HexDump::Network, o.hex_ascii = true; });
    add("-n -e -q", [](OutputOptions& o) { o.link_header = true, o.quiet = true; });
    add("-n -A", [](OutputOptions& o) { o.ascii = true; });
    add("-n -S -K -g -vv", [](OutputOptions& o) {
        o.absolute_sequence = true, o.verify_checksums = false, o.one_line = true, o.verbosity = 2;
    });
    // Without -n the printer would ask a name server about every address: not here.
    add("-n -v -tttt -# -e", [](OutputOptions& o) {
        o.verbosity = 1, o.timestamps = TimestampStyle::LocalDate, o.packet_numbers = true, o.link_header = true;
    });
    return list;
}

bool is_capture(const std::filesystem::path& p) {
    auto ext = p.extension().string();
    return ext == ".pcap" || ext == ".pcapng" || ext == ".cap";
}

bool load(const std::string& path, std::vector<Capture>& captures) {
    auto opened = savefile::Reader::open(path);
    if (!opened) {
        fmt::print(stderr, "{}: {}\n", path, opened.error());
        return false;
    }
    auto& reader = **opened;
    Capture capture{path, reader.info().link_type, {}};
    rawdump::Frame frame;
    std::string error;
    for (;;) {
        auto status = reader.next(frame, error);
        if (status == savefile::ReadStatus::End) break;
        if (status == savefile::ReadStatus::Error) {
            // A capture that is damaged on purpose: keep what was read before the damage.
            break;
        }
        capture.packets.push_back({frame.time, frame.wire_length, {frame.bytes.begin(), frame.bytes.end()}});
    }
    captures.push_back(std::move(capture));
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t stride = 1;
    std::vector<std::string> paths;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--stride") == 0 && i + 1 < argc)
            stride = std::max<std::size_t>(1, std::stoul(argv[++i]));
        else
            paths.emplace_back(argv[i]);
    }
    std::vector<std::string> files;
    for (const auto& path : paths) {
        std::error_code ec;
        if (std::filesystem::is_directory(path, ec)) {
            for (const auto& entry : std::filesystem::recursive_directory_iterator(path))
                if (entry.is_regular_file() && is_capture(entry.path())) files.push_back(entry.path().string());
        } else {
            files.push_back(path);
        }
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) {
        fmt::print(stderr, "corpus-truncation: no captures given\n");
        return 1;
    }

    std::vector<Capture> captures;
    bool ok = true;
    for (const auto& file : files) ok = load(file, captures) && ok;

    // A packet that is a prefix of another one with the same link type and wire length (the
    // trunc-* captures, repeated packets) adds no cut that the longer one does not print.
    std::size_t packets = 0, prints = 0, failures = 0, duplicates = 0;
    {
        std::vector<const Packet*> kept;
        auto covers = [](const Packet& longer, const Packet& p) {
            return longer.wire_length == p.wire_length && longer.bytes.size() >= p.bytes.size() &&
                   std::equal(p.bytes.begin(), p.bytes.end(), longer.bytes.begin());
        };
        std::vector<std::pair<LinkType, const Packet*>> all;
        for (const auto& capture : captures)
            for (const auto& p : capture.packets) all.emplace_back(capture.link_type, &p);
        // Longest first, so that a prefix is always met after what covers it.
        std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
            return std::tie(a.first, a.second->wire_length) < std::tie(b.first, b.second->wire_length) ||
                   (std::tie(a.first, a.second->wire_length) == std::tie(b.first, b.second->wire_length) &&
                    a.second->bytes.size() > b.second->bytes.size());
        });
        std::vector<const Packet*> redundant;
        for (std::size_t i = 0, group = 0; i < all.size(); ++i) {
            if (all[i].first != all[group].first || all[i].second->wire_length != all[group].second->wire_length)
                group = i;
            for (std::size_t j = group; j < i; ++j)
                if (covers(*all[j].second, *all[i].second)) {
                    redundant.push_back(all[i].second);
                    break;
                }
        }
        std::sort(redundant.begin(), redundant.end());
        for (auto& capture : captures) {
            std::vector<Packet> unique;
            for (auto& p : capture.packets) {
                if (std::binary_search(redundant.begin(), redundant.end(), &p))
                    ++duplicates;
                else
                    unique.push_back(std::move(p));
            }
            capture.packets = std::move(unique);
            packets += capture.packets.size();
        }
    }
    const auto all_modes = modes();
    fmt::memory_buffer out;
    for (const auto& mode : all_modes) {
        const auto start = std::chrono::steady_clock::now();
        const std::size_t prints_before = prints;
        for (const auto& capture : captures) {
            PacketPrinter printer(mode.options, capture.link_type);
            for (std::size_t index = 0; index < capture.packets.size(); ++index) {
                const auto& packet = capture.packets[index];
                const std::size_t caplen = packet.bytes.size();
                // With a dump the text grows with the cut: every cut through the headers,
                // then every 16th (the decoders meet every cut in the other modes).
                // Past an Ethernet MTU (a few reassembled or jumbo frames of 4 to 64 KiB) every
                // 61st cut, or those frames alone would take minutes.
                const std::size_t step = mode.dump ? 16 * stride : stride;
                auto next = [&](std::size_t cut) {
                    if (cut >= 1600) return cut + 61 * stride;
                    return cut + (mode.dump && cut < 128 ? 1 : step);
                };
                for (std::size_t cut = 0;; cut = std::min(next(cut), caplen)) {
                    // Exactly `cut` bytes on the heap: nothing readable follows the capture.
                    std::unique_ptr<std::byte[]> block{new std::byte[cut]};
                    if (cut) std::memcpy(block.get(), packet.bytes.data(), cut);
                    rawdump::Frame frame;
                    frame.time = packet.time;
                    frame.wire_length = mode.cut_wire_length ? static_cast<std::uint32_t>(cut) : packet.wire_length;
                    frame.bytes = std::span<const std::byte>{block.get(), cut};
                    out.clear();
                    printer.print(frame, out);
                    ++prints;
                    if (out.size() == 0 || out[out.size() - 1] != '\n') {
                        if (++failures <= 20)
                            fmt::print(stderr, "{} packet {} cut {} mode {}: output does not end a line: {}\n",
                                       capture.path, index + 1, cut, mode.name,
                                       std::string_view(out.data(), out.size()));
                        ok = false;
                    }
                    if (cut == caplen) break;
                }
            }
        }
        const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
        fmt::print("{:<24} {:8} prints {:7.2f} s\n", mode.name, prints - prints_before, took.count());
        std::fflush(stdout);
    }
    fmt::print("{} captures, {} packets ({} more are prefixes of others), {} modes, {} prints, {} failures\n",
               captures.size(), packets, duplicates, all_modes.size(), prints, failures);
    return ok ? 0 : 1;
}
