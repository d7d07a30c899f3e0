// Every program rawdump makes from the accept corpora (all link types, optimised and -O) is
// one the Linux kernel takes: forward jumps inside the program, at most 4096 instructions,
// ending in a return, and accepted by SO_ATTACH_FILTER on an unprivileged AF_INET datagram
// socket (no root needed). Then the kernel itself runs each program on the corpus packets
// through an AF_UNIX datagram pair, and must agree with rawdump's interpreter (with the wire
// length equal to the captured length, which is what the kernel's `len` sees there).
#include <doctest/doctest.h>

#include <linux/filter.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <string>
#include <vector>

#include "corpus_files.hpp"
#include "filter/validate.hpp"
#include "filter/vm.hpp"

using namespace rawdump;
using namespace rawdump::filter;
using namespace rawdump::filter::testing;

namespace {

static_assert(sizeof(sock_filter) == sizeof(Insn));

struct Socket {
    int fd = -1;
    explicit Socket(int descriptor) : fd(descriptor) {}
    Socket(const Socket&) = delete;
    Socket& operator=(const Socket&) = delete;
    ~Socket() {
        if (fd >= 0) ::close(fd);
    }
};

std::vector<sock_filter> to_kernel(const Program& program) {
    std::vector<sock_filter> out;
    for (const Insn& insn : program) out.push_back(sock_filter{insn.code, insn.jt, insn.jf, insn.k});
    return out;
}

bool attach(int fd, std::vector<sock_filter>& code) {
    sock_fprog fprog{static_cast<unsigned short>(code.size()), code.data()};
    return ::setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, &fprog, sizeof fprog) == 0;
}

// Why the program is not one the kernel's checker can take, or "" if it is.
std::string shape_problem(const Program& program) {
    if (program.empty()) return "empty program";
    if (program.size() > kernel_max_insns) return std::to_string(program.size()) + " instructions";
    for (std::size_t pc = 0; pc < program.size(); ++pc) {
        const Insn& insn = program[pc];
        if (op::cls(insn.code) != op::jmp) continue;
        const std::size_t next = pc + 1;
        if (op::aluop(insn.code) == op::ja) {
            if (insn.k >= program.size() - next) return "ja out of range at " + std::to_string(pc);
        } else if (next + insn.jt >= program.size() || next + insn.jf >= program.size()) {
            return "conditional jump out of range at " + std::to_string(pc);
        }
    }
    if (op::cls(program.back().code) != op::ret) return "does not end in a return";
    return "";
}

// Loads the kernel answers from socket metadata (SKF_AD_OFF + n) or negative offsets: the
// kernel's verdict on such a program is not the packet's alone.
bool reads_metadata(const Program& program) {
    for (const Insn& insn : program) {
        const auto cls = op::cls(insn.code);
        if ((cls == op::ld || cls == op::ldx) && (op::mode(insn.code) == op::abs || op::mode(insn.code) == op::ind) &&
            insn.k >= 0x80000000u)
            return true;
    }
    return false;
}

// The kernel's verdicts: 1 when the datagram got through the filter.
std::string kernel_verdicts(std::vector<sock_filter>& code, const std::vector<CapturedPacket>& packets) {
    int pair[2];
    REQUIRE(::socketpair(AF_UNIX, SOCK_DGRAM, 0, pair) == 0);
    Socket sender(pair[0]), receiver(pair[1]);
    REQUIRE(attach(receiver.fd, code));
    std::string verdicts;
    std::vector<char> buffer(1 << 17);
    for (const auto& packet : packets) {
        REQUIRE(::send(sender.fd, packet.bytes.data(), packet.bytes.size(), 0) == static_cast<ssize_t>(packet.bytes.size()));
        const ssize_t got = ::recv(receiver.fd, buffer.data(), buffer.size(), MSG_DONTWAIT);
        REQUIRE((got >= 0 || errno == EAGAIN || errno == EWOULDBLOCK));
        verdicts += got >= 0 ? '1' : '0';
    }
    return verdicts;
}

}  // namespace

