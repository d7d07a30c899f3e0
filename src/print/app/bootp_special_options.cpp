// The options tcpdump decodes with dedicated code ('$' in its table): NetBIOS node type,
// option overload, client ID, client FQDN (RFC 4702), relay agent information (RFC 3046),
// classless static routes (RFC 3442), and user class (RFC 3004).
#include "src/print/app/bootp_option_table.hpp"
#include "src/print/app/bootp_vendor.hpp"
#include "src/print/base/hexdump.hpp"

namespace rawdump::print::bootp {
namespace {

constexpr std::string_view netbios_node_name(std::uint8_t v) {
    switch (v) {
    case 0x1: return "b-node";
    case 0x2: return "p-node";
    case 0x4: return "m-node";
    case 0x8: return "h-node";
    default: return {};
    }
}

constexpr std::string_view overload_name(std::uint8_t v) {
    switch (v) {
    case 1: return "file";
    case 2: return "sname";
    case 3: return "file+sname";
    default: return {};
    }
}

// ARP hardware types, for the client ID's type byte.
constexpr std::string_view hardware_type_name(std::uint8_t v) {
    switch (v) {
    case 0x1: return "ether";
    case 0x6: return "ieee802";
    case 0x7: return "arcnet";
    case 0xf: return "frelay";
    case 0x17: return "strip";
    case 0x18: return "ieee1394";
    default: return {};
    }
}

constexpr std::string_view agent_suboption_name(std::uint8_t v) {
    switch (v) {
    case 1: return "Circuit-ID";     // RFC 3046
    case 2: return "Remote-ID";      // RFC 3046
    case 6: return "Subscriber-ID";  // RFC 3993
    default: return "Unknown";
    }
}

void quoted(Context& ctx, ByteReader text) {
    ctx.put('"');
    print_escaped(ctx, text);
    ctx.put('"');
}

// A one-byte code looked up in a table; tcpdump's tok2str with no default prints "#n".
template <typename Lookup>
std::uint32_t print_one_byte_code(Context& ctx, ByteReader& value, std::uint32_t length, Lookup lookup) {
    if (length < 1) {
        ctx.put("[ERROR: length < 1 bytes]");
        return 0;
    }
    std::uint8_t code = value.u8();
    if (auto name = lookup(code); !name.empty())
        ctx.put(name);
    else
        ctx.print("#{}", code);
    return length - 1;
}

// RFC 4702: flags, two obsolete RCODEs, then the name.
std::uint32_t print_client_fqdn(Context& ctx, ByteReader& value, std::uint32_t length) {
    if (length < 3) {
        ctx.put("[ERROR: length < 3 bytes]");
        return 0;
    }
    std::uint8_t flags = value.u8();
    if (flags & 0xf0) ctx.print("[ERROR: MBZ nibble 0x{:x} != 0] ", (flags & 0xf0) >> 4);
    if (flags & 0x0f) {
        constexpr std::pair<std::uint8_t, char> flag_letters[] = {{0x01, 'S'}, {0x02, 'O'}, {0x04, 'E'}, {0x08, 'N'}};
        ctx.put('[');
        for (auto [bit, letter] : flag_letters)
            if (flags & bit) ctx.put(letter);
        ctx.put("] ");
    }
    std::uint8_t rcode1 = value.u8(), rcode2 = value.u8();
    if (rcode1 || rcode2) ctx.print("{}/{} ", rcode1, rcode2);
    quoted(ctx, value.narrowed(length - 3));
    return 0;
}

std::uint32_t print_client_id(Context& ctx, ByteReader& value, std::uint32_t length) {
    if (length < 1) {
        ctx.put("[ERROR: length < 1 bytes]");
        return 0;
    }
    std::uint8_t type = value.u8();
    if (type == 0) {  // a text identifier
        quoted(ctx, value.narrowed(length - 1));
        return 0;
    }
    if (auto name = hardware_type_name(type); !name.empty())
        ctx.print("{} ", name);
    else
        ctx.print("hardware-type {}, ", type);
    for (std::uint32_t i = 1; i < length; ++i) {
        if (i > 1) ctx.put(':');
        ctx.print("{:02x}", value.u8());
    }
    return 0;
}

// RFC 3046 relay agent information: sub-options, text for the known ones, hex otherwise.
std::uint32_t print_agent_information(Context& ctx, ByteReader& value, std::uint32_t length) {
    while (length >= 2) {
        std::uint8_t sub = value.u8(), sub_length = value.u8();
        length -= 2;
        ctx.print("\n\t      {} SubOption {}, length {}: ", agent_suboption_name(sub), sub, sub_length);
        if (sub_length > length) {
            ctx.put("length goes past end of option");
            return 0;
        }
        ByteReader body = value.narrowed(sub_length);
        value.skip(sub_length);
        if (sub == 1 || sub == 2 || sub == 6)
            print_escaped(ctx, body);
        else
            hex_dump(ctx.out, body.all(), "\n\t\t");
        length -= sub_length;
    }
    return length;
}

// RFC 3442: (destination/width:router) with only the significant destination octets sent.
std::uint32_t print_classless_routes(Context& ctx, ByteReader& value, std::uint32_t length) {
    if (length < 5) {
        ctx.put("[ERROR: length < 5 bytes]");
        return 0;
    }
    for (bool first = true; length > 0; first = false) {
        if (!first) ctx.put(',');
        unsigned width = value.u8();
        --length;
        if (width > 32) {
            ctx.print("[ERROR: Mask width ({}) > 32]", width);
            return 0;
        }
        unsigned significant = (width + 7) / 8;
        if (length < significant + 4) {
            ctx.print("[ERROR: Remaining length ({}) < {} bytes]", length, significant + 4);
            return 0;
        }
        ctx.put('(');
        if (width == 0) {
            ctx.put("default");
        } else {
            for (unsigned i = 0; i < significant; ++i) {
                if (i > 0) ctx.put('.');
                ctx.print("{}", value.u8());
            }
            for (unsigned i = significant; i < 4; ++i) ctx.put(".0");
            ctx.print("/{}", width);
        }
        ctx.put(':');
        ctx.host(value.ipv4());
        ctx.put(')');
        length -= significant + 4;
    }
    return 0;
}

// RFC 3004: length-prefixed user class instances.
std::uint32_t print_user_class(Context& ctx, ByteReader& value, std::uint32_t length) {
    if (length < 2) {
        ctx.put("[ERROR: length < 2 bytes]");
        return 0;
    }
    for (unsigned instance = 1; length > 0; ++instance) {
        std::uint8_t sub_length = value.u8();
        --length;
        ctx.print("\n\t      instance#{}: ", instance);
        if (sub_length == 0) {
            ctx.put("[ERROR: suboption length must be non-zero]");
            return 0;
        }
        if (length < sub_length) {
            ctx.put("[ERROR: invalid option]");
            return 0;
        }
        quoted(ctx, value.narrowed(sub_length));
        value.skip(sub_length);
        ctx.print(", length {}", sub_length);
        length -= sub_length;
    }
    return 0;
}

}  // namespace

std::uint32_t print_special_option(Context& ctx, std::uint8_t code, ByteReader value, std::uint32_t length) {
    switch (code) {
    case tag::netbios_node:
        return print_one_byte_code(ctx, value, length, netbios_node_name);
    case tag::option_overload:
        return print_one_byte_code(ctx, value, length, overload_name);
    case tag::client_fqdn:
        return print_client_fqdn(ctx, value, length);
    case tag::client_id:
        return print_client_id(ctx, value, length);
    case tag::agent_information:
        return print_agent_information(ctx, value, length);
    case tag::classless_static_route:
    case tag::classless_static_route_microsoft:
        return print_classless_routes(ctx, value, length);
    case tag::user_class:
        return print_user_class(ctx, value, length);
    default:
        ctx.print("[unknown special tag {}, size {}]", code, length);
        return 0;
    }
}

}  // namespace rawdump::print::bootp
