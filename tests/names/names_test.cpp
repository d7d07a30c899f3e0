// Names without -n (src/names, handed to the printer as its NameLookup): the name files, the
// built-in port names when /etc/services is missing, and reverse DNS
// against a fake nameserver on 127.0.0.1 (a thread with a UDP socket): answers are printed and
// cached (found or not), a silent server times out and the number is printed, and the
// message parser never reads outside what it was given.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "src/names/names.hpp"
#include "src/names/reverse_dns.hpp"
#include "src/print/base/context.hpp"
#include "src/print/base/tcp_sequence.hpp"

using namespace rawdump;
using namespace rawdump::names;
using namespace rawdump::print;
using namespace std::chrono_literals;

namespace {

constexpr const char* missing = "/nonexistent/rawdump-test/file";

// A nameserver on 127.0.0.1 (ephemeral port): answers PTR queries for the names in `answers`
// (owner compressed to the question), NXDOMAIN for any other name; or, when `silent`, reads
// and never answers.
using Answers = std::vector<std::pair<std::string, std::string>>;  // question -> PTR target

class FakeNameserver {
public:
    explicit FakeNameserver(Answers answers, bool silent = false)
        : answers_(std::move(answers)), silent_(silent) {
        fd_ = ::socket(AF_INET, SOCK_DGRAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
        socklen_t len = sizeof a;
        REQUIRE(::getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len) == 0);
        port_ = ntohs(a.sin_port);
        thread_ = std::thread([this] { serve(); });
    }
    ~FakeNameserver() {
        stop_ = true;
        thread_.join();
        ::close(fd_);
    }
    std::uint16_t port() const { return port_; }
    int queries() const { return queries_; }
    std::string last_question() const {
        std::lock_guard lock(mutex_);
        return last_;
    }

private:
    void serve() {
        while (!stop_) {
            pollfd p{fd_, POLLIN, 0};
            if (::poll(&p, 1, 20) <= 0) continue;
            std::uint8_t buf[512];
            sockaddr_storage from{};
            socklen_t from_len = sizeof from;
            ssize_t n = ::recvfrom(fd_, buf, sizeof buf, 0, reinterpret_cast<sockaddr*>(&from), &from_len);
            if (n < 12) continue;
            ++queries_;
            if (silent_) continue;
            // The question's name as text, and where the question ends.
            std::string qname;
            std::size_t at = 12;
            while (at < std::size_t(n) && buf[at] != 0) {
                if (!qname.empty()) qname += '.';
                qname.append(reinterpret_cast<const char*>(buf + at + 1), buf[at]);
                at += 1 + buf[at];
            }
            {
                std::lock_guard lock(mutex_);
                last_ = qname;
            }
            std::size_t question_end = at + 5;
            std::vector<std::uint8_t> reply(buf, buf + question_end);
            reply[2] = 0x81;  // response, RD
            reply[3] = 0x80;  // RA, NOERROR
            const std::string* target = nullptr;
            for (const auto& [q, name] : answers_)
                if (q == qname) target = &name;
            if (!target) {
                reply[3] |= 3;  // NXDOMAIN
            } else {
                reply[7] = 1;  // ANCOUNT
                std::vector<std::uint8_t> rdata;
                std::size_t start = 0;
                while (start < target->size()) {
                    auto dot = target->find('.', start);
                    if (dot == std::string::npos) dot = target->size();
                    rdata.push_back(static_cast<std::uint8_t>(dot - start));
                    rdata.insert(rdata.end(), target->begin() + start, target->begin() + dot);
                    start = dot + 1;
                }
                rdata.push_back(0);
                std::uint8_t rr[] = {0xc0, 0x0c, 0, 12, 0, 1, 0, 0, 0x0e, 0x10, 0,
                                     static_cast<std::uint8_t>(rdata.size())};
                reply.insert(reply.end(), std::begin(rr), std::end(rr));
                reply.insert(reply.end(), rdata.begin(), rdata.end());
            }
            ::sendto(fd_, reply.data(), reply.size(), 0, reinterpret_cast<sockaddr*>(&from), from_len);
        }
    }

