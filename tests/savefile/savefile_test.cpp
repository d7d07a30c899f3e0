// Reading and writing capture files: every format variant rawdump reads, tcpdump's error
// texts for damaged files, and -w files staying whole when the disk fills up.
#include <doctest/doctest.h>

#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#include "src/savefile/byte_order.hpp"
#include "src/savefile/link_types.hpp"
#include "src/savefile/reader.hpp"
#include "src/savefile/writer.hpp"

using namespace rawdump;

namespace {

struct TempFile {
    std::string path;
    TempFile() {
        char name[] = "/tmp/rawdump-savefile-XXXXXX";
        int fd = mkstemp(name);
        REQUIRE(fd >= 0);
        close(fd);
        path = name;
    }
    ~TempFile() { unlink(path.c_str()); }
    void write(const std::vector<unsigned char>& bytes) const {
        FILE* f = fopen(path.c_str(), "wb");
        REQUIRE(f != nullptr);
        if (!bytes.empty()) fwrite(bytes.data(), 1, bytes.size(), f);  // data() may be null
        fclose(f);
    }
    off_t size() const {
        struct stat info {};
        stat(path.c_str(), &info);
        return info.st_size;
    }
};

void put32(std::vector<unsigned char>& out, std::uint32_t v, bool big) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<unsigned char>(v >> (big ? 24 - 8 * i : 8 * i)));
}
void put16(std::vector<unsigned char>& out, std::uint16_t v, bool big) {
    for (int i = 0; i < 2; ++i) out.push_back(static_cast<unsigned char>(v >> (big ? 8 - 8 * i : 8 * i)));
}

std::vector<unsigned char> classic_file(std::uint32_t magic, bool big, std::uint32_t fraction,
                                        std::vector<unsigned char> payload) {
    std::vector<unsigned char> out;
    put32(out, magic, big);
    put16(out, 2, big);
    put16(out, 4, big);
    put32(out, 0, big);
    put32(out, 0, big);
    put32(out, 65535, big);
    put32(out, 1, big);
    put32(out, 1700000000, big);
    put32(out, fraction, big);
    put32(out, static_cast<std::uint32_t>(payload.size()), big);
    put32(out, static_cast<std::uint32_t>(payload.size() + 10), big);
    out.insert(out.end(), payload.begin(), payload.end());
    return out;
}

std::string open_error(const TempFile& file) {
    auto reader = savefile::Reader::open(file.path);
    REQUIRE_FALSE(reader.has_value());
    return reader.error();
}

}  // namespace

TEST_CASE("classic pcap in both byte orders and both precisions") {
    struct Case { std::uint32_t magic; bool big; std::uint32_t fraction; std::uint32_t nanoseconds; };
    for (auto c : {Case{0xa1b2c3d4, false, 123456, 123456000}, Case{0xa1b2c3d4, true, 123456, 123456000},
                   Case{0xa1b23c4d, false, 123456789, 123456789}, Case{0xa1b23c4d, true, 123456789, 123456789}}) {
        TempFile file;
        file.write(classic_file(c.magic, c.big, c.fraction, {1, 2, 3, 4, 5}));
        auto reader = savefile::Reader::open(file.path);
        REQUIRE(reader.has_value());
        CHECK((*reader)->info().link_type == LinkType::En10mb);
        CHECK((*reader)->info().snaplen == 65535);
        rawdump::Frame frame;
        std::string error;
        REQUIRE((*reader)->next(frame, error) == savefile::ReadStatus::Packet);
        CHECK(frame.time.seconds == 1700000000);
        CHECK(frame.time.nanoseconds == c.nanoseconds);
        CHECK(frame.wire_length == 15);
        REQUIRE(frame.bytes.size() == 5);
        CHECK(std::to_integer<int>(frame.bytes[4]) == 5);
        CHECK((*reader)->next(frame, error) == savefile::ReadStatus::End);
    }
}

TEST_CASE("damaged files get libpcap's messages") {
    TempFile file;
    file.write({});
    CHECK(open_error(file) == "truncated dump file; tried to read 4 file header bytes, only got 0");
    file.write({0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0, 0, 0});
    CHECK(open_error(file) == "truncated dump file; tried to read 24 file header bytes, only got 6");
    file.write({'h', 'e', 'l', 'l', 'o', '\n'});
    CHECK(open_error(file) == "unknown file format");

    auto whole = classic_file(0xa1b2c3d4, false, 0, std::vector<unsigned char>(74, 0xab));
    auto cut_data = whole;
    cut_data.resize(whole.size() - 4);
    file.write(cut_data);
    auto reader = savefile::Reader::open(file.path);
    REQUIRE(reader.has_value());
    rawdump::Frame frame;
    std::string error;
    CHECK((*reader)->next(frame, error) == savefile::ReadStatus::Error);
    CHECK(error == "truncated dump file; tried to read 74 captured bytes, only got 70");

    auto cut_header = whole;
    cut_header.resize(24 + 6);
    file.write(cut_header);
    reader = savefile::Reader::open(file.path);
    REQUIRE(reader.has_value());
    CHECK((*reader)->next(frame, error) == savefile::ReadStatus::Error);
    CHECK(error == "truncated dump file; tried to read 16 header bytes, only got 6");
}

