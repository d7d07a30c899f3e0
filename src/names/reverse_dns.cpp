#include "src/names/reverse_dns.hpp"

#include <arpa/inet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/random.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

namespace rawdump::names {
namespace {

constexpr std::uint16_t type_ptr = 12;
constexpr std::uint16_t class_in = 1;
constexpr std::size_t header_size = 12;
constexpr std::size_t max_name = 255;  // RFC 1035, wire form

std::uint16_t be16(std::span<const std::uint8_t> m, std::size_t at) {
    return static_cast<std::uint16_t>(m[at] << 8 | m[at + 1]);
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool same_name(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}

// What glibc's res_hnok lets through (letters, digits, '-' but not first in a label, '_'), so
// tcpdump's libc would refuse the rest too: escapes, control characters, dots inside a label
// are never printed.
bool host_name_char(std::uint8_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
}

struct Name {
    std::string text;  // labels joined by '.', no trailing dot; "" for the root
    bool host_name = true;
    std::size_t end = 0;  // just past the name where it starts (before any pointer is followed)
};

// A possibly compressed name at `at`; nullopt when it runs out of the message, loops, or is too
// long.
std::optional<Name> read_name(std::span<const std::uint8_t> m, std::size_t at) {
    Name name;
    bool jumped = false;
    int hops = 0;
    std::size_t wire = 1;
    for (;;) {
        if (at >= m.size()) return std::nullopt;
        std::uint8_t len = m[at];
        if ((len & 0xc0) == 0xc0) {
            if (at + 1 >= m.size() || ++hops > 64) return std::nullopt;
            if (!jumped) name.end = at + 2;
            jumped = true;
            at = static_cast<std::size_t>(len & 0x3f) << 8 | m[at + 1];
            continue;
        }
        if (len & 0xc0) return std::nullopt;  // extended label types
        if (len == 0) {
            if (!jumped) name.end = at + 1;
            return name;
        }
        if (at + 1 + len > m.size()) return std::nullopt;
        wire += 1u + len;
        if (wire > max_name) return std::nullopt;
        if (!name.text.empty()) name.text.push_back('.');
        if (m[at + 1] == '-') name.host_name = false;  // glibc's res_hnok
        for (std::size_t i = at + 1; i < at + 1 + len; ++i) {
            name.host_name = name.host_name && host_name_char(m[i]);
            name.text.push_back(static_cast<char>(m[i]));
        }
        at += 1u + len;
    }
}

std::uint16_t random_id() {
    std::uint16_t id = 0;
    if (getrandom(&id, sizeof id, GRND_NONBLOCK) == sizeof id) return id;
    auto now = std::chrono::steady_clock::now().time_since_epoch().count();
    return static_cast<std::uint16_t>(now ^ (now >> 16) ^ ::getpid());
}

// The first `nameserver` line with a numeric address (glibc's syntax: IPv4, or IPv6 with an
// optional %scope).
bool first_nameserver(const std::string& path, std::uint16_t port, sockaddr_storage& out,
                      socklen_t& length) {
    std::ifstream file(path);
    for (std::string line; std::getline(file, line);) {
        auto comment = line.find_first_of("#;");
        if (comment != std::string::npos) line.resize(comment);
        std::istringstream fields(line);
        std::string keyword, address;
        if (!(fields >> keyword >> address) || keyword != "nameserver") continue;
        std::memset(&out, 0, sizeof out);
        auto* v4 = reinterpret_cast<sockaddr_in*>(&out);
        if (inet_pton(AF_INET, address.c_str(), &v4->sin_addr) == 1) {
            v4->sin_family = AF_INET;
            v4->sin_port = htons(port);
            length = sizeof(sockaddr_in);
            return true;
        }
        auto* v6 = reinterpret_cast<sockaddr_in6*>(&out);
        std::string scope;
        if (auto percent = address.find('%'); percent != std::string::npos) {
            scope = address.substr(percent + 1);
            address.resize(percent);
        }
        if (inet_pton(AF_INET6, address.c_str(), &v6->sin6_addr) == 1) {
            v6->sin6_family = AF_INET6;
            v6->sin6_port = htons(port);
            if (!scope.empty()) {
                unsigned index = if_nametoindex(scope.c_str());
                if (index == 0) std::from_chars(scope.data(), scope.data() + scope.size(), index);
                v6->sin6_scope_id = index;
            }
            length = sizeof(sockaddr_in6);
            return true;
        }
    }
    return false;
}

}  // namespace

std::string ptr_query_name(const Ipv4Address& a) {
    return fmt::format("{}.{}.{}.{}.in-addr.arpa", a.bytes[3], a.bytes[2], a.bytes[1], a.bytes[0]);
}

std::string ptr_query_name(const Ipv6Address& a) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string name;
    name.reserve(72);
    for (std::size_t i = a.bytes.size(); i-- > 0;) {
        name += hex[a.bytes[i] & 0xf];
        name += '.';
        name += hex[a.bytes[i] >> 4];
        name += '.';
    }
    name += "ip6.arpa";
    return name;
}

std::vector<std::uint8_t> build_ptr_query(std::uint16_t id, std::string_view qname) {
    std::vector<std::uint8_t> q{static_cast<std::uint8_t>(id >> 8), static_cast<std::uint8_t>(id),
                                0x01, 0x00,  // standard query, recursion desired
                                0, 1, 0, 0, 0, 0, 0, 0};
    std::size_t wire = 1;
    while (!qname.empty()) {
        auto dot = qname.find('.');
        auto label = qname.substr(0, dot);
        if (label.empty() || label.size() > 63) return {};
        wire += 1 + label.size();
        if (wire > max_name) return {};
        q.push_back(static_cast<std::uint8_t>(label.size()));
        q.insert(q.end(), label.begin(), label.end());
        qname = dot == std::string_view::npos ? std::string_view{} : qname.substr(dot + 1);
    }
    q.insert(q.end(), {0, 0, type_ptr, 0, class_in});
    return q;
}

PtrAnswer parse_ptr_response(std::span<const std::uint8_t> m, std::uint16_t id,
                             std::string_view qname) {
    PtrAnswer answer;
    if (m.size() < header_size || be16(m, 0) != id) return answer;
    const std::uint8_t flags = m[2], rcode = m[3] & 0x0f;
    if (!(flags & 0x80) || ((flags >> 3) & 0x0f) != 0) return answer;  // a response to a query
    if (be16(m, 4) != 1) return answer;
    auto question = read_name(m, header_size);
    if (!question || !question->host_name || !same_name(question->text, qname)) return answer;
    std::size_t at = question->end;
    if (at + 4 > m.size() || be16(m, at) != type_ptr || be16(m, at + 2) != class_in) return answer;
    at += 4;

    answer.result = PtrResult::NoName;
    if ((flags & 0x02) || rcode != 0) return answer;  // truncated, NXDOMAIN, SERVFAIL...
    for (unsigned n = be16(m, 6); n > 0; --n) {
        auto owner = read_name(m, at);
        if (!owner || owner->end + 10 > m.size()) return answer;
        at = owner->end;
        const std::uint16_t type = be16(m, at), klass = be16(m, at + 2);
        const std::size_t rdata = at + 10, rdlength = be16(m, at + 8);
        if (rdata + rdlength > m.size()) return answer;
        at = rdata + rdlength;
        if (type != type_ptr || klass != class_in) continue;  // e.g. a CNAME (RFC 2317)
        auto target = read_name(m.first(rdata + rdlength), rdata);
        if (target && target->host_name && !target->text.empty()) {
            answer.result = PtrResult::Name;
            answer.name = std::move(target->text);
            return answer;
        }
    }
    return answer;
}

ReverseDns::ReverseDns(ReverseDnsOptions options)
    : options_(std::move(options)) {
    enabled_ = first_nameserver(options_.resolv_conf, options_.port, server_, server_length_);
}

ReverseDns::~ReverseDns() {
    if (socket_ >= 0) ::close(socket_);
}

std::optional<std::string> ReverseDns::lookup(const Ipv4Address& a) { return query(ptr_query_name(a)); }
std::optional<std::string> ReverseDns::lookup(const Ipv6Address& a) { return query(ptr_query_name(a)); }

std::optional<std::string> ReverseDns::query(const std::string& qname) {
    if (!enabled_ || silent_ >= options_.max_silent_queries) return std::nullopt;
    if (socket_ < 0) {
        socket_ = ::socket(server_.ss_family, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        if (socket_ < 0 || ::connect(socket_, reinterpret_cast<const sockaddr*>(&server_), server_length_) != 0) {
            enabled_ = false;  // no route, no socket: nothing will ever be answered
            return std::nullopt;
        }
    }
    const std::uint16_t id = random_id();
    auto message = build_ptr_query(id, qname);
    if (message.empty()) return std::nullopt;
    // Answers to earlier queries that came after their deadline are stale: drop them.
    std::array<std::uint8_t, 4096> buffer;
    while (::recv(socket_, buffer.data(), buffer.size(), 0) >= 0) {
    }
    if (::send(socket_, message.data(), message.size(), 0) != static_cast<ssize_t>(message.size())) {
        ++silent_;
        return std::nullopt;
    }
    using clock = std::chrono::steady_clock;
    const auto deadline = clock::now() + options_.timeout;
    for (;;) {
        auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - clock::now()).count();
        if (left <= 0) break;
        pollfd p{socket_, POLLIN, 0};
        int ready = ::poll(&p, 1, static_cast<int>(left));
        if (ready < 0 && errno == EINTR) continue;
        if (ready <= 0) break;
        ssize_t got = ::recv(socket_, buffer.data(), buffer.size(), 0);
        if (got < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) continue;
            // ECONNREFUSED: no server on that port (ICMP port unreachable); ask no more.
            silent_ = options_.max_silent_queries;
            return std::nullopt;
        }
        auto answer = parse_ptr_response({buffer.data(), static_cast<std::size_t>(got)}, id, qname);
        if (answer.result == PtrResult::NotOurs) continue;
        silent_ = 0;
        if (answer.result == PtrResult::Name) return std::move(answer.name);
        return std::nullopt;
    }
    ++silent_;
    return std::nullopt;
}

}  // namespace rawdump::names
