// libFuzzer target for the filter compiler (scripts/fuzz builds and runs it with clang's
// -fsanitize=fuzzer,address,undefined). The input is the expression text; it is compiled for
// a few link types, optimised and not. A refusal must be a diagnostic whose span lies inside
// the text and renders; a program must pass validate() and run in the filter VM on a few
// fixed packets (every length of each, so truncation is exercised) without the VM failing.
// Deep or huge inputs must give the one-line error (depth_limit.hpp), never a stack
// overflow. Name resolvers are fixed tables: no file or name server is asked.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <string_view>
#include <vector>

#include "filter/compile.hpp"
#include "filter/dump.hpp"
#include "filter/validate.hpp"
#include "filter/vm.hpp"

namespace {

using namespace rawdump;
using namespace rawdump::filter;

constexpr LinkType link_types[] = {LinkType::En10mb, LinkType::LinuxSll2, LinkType::Raw,
                                   LinkType::Null};

std::vector<std::byte> bytes(std::initializer_list<int> values) {
    std::vector<std::byte> out;
    for (int v : values) out.push_back(static_cast<std::byte>(v));
    return out;
}

// Ethernet + IPv4 + TCP (ports 80 -> 1024, SYN); Ethernet + IPv6 + UDP 53; an ARP request;
// a VLAN-tagged IPv4 frame; an 802.2 frame. Short and odd on purpose: the VM's bounds matter.
const std::vector<std::vector<std::byte>>& packets() {
    static const std::vector<std::vector<std::byte>> all = {
        bytes({0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0x08, 0x00, 0x45, 0, 0, 40, 0, 1, 0, 0, 64,
               6, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2, 0, 80, 4, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0x50, 0x02,
               0x20, 0, 0, 0, 0, 0}),
        bytes({0x33, 0x33, 0, 0, 0, 1, 6, 7, 8, 9, 10, 11, 0x86, 0xdd, 0x60, 0, 0, 0, 0, 8, 17,
               64, 0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0,
               0, 0, 0, 0, 0, 0, 0, 1, 0, 53, 0, 53, 0, 8, 0, 0}),
        bytes({0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 6, 7, 8, 9, 10, 11, 0x08, 0x06, 0, 1, 8, 0, 6,
               4, 0, 1, 6, 7, 8, 9, 10, 11, 10, 0, 0, 1, 0, 0, 0, 0, 0, 0, 10, 0, 0, 2}),
        bytes({0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0x81, 0x00, 0, 10, 0x08, 0x00, 0x45, 0, 0,
               20, 0, 0, 0x20, 0, 64, 17, 0, 0, 10, 0, 0, 1, 224, 0, 0, 1}),
        bytes({1, 0x80, 0xc2, 0, 0, 0, 6, 7, 8, 9, 10, 11, 0, 38, 0x42, 0x42, 3, 0, 0, 0, 0}),
    };
    return all;
}

void check_program(const Program& program) {
    // compile() validates every program it returns; a second opinion costs nothing here.
    if (validate(program, ValidateOptions{0})) std::abort();
    (void)dump(program, DumpStyle::Assembly);
    for (const auto& packet : packets())
        for (std::size_t length = 0; length <= packet.size(); ++length)
            (void)run(program, std::span(packet).first(length),
                      static_cast<std::uint32_t>(packet.size()));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    static const HostResolver hosts = host_resolver_for(parse_hosts(
        "127.0.0.1 localhost\n::1 localhost ip6-localhost\n10.0.0.1 router gw\n"));
    static const NetworkResolver networks = network_resolver_for(parse_networks("loopback 127\n"));
    static const PortResolver services =
        resolver_for(parse_services("http 80/tcp www\ndomain 53/tcp\ndomain 53/udp\nssh 22/tcp\n"));
    for (const LinkType link : link_types) {
        for (const bool optimize : {true, false}) {
            CompileOptions options;
            options.link = link;
            options.optimize = optimize;
            options.resolve_host = hosts;
            options.resolve_network = networks;
            options.resolve_port = services;
            auto program = compile(text, options);
            if (program) {
                check_program(*program);
            } else {
                const Diagnostic& d = program.error();
                if (d.offset > text.size() || d.length > text.size() - d.offset || d.message.empty())
                    std::abort();
                (void)render(d, text);
            }
        }
    }
    return 0;
}