TEST_CASE("a missing file names the file and the reason") {
    auto reader = savefile::Reader::open("/nonexistent/x.pcap");
    REQUIRE_FALSE(reader.has_value());
    CHECK(reader.error() == "/nonexistent/x.pcap: No such file or directory");
}

namespace {
void block(std::vector<unsigned char>& out, std::uint32_t type, const std::vector<unsigned char>& body, bool big) {
    std::uint32_t total = static_cast<std::uint32_t>(12 + ((body.size() + 3) & ~std::size_t(3)));
    put32(out, type, big);
    put32(out, total, big);
    out.insert(out.end(), body.begin(), body.end());
    while ((out.size() % 4) != 0) out.push_back(0);
    put32(out, total, big);
}

std::vector<unsigned char> pcapng_file(bool big, std::uint16_t second_link, unsigned char tsresol) {
    std::vector<unsigned char> out, body;
    put32(body, 0x1a2b3c4d, big);
    put16(body, 1, big);
    put16(body, 0, big);
    put32(body, 0xffffffff, big);
    put32(body, 0xffffffff, big);
    block(out, 0x0a0d0d0a, body, big);
    body.clear();
    put16(body, 1, big);
    put16(body, 0, big);
    put32(body, 262144, big);
    put16(body, 9, big);  // if_tsresol
    put16(body, 1, big);
    body.insert(body.end(), {tsresol, 0, 0, 0});
    put16(body, 0, big);
    put16(body, 0, big);
    block(out, 1, body, big);
    body.clear();
    // 1700000000.123456789 s in the interface's units
    std::uint64_t units = tsresol == 9 ? 1700000000123456789ull : 1700000000123456ull;
    put32(body, 0, big);
    put32(body, static_cast<std::uint32_t>(units >> 32), big);
    put32(body, static_cast<std::uint32_t>(units), big);
    put32(body, 3, big);
    put32(body, 60, big);
    body.insert(body.end(), {7, 8, 9});
    block(out, 6, body, big);
    body.clear();
    put16(body, second_link, big);
    put16(body, 0, big);
    put32(body, 0, big);
    block(out, 1, body, big);
    return out;
}
}  // namespace

TEST_CASE("pcapng: timestamp resolution, byte order, one link type") {
    for (bool big : {false, true}) {
        for (unsigned char resolution : {6, 9}) {
            TempFile file;
            file.write(pcapng_file(big, 1, resolution));
            auto reader = savefile::Reader::open(file.path);
            REQUIRE(reader.has_value());
            CHECK((*reader)->info().link_type == LinkType::En10mb);
            CHECK((*reader)->info().snaplen == 262144);
            rawdump::Frame frame;
            std::string error;
            REQUIRE((*reader)->next(frame, error) == savefile::ReadStatus::Packet);
            CHECK(frame.time.seconds == 1700000000);
            CHECK(frame.time.nanoseconds == (resolution == 9 ? 123456789u : 123456000u));
            CHECK(frame.bytes.size() == 3);
            CHECK(frame.wire_length == 60);
            CHECK((*reader)->next(frame, error) == savefile::ReadStatus::End);
        }
    }
    TempFile file;
    file.write(pcapng_file(false, 101, 6));
    auto reader = savefile::Reader::open(file.path);
    REQUIRE(reader.has_value());
    rawdump::Frame frame;
    std::string error;
    REQUIRE((*reader)->next(frame, error) == savefile::ReadStatus::Packet);
    CHECK((*reader)->next(frame, error) == savefile::ReadStatus::Error);
    CHECK(error == "an interface has a type 101 different from the type of the first interface");
}