TEST_SUITE("filter.kernel") {
    TEST_CASE("the kernel takes every corpus program and runs it as rawdump's interpreter does") {
        std::size_t programs = 0, loaded = 0, compared = 0, largest = 0;
        for (const auto& link : corpus_link_types) {
            const CorpusVerdicts verdicts = read_corpus_verdicts(link);
            const auto packets = read_corpus_packets(verdicts);
            REQUIRE(packets.size() == verdicts.count);
            for (const auto& line : verdicts.lines) {
                for (const bool optimise : {true, false}) {
                    const auto program = compile(line.expression, corpus_options(link, optimise));
                    if (!program.has_value()) continue;  // test_corpora checks the refusals
                    ++programs;
                    largest = std::max(largest, program->size());
                    const std::string where = link + " '" + line.expression + (optimise ? "'" : "' (-O)");
                    const std::string problem = shape_problem(*program);
                    CHECK_MESSAGE(problem.empty(), where << ": " << problem);
                    if (!problem.empty()) continue;

                    auto code = to_kernel(*program);
                    Socket inet(::socket(AF_INET, SOCK_DGRAM, 0));
                    REQUIRE(inet.fd >= 0);
                    const bool ok = attach(inet.fd, code);
                    CHECK_MESSAGE(ok, where << ": SO_ATTACH_FILTER refused it, errno " << errno);
                    const auto invalid = validate(*program);
                    CHECK_MESSAGE(!invalid.has_value(), where << ": filter::validate says " << invalid.value_or(""));
                    if (!ok) continue;
                    ++loaded;
                    if (reads_metadata(*program)) continue;

                    std::string ours;
                    for (const auto& packet : packets) {
                        const auto length = static_cast<std::uint32_t>(packet.bytes.size());
                        ours += run(*program, packet.bytes, length) != 0 ? '1' : '0';
                    }
                    CHECK_MESSAGE(kernel_verdicts(code, packets) == ours, where << ": the kernel's verdicts differ");
                    ++compared;
                }
            }
        }
        std::printf("kernel: %zu programs, %zu loaded by SO_ATTACH_FILTER, %zu run by the kernel on the corpus "
                    "packets, largest %zu instructions\n", programs, loaded, compared, largest);
        CHECK(programs >= 200);
        CHECK(loaded == programs);
    }

    TEST_CASE("filter::validate refuses what the kernel refuses") {
        using op::ld, op::ret, op::jmp, op::alu;
        const Insn accept{static_cast<std::uint16_t>(ret | op::k), 0, 0, 1};
        const std::vector<std::pair<const char*, Program>> bad{
            {"backward ja", {{static_cast<std::uint16_t>(jmp | op::ja), 0, 0, 0xffffffffu}, accept}},
            {"jump past the end", {{static_cast<std::uint16_t>(jmp | op::jeq | op::k), 5, 0, 1}, accept}},
            {"no return at the end", {{static_cast<std::uint16_t>(ld | op::h | op::abs), 0, 0, 12}}},
            {"division by constant 0", {{static_cast<std::uint16_t>(alu | op::div | op::k), 0, 0, 0}, accept}},
            {"scratch slot 16", {{static_cast<std::uint16_t>(op::st), 0, 0, 16}, accept}},
            {"unknown opcode", {{0xffff, 0, 0, 0}, accept}},
            {"4097 instructions", Program(kernel_max_insns + 1, accept)},
        };
        for (const auto& [what, program] : bad) {
            auto code = to_kernel(program);
            Socket inet(::socket(AF_INET, SOCK_DGRAM, 0));
            REQUIRE(inet.fd >= 0);
            CHECK_MESSAGE(!attach(inet.fd, code), what << ": the kernel took it");
            CHECK_MESSAGE(validate(program).has_value(), what << ": filter::validate took it");
        }
        Socket inet(::socket(AF_INET, SOCK_DGRAM, 0));
        auto longest = to_kernel(Program(kernel_max_insns, accept));
        CHECK(attach(inet.fd, longest));
        CHECK_FALSE(validate(Program(kernel_max_insns, accept)).has_value());
    }
}