    Answers answers_;
    bool silent_;
    int fd_ = -1;
    std::uint16_t port_ = 0;
    std::atomic<bool> stop_{false};
    std::atomic<int> queries_{0};
    mutable std::mutex mutex_;
    std::string last_;
    std::thread thread_;
};

struct TempFile {
    explicit TempFile(const std::string& text) {
        char name[] = "/tmp/rawdump-resolv-XXXXXX";
        int fd = ::mkstemp(name);
        REQUIRE(fd >= 0);
        REQUIRE(::write(fd, text.data(), text.size()) == ssize_t(text.size()));
        ::close(fd);
        path = name;
    }
    ~TempFile() { std::remove(path.c_str()); }
    std::string path;
};

Names resolving(const TempFile& resolv_conf, std::uint16_t port, std::chrono::milliseconds timeout) {
    Names names = Names::from_files(missing, missing);
    ReverseDnsOptions options;
    options.resolv_conf = resolv_conf.path;
    options.port = port;
    options.timeout = timeout;
    names.enable_reverse_dns(options);
    return names;
}

// What the printer writes for an address, without -n.
template <typename Address>
std::string printed(const Names& names, const Address& a) {
    OutputOptions options;
    options.numeric = false;
    TcpSequenceTable sequences;
    fmt::memory_buffer out;
    Context ctx{options, names, sequences, out};
    ctx.host(a);
    return fmt::to_string(out);
}

Ipv6Address v6(std::initializer_list<std::uint8_t> bytes) {
    Ipv6Address a;
    std::size_t i = 0;
    for (auto b : bytes) a.bytes[i++] = b;
    return a;
}

}  // namespace

TEST_CASE("name files: first entry wins, tcp and udp apart, comments ignored") {
    TempFile hosts("# comment\n127.0.0.1 localhost\n127.0.0.1 other\n2001:db8::1 six # x\n");
    TempFile services("http 80/tcp www # web\nfirst 7/udp\nsecond 7/udp\nddp 8/ddp\n");
    Names names = Names::from_files(hosts.path.c_str(), services.path.c_str());
    CHECK(names.host(Ipv4Address{{127, 0, 0, 1}}) == "localhost");
    CHECK(names.host(Ipv4Address{{127, 0, 0, 2}}).empty());
    CHECK(names.host(v6({0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x1})) == "six");
    CHECK(names.tcp_port(80) == "http");
    CHECK(names.udp_port(80).empty());
    CHECK(names.udp_port(7) == "first");
    CHECK(names.udp_port(8).empty());
}

TEST_CASE("without /etc/services, the built-in table names the ports") {
    Names names = Names::from_files(missing, missing);
    CHECK(names.tcp_port(80) == "http");
    CHECK(names.udp_port(53) == "domain");
    CHECK(names.tcp_port(22) == "ssh");
    CHECK(names.udp_port(123) == "ntp");
    CHECK(names.udp_port(80).empty());
    CHECK(names.tcp_port(40000).empty());
    CHECK(names.host(Ipv4Address{{127, 0, 0, 1}}).empty());
}

TEST_CASE("PTR query names") {
    CHECK(ptr_query_name(Ipv4Address{{192, 0, 2, 1}}) == "1.2.0.192.in-addr.arpa");
    CHECK(ptr_query_name(v6({0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x1})) ==
          "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa");
    CHECK(build_ptr_query(1, "a..b").empty());
    CHECK(build_ptr_query(1, std::string(64, 'a')).empty());
}

