// Reverse DNS without libc's NSS (the static binary cannot use it): one PTR query over UDP to
// the first nameserver of resolv.conf, one attempt, a short deadline. Used by Names for the
// addresses /etc/hosts does not name, never with -n; Names caches every answer, so each address
// is asked at most once per run.
#pragma once

#include <sys/socket.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "src/print/base/address.hpp"

namespace rawdump::names {

using print::Ipv4Address;
using print::Ipv6Address;

struct ReverseDnsOptions {
    std::string resolv_conf = "/etc/resolv.conf";
    std::chrono::milliseconds timeout{1000};  // per address, in total
    std::uint16_t port = 53;                  // of the nameserver (tests use their own)
    // After this many queries in a row without any reply, the server is taken for dead and
    // nothing more is asked in this run (so an unreachable server costs a few seconds, not
    // one timeout per address).
    int max_silent_queries = 3;
};

class ReverseDns {
public:
    // Reads the first usable `nameserver` line; without one (no file, an empty container),
    // enabled() is false and every lookup fails at once.
    explicit ReverseDns(ReverseDnsOptions options = {});
    ~ReverseDns();
    ReverseDns(const ReverseDns&) = delete;
    ReverseDns& operator=(const ReverseDns&) = delete;

    bool enabled() const noexcept { return enabled_; }
    // The name the PTR record gives, without the trailing dot; nullopt when there is none, the
    // server fails or is silent past the deadline.
    std::optional<std::string> lookup(const Ipv4Address& a);
    std::optional<std::string> lookup(const Ipv6Address& a);

private:
    std::optional<std::string> query(const std::string& qname);

    ReverseDnsOptions options_;
    sockaddr_storage server_{};
    socklen_t server_length_ = 0;
    bool enabled_ = false;
    int socket_ = -1;
    int silent_ = 0;
};

// The pieces, exposed for tests.
// "1.2.0.192.in-addr.arpa", and the 32 nibbles of ip6.arpa (RFC 3596).
std::string ptr_query_name(const Ipv4Address& a);
std::string ptr_query_name(const Ipv6Address& a);
// A standard query with RD set for (qname, PTR, IN); empty when qname is not a valid name.
std::vector<std::uint8_t> build_ptr_query(std::uint16_t id, std::string_view qname);
enum class PtrResult { Name, NoName, NotOurs };
struct PtrAnswer {
    PtrResult result = PtrResult::NotOurs;
    std::string name;  // when result == Name
};
// NotOurs: not a response to this query (wrong id, question, malformed), keep waiting.
// NoName: the server answered without a usable PTR (NXDOMAIN, SERVFAIL, no record, truncated,
// a name that is not a host name). Never reads outside `message`.
PtrAnswer parse_ptr_response(std::span<const std::uint8_t> message, std::uint16_t id,
                             std::string_view qname);

}  // namespace rawdump::names