TEST_CASE("what the writer writes, the reader reads back") {
    TempFile file;
    std::vector<std::byte> payload(300);
    for (std::size_t i = 0; i < payload.size(); ++i) payload[i] = std::byte(i);
    {
        auto writer = savefile::Writer::create(file.path, 1, 262144);
        REQUIRE(writer.has_value());
        for (int i = 0; i < 1000; ++i) {
            rawdump::Frame frame{{1700000000 + i, 123456000}, 400, std::span(payload).first(i % 300)};
            REQUIRE((*writer)->write(frame));
        }
    }
    auto reader = savefile::Reader::open(file.path);
    REQUIRE(reader.has_value());
    CHECK((*reader)->info().snaplen == 262144);
    rawdump::Frame frame;
    std::string error;
    int count = 0;
    while ((*reader)->next(frame, error) == savefile::ReadStatus::Packet) {
        CHECK(frame.time.seconds == 1700000000 + count);
        CHECK(frame.time.nanoseconds == 123456000);
        CHECK(frame.bytes.size() == std::size_t(count % 300));
        CHECK(frame.wire_length == 400);
        ++count;
    }
    CHECK(count == 1000);
    CHECK(error.empty());
}

TEST_CASE("a full disk ends writing with an error and leaves only whole records") {
    TempFile file;
    // In a child: limit the file size (the disk is "full" at 5000 bytes) and write until it fails.
    pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        signal(SIGXFSZ, SIG_IGN);
        rlimit limit{5000, 5000};
        setrlimit(RLIMIT_FSIZE, &limit);
        auto writer = savefile::Writer::create(file.path, 1, 262144);
        if (!writer) _exit(10);
        std::vector<std::byte> payload(90, std::byte{0x55});
        bool ok = true;
        for (int i = 0; i < 1000 && ok; ++i) {
            rawdump::Frame frame{{i, 0}, 90, payload};
            ok = (*writer)->write(frame);
        }
        if (ok) ok = (*writer)->flush();
        if (ok) _exit(11);  // 106 kB cannot fit in 5000 bytes
        _exit((*writer)->error() == file.path + ": File too large" ? 0 : 12);
    }
    int status = 0;
    waitpid(child, &status, 0);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    // 24-byte header + whole 106-byte records only.
    CHECK(file.size() <= 5000);
    CHECK((file.size() - 24) % 106 == 0);
    auto reader = savefile::Reader::open(file.path);
    REQUIRE(reader.has_value());
    rawdump::Frame frame;
    std::string error;
    int count = 0;
    while ((*reader)->next(frame, error) == savefile::ReadStatus::Packet) ++count;
    CHECK(error.empty());
    CHECK(count == (file.size() - 24) / 106);
    CHECK(count > 0);
}

TEST_CASE("writing to /dev/full reports the reason") {
    auto writer = savefile::Writer::create("/dev/full", 1, 262144);
    REQUIRE_FALSE(writer.has_value());
    CHECK(writer.error() == "/dev/full: No space left on device");
}

TEST_CASE("ByteReader: fields in either byte order, never past the end") {
    const std::byte bytes[] = {std::byte{1}, std::byte{2}, std::byte{3}, std::byte{4}, std::byte{5}};
    savefile::ByteReader little(bytes, false);
    CHECK(little.u16() == 0x0201);
    CHECK(little.u16() == 0x0403);
    CHECK_FALSE(little.short_read());
    CHECK(little.u32() == 0);  // only one byte left
    CHECK(little.short_read());
    CHECK(little.remaining() == 0);
    savefile::ByteReader big(bytes, true);
    CHECK(big.u32() == 0x01020304);
    CHECK(big.bytes(2).empty());
    CHECK(big.short_read());
}

TEST_CASE("snapshot length and link-type field as libpcap applies them") {
    CHECK(savefile::effective_snaplen(LinkType::En10mb, 0) == 262144);
    CHECK(savefile::effective_snaplen(LinkType::En10mb, 0x80000000u) == 262144);
    CHECK(savefile::effective_snaplen(LinkType::En10mb, 0x7fffffffu) == 0x7fffffffu);
    CHECK(savefile::effective_snaplen(LinkType::En10mb, 300000) == 300000);
    CHECK(savefile::effective_snaplen(LinkType::Dbus, 0) == 128u * 1024 * 1024);
    auto field = savefile::split_link_type_field(0x24010001);
    CHECK(link_type_number(field.link_type) == 0x00010001);
    CHECK(field.fcs_bits == 0x24000000);
}

TEST_CASE("a classic pcap header's snaplen 0 reads as 262144 and keeps every packet") {
    TempFile file;
    auto bytes = classic_file(0xa1b2c3d4, false, 0, std::vector<unsigned char>(60, 0x11));
    for (int i = 16; i < 20; ++i) bytes[i] = 0;  // snaplen
    file.write(bytes);
    auto reader = savefile::Reader::open(file.path);
    REQUIRE(reader.has_value());
    CHECK((*reader)->info().snaplen == 262144);
    rawdump::Frame frame;
    std::string error;
    REQUIRE((*reader)->next(frame, error) == savefile::ReadStatus::Packet);
    CHECK(frame.bytes.size() == 60);
}