TEST_CASE("reverse DNS: the name from the fake nameserver, each address asked once") {
    FakeNameserver server(Answers{{"1.2.0.192.in-addr.arpa", "host.example.com"},
                           {"1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa",
                            "six.example.net"}});
    TempFile conf("# test\nsearch example.com\nnameserver 127.0.0.1 ; first\nnameserver 192.0.2.53\n");
    Names names = resolving(conf, server.port(), 2000ms);
    const Ipv4Address known{{192, 0, 2, 1}}, unknown{{192, 0, 2, 2}};
    CHECK(printed(names, known) == "host.example.com");
    CHECK(server.last_question() == "1.2.0.192.in-addr.arpa");
    CHECK(printed(names, known) == "host.example.com");
    CHECK(server.queries() == 1);
    CHECK(printed(names, unknown) == "192.0.2.2");  // NXDOMAIN
    CHECK(printed(names, unknown) == "192.0.2.2");
    CHECK(server.queries() == 2);
    auto six = v6({0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x1});
    CHECK(printed(names, six) == "six.example.net");
    CHECK(printed(names, six) == "six.example.net");
    CHECK(server.queries() == 3);
    // -n never asks.
    OutputOptions numeric;
    numeric.numeric = true;
    TcpSequenceTable sequences;
    fmt::memory_buffer out;
    Context ctx{numeric, names, sequences, out};
    ctx.host(Ipv4Address{{192, 0, 2, 3}});
    CHECK(fmt::to_string(out) == "192.0.2.3");
    CHECK(server.queries() == 3);
}

TEST_CASE("reverse DNS: /etc/hosts first, then DNS") {
    FakeNameserver server(Answers{{"1.0.0.127.in-addr.arpa", "from-dns"}});
    TempFile hosts("127.0.0.1 localhost\n");
    TempFile conf("nameserver 127.0.0.1\n");
    Names names = Names::from_files(hosts.path.c_str(), missing);
    ReverseDnsOptions options;
    options.resolv_conf = conf.path;
    options.port = server.port();
    names.enable_reverse_dns(options);
    CHECK(printed(names, Ipv4Address{{127, 0, 0, 1}}) == "localhost");
    CHECK(server.queries() == 0);
}

TEST_CASE("reverse DNS: a silent nameserver times out, the number is printed") {
    FakeNameserver server(Answers{}, /*silent=*/true);
    TempFile conf("nameserver 127.0.0.1\n");
    Names names = resolving(conf, server.port(), 200ms);
    auto start = std::chrono::steady_clock::now();
    CHECK(printed(names, Ipv4Address{{198, 51, 100, 7}}) == "198.51.100.7");
    auto first = std::chrono::steady_clock::now() - start;
    CHECK(first >= 150ms);
    CHECK(first < 1500ms);
    CHECK(printed(names, Ipv4Address{{198, 51, 100, 7}}) == "198.51.100.7");  // cached miss
    CHECK(server.queries() == 1);
    // Two more silent queries and the server is given up on: later addresses cost nothing.
    CHECK(printed(names, Ipv4Address{{198, 51, 100, 8}}) == "198.51.100.8");
    CHECK(printed(names, Ipv4Address{{198, 51, 100, 9}}) == "198.51.100.9");
    start = std::chrono::steady_clock::now();
    CHECK(printed(names, Ipv4Address{{198, 51, 100, 10}}) == "198.51.100.10");
    CHECK(std::chrono::steady_clock::now() - start < 100ms);
    CHECK(server.queries() == 3);
}

TEST_CASE("reverse DNS: no nameserver, or nobody listening, fails at once") {
    TempFile empty("# no nameserver\nsearch example.com\n");
    Names none = resolving(empty, 53, 2000ms);
    CHECK(printed(none, Ipv4Address{{192, 0, 2, 1}}) == "192.0.2.1");
    // A closed port on 127.0.0.1: ICMP port unreachable ends the wait well before the timeout.
    std::uint16_t closed_port;
    {
        FakeNameserver gone(Answers{}, /*silent=*/true);
        closed_port = gone.port();
    }
    TempFile conf("nameserver 127.0.0.1\n");
    Names names = resolving(conf, closed_port, 2000ms);
    auto start = std::chrono::steady_clock::now();
    CHECK(printed(names, Ipv4Address{{192, 0, 2, 1}}) == "192.0.2.1");
    CHECK(printed(names, Ipv4Address{{192, 0, 2, 2}}) == "192.0.2.2");
    CHECK(std::chrono::steady_clock::now() - start < 2500ms);
}

TEST_CASE("PTR responses: only ours, bounds-checked, host names only") {
    const std::string qname = "1.2.0.192.in-addr.arpa";
    auto query = build_ptr_query(0x1234, qname);
    REQUIRE(!query.empty());
    auto response = query;
    response[2] = 0x81;
    response[3] = 0x80;
    response[7] = 1;
    // c00c PTR IN TTL 60, rdata "h.ex." (6 bytes)
    const std::vector<std::uint8_t> rr = {0xc0, 0x0c, 0, 12, 0, 1, 0, 0, 0, 60, 0, 6, 1, 'h', 2, 'e', 'x', 0};
    response.insert(response.end(), rr.begin(), rr.end());
    auto ok = parse_ptr_response(response, 0x1234, qname);
    CHECK(ok.result == PtrResult::Name);
    CHECK(ok.name == "h.ex");
    CHECK(parse_ptr_response(response, 0x1235, qname).result == PtrResult::NotOurs);
    CHECK(parse_ptr_response(response, 0x1234, "2.2.0.192.in-addr.arpa").result == PtrResult::NotOurs);
    CHECK(parse_ptr_response(query, 0x1234, qname).result == PtrResult::NotOurs);  // not a response
    // The question in upper case is still ours (servers may echo 0x20-randomised case).
    auto upper = response;
    for (std::size_t i = 12; i < 12 + 24; ++i)
        if (upper[i] >= 'a' && upper[i] <= 'z') upper[i] = static_cast<std::uint8_t>(upper[i] - 'a' + 'A');
    CHECK(parse_ptr_response(upper, 0x1234, qname).result == PtrResult::Name);
    // Every cut: never a name from a message cut inside the answer, never a read past the end.
    for (std::size_t n = 0; n < response.size(); ++n) {
        std::vector<std::uint8_t> cut(response.begin(), response.begin() + n);
        CHECK(parse_ptr_response(cut, 0x1234, qname).result != PtrResult::Name);
    }
    // A pointer loop in the answer's name, and a name that is not a host name.
    auto loop = response;
    loop[loop.size() - 6] = 0xc0;  // the name points at itself
    loop[loop.size() - 5] = static_cast<std::uint8_t>(loop.size() - 6);
    CHECK(parse_ptr_response(loop, 0x1234, qname).result == PtrResult::NoName);
    auto bad = response;
    bad[bad.size() - 5] = '\x1b';
    CHECK(parse_ptr_response(bad, 0x1234, qname).result == PtrResult::NoName);
    auto nx = response;
    nx[3] = 0x83;
    CHECK(parse_ptr_response(nx, 0x1234, qname).result == PtrResult::NoName);
}

TEST_CASE("-N cuts names at the first dot; -f names only the local network's IPv4 addresses") {
    Names names;
    names.add_host(Ipv4Address{{10, 1, 1, 1}}, "client.example.org");
    names.add_host(Ipv4Address{{192, 0, 2, 7}}, "far.example.net");
    Ipv6Address six{};
    six.bytes[15] = 1;
    names.add_host(six, "six.example.org");
    CHECK(names.host(Ipv4Address{{10, 1, 1, 1}}) == "client.example.org");

    names.strip_domains();
    CHECK(names.host(Ipv4Address{{10, 1, 1, 1}}) == "client");
    CHECK(names.host(six) == "six");

    names.name_only_local(0x0a010100, 0xffffff00);  // 10.1.1.0/24
    CHECK(names.host(Ipv4Address{{10, 1, 1, 1}}) == "client");
    CHECK(names.host(Ipv4Address{{192, 0, 2, 7}}).empty());  // foreign: printed as a number
    CHECK(names.host(six) == "six");                         // -f concerns IPv4 only
}
