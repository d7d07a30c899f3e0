// Cisco Discovery Protocol (print-cdp.c, tcpdump 4.99.3): a 4-byte header (version, TTL,
// checksum), then type-length-value records whose length includes their 4-byte header.
// Without -v only the Device-ID is decoded; tcpdump dumps every other value in hex.
#include <array>
#include <utility>

#include "src/print/link/cdp.hpp"
#include "src/print/base/hexdump.hpp"
#include "src/print/base/outcome.hpp"

namespace rawdump::print {
namespace {

enum class CdpTlv : std::uint16_t {
    DeviceId = 0x01, Address = 0x02, PortId = 0x03, Capability = 0x04, Version = 0x05, Platform = 0x06,
    Prefixes = 0x07, ProtocolHello = 0x08, VtpDomain = 0x09, NativeVlan = 0x0a, Duplex = 0x0b,
    VoipVlanAssignment = 0x0e, Power = 0x10, Mtu = 0x11, TrustBitmap = 0x12, UntrustedCos = 0x13,
    SystemName = 0x14, ManagementAddresses = 0x16, PhysicalLocation = 0x17,
};

constexpr std::array<std::pair<std::uint16_t, std::string_view>, 21> tlv_names{{
    {0x01, "Device-ID"}, {0x02, "Address"}, {0x03, "Port-ID"}, {0x04, "Capability"}, {0x05, "Version String"},
    {0x06, "Platform"}, {0x07, "Prefixes"}, {0x08, "Protocol-Hello option"}, {0x09, "VTP Management Domain"},
    {0x0a, "Native VLAN ID"}, {0x0b, "Duplex"}, {0x0e, "ATA-186 VoIP VLAN assignment"},
    {0x0f, "ATA-186 VoIP VLAN request"}, {0x10, "power consumption"}, {0x11, "MTU"},
    {0x12, "AVVID trust bitmap"}, {0x13, "AVVID untrusted ports CoS"}, {0x14, "System Name"},
    {0x15, "System Object ID (not decoded)"}, {0x16, "Management Addresses"}, {0x17, "Physical Location"},
}};

constexpr std::array<std::pair<std::uint32_t, std::string_view>, 7> capability_names{{
    {0x01, "Router"}, {0x02, "Transparent Bridge"}, {0x04, "Source Route Bridge"}, {0x08, "L2 Switch"},
    {0x10, "L3 capable"}, {0x20, "IGMP snooping"}, {0x40, "L1 capable"},
}};

constexpr std::size_t header_length = 4;
constexpr std::size_t tlv_header_length = 4;
constexpr std::uint8_t protocol_type_nlpid = 1;
constexpr std::uint8_t protocol_type_802_2 = 2;
constexpr std::uint8_t nlpid_ip = 0xcc;
constexpr std::array<std::uint8_t, 8> snap_ipv6{0xaa, 0xaa, 0x03, 0x00, 0x00, 0x00, 0x86, 0xdd};

std::string_view tlv_name(std::uint16_t type) {
    for (const auto& [k, n] : tlv_names)
        if (k == type) return n;
    return "unknown field type";
}

// 'text', printed as far as it was captured; false when it was cut short.
bool print_quoted(Context& ctx, ByteReader value, std::size_t length) {
    ctx.put('\'');
    print_escaped(ctx, value);
    if (value.size() < length) return false;
    ctx.put('\'');
    return true;
}

// How a value ended: Complete; Malformed where its own length is below what its type needs
// (tcpdump's goto trunc: " [|cdp]", no unwinding); Unwound where the capture ran out. The caller
// prints the marker, in one place.

// The address list: a count, then (protocol type, protocol, address) triples, printed as they
// are read. `value` holds what was captured of its `length` bytes.
Outcome print_addresses(Context& ctx, ByteReader value, std::size_t length) {
    if (length < 4) return Outcome::Malformed;
    if (!value.has(4)) return Outcome::Unwound;
    std::int32_t count = static_cast<std::int32_t>(value.be32_at(0));
    std::size_t at = 4;
    auto have = [&](std::size_t n) { return value.has(at + n); };
    while (at < length && count >= 0) {
        if (at + 2 > length) return Outcome::Malformed;
        if (!have(2)) return Outcome::Unwound;
        unsigned protocol_type = value.u8_at(at), protocol_length = value.u8_at(at + 1);
        at += 2;
        if (at + protocol_length + 2 > length) return Outcome::Malformed;
        if (!have(protocol_length + 2u)) return Outcome::Unwound;
        ByteReader protocol = value.window(at, protocol_length);
        unsigned address_length = value.be16_at(at + protocol_length);
        bool ipv4 = protocol_type == protocol_type_nlpid && protocol_length == 1 &&
                    protocol.u8_at(0) == nlpid_ip && address_length == 4;
        bool ipv6 = protocol_type == protocol_type_802_2 && protocol_length == snap_ipv6.size() &&
                    address_length == 16;
        for (std::size_t i = 0; ipv6 && i < snap_ipv6.size(); ++i)
            ipv6 = protocol.u8_at(i) == snap_ipv6[i];
        if (ipv4 || ipv6) {
            at += protocol_length + 2u;
            if (at + address_length > length) return Outcome::Malformed;
            if (!have(address_length)) return Outcome::Unwound;
            ctx.print("IPv{} ({}) ", ipv4 ? 4 : 6, count);
            if (ipv4)
                ctx.host(value.ipv4_at(at));
            else
                ctx.host(value.ipv6_at(at));
            at += address_length;
        } else {
            ctx.print("pt=0x{:02x}, pl={}, pb=", protocol_type, protocol_length);
            for (unsigned i = 0; i < protocol_length; ++i) ctx.print(" {:02x}", value.u8_at(at + i));
            at += protocol_length + 2u;
            ctx.print(", al={}, a=", address_length);
            if (at + address_length > length) return Outcome::Malformed;
            for (unsigned i = 0; i < address_length; ++i, ++at) {
                if (!have(1)) return Outcome::Unwound;
                ctx.print(" {:02x}", value.u8_at(at));
            }
        }
        --count;
        if (count) ctx.put(' ');
    }
    return Outcome::Complete;
}

bool print_fixed_value(Context& ctx, std::uint16_t type, ByteReader value);

// The minimum value length of the types with fixed fields.
std::size_t minimum_length(CdpTlv type) {
    switch (type) {
    case CdpTlv::Capability: case CdpTlv::Mtu: return 4;
    case CdpTlv::NativeVlan: return 2;
    case CdpTlv::VoipVlanAssignment: return 3;
    case CdpTlv::Duplex: case CdpTlv::TrustBitmap: case CdpTlv::UntrustedCos: case CdpTlv::PhysicalLocation: return 1;
    default: return 0;
    }
}

// One value under -v. `value` holds what was captured of its `length` bytes: text is printed
// as far as it goes, fixed fields only when all their bytes are there.
Outcome print_value(Context& ctx, std::uint16_t type, ByteReader value, std::size_t length) {
    auto kind = static_cast<CdpTlv>(type);
    switch (kind) {
    case CdpTlv::DeviceId:
    case CdpTlv::PortId:
    case CdpTlv::Platform:
    case CdpTlv::VtpDomain:
    case CdpTlv::SystemName:
        return print_quoted(ctx, value, length) ? Outcome::Complete : Outcome::Unwound;
    case CdpTlv::Version:
        // Each line of the version text on its own indented line.
        ctx.put("\n\t  ");
        while (value.remaining() > 0) {
            if (value.rest().front() == std::byte{'\n'}) {
                value.skip(1);
                ctx.put("\n\t  ");
            } else {
                print_escaped(ctx, value.narrowed(1));
                value.skip(1);
            }
        }
        return value.size() < length ? Outcome::Unwound : Outcome::Complete;
    case CdpTlv::ProtocolHello:
        return Outcome::Complete;
    case CdpTlv::PhysicalLocation:
        if (length < 1) return Outcome::Malformed;
        if (value.size() < 1) return Outcome::Unwound;
        ctx.print("0x{:02x}", value.u8_at(0));
        if (length > 1) {
            ctx.put('/');
            print_escaped(ctx, value.window(1, length));
        }
        return value.size() < length ? Outcome::Unwound : Outcome::Complete;
    case CdpTlv::Prefixes:
        if (length % 5) return Outcome::Malformed;
        ctx.print(" IPv4 Prefixes ({}):", length / 5);
        for (std::size_t at = 0; at < length; at += 5) {
            ByteReader prefix = value.window(at, 5);
            if (prefix.size() < 5) return Outcome::Unwound;
            unsigned a = prefix.u8(), b = prefix.u8(), c = prefix.u8(), d = prefix.u8(), bits = prefix.u8();
            ctx.print(" {}.{}.{}.{}/{}", a, b, c, d, bits);
        }
        return Outcome::Complete;
    case CdpTlv::Address:
    case CdpTlv::ManagementAddresses:
        return print_addresses(ctx, value, length);
    default:
        break;
    }
    if (length < minimum_length(kind)) return Outcome::Malformed;
    if (value.size() < length) {
        bool known = false;
        for (const auto& [k, n] : tlv_names)
            if (k == type) known = true;
        // Unknown values are dumped as far as they were captured, as print_unknown_data does.
        if (!known) {
            hex_dump(ctx.out, value.all(), "\n\t  ");
            return Outcome::Complete;
        }
        return Outcome::Unwound;
    }
    return print_fixed_value(ctx, type, value) ? Outcome::Complete : Outcome::Malformed;
}
bool print_fixed_value(Context& ctx, std::uint16_t type, ByteReader value) {
    const std::size_t length = value.size();
    switch (static_cast<CdpTlv>(type)) {
    case CdpTlv::Capability: {
        if (length < 4) return false;
        std::uint32_t bits = value.be32();
        ctx.print("(0x{:08x}): ", bits);
        print_bit_names(ctx, bits, capability_names);
        return true;
    }
    case CdpTlv::NativeVlan:
        if (length < 2) return false;
        ctx.print("{}", value.be16());
        return true;
    case CdpTlv::Duplex:
        if (length < 1) return false;
        ctx.put(value.u8() ? "full" : "half");
        return true;
    case CdpTlv::VoipVlanAssignment: {
        if (length < 3) return false;
        unsigned app = value.u8();
        ctx.print("app {}, vlan {}", app, value.be16());
        return true;
    }
    case CdpTlv::Power: {
        unsigned long milliwatts = 0;
        while (value.remaining() > 0) milliwatts = (milliwatts << 8) + value.u8();
        ctx.print("{:1.2f}W", static_cast<double>(milliwatts) / 1000.0);
        return true;
    }
    case CdpTlv::Mtu:
        if (length < 4) return false;
        ctx.print("{} bytes", value.be32());
        return true;
    case CdpTlv::TrustBitmap:
    case CdpTlv::UntrustedCos:
        if (length < 1) return false;
        ctx.print("0x{:02x}", value.u8());
        return true;
    default:
        // Named types without a decoder (the system object id, the VoIP VLAN request) print
        // nothing; types tcpdump does not know are dumped.
        for (const auto& [k, n] : tlv_names)
            if (k == type) return true;
        hex_dump(ctx.out, value.all(), "\n\t  ");
        return true;
    }
}

}  // namespace

void print_cdp(Context& ctx, ByteReader message, std::uint32_t length) {
    // A message too short for the header is malformed before anything is read.
    if (length < header_length) return ctx.print(" (packet length {} < {}) (invalid)", length, header_length);
    // Fields are printed as they are read; the first one not captured ends the line.
    if (!message.has(2)) return ctx.truncated_unwind("cdp");
    unsigned version = message.u8_at(0), ttl = message.u8_at(1);
    ctx.print("CDPv{}, ttl: {}s", version, ttl);
    bool verbose = ctx.options.verbosity > 0;
    if (verbose) {
        if (!message.has(header_length)) return ctx.truncated_unwind("cdp");
        ctx.print(", checksum: 0x{:04x} (unverified), length {}", message.be16_at(2), length);
    }
    for (std::size_t at = header_length; at < length;) {
        ByteReader header = message.window(at, tlv_header_length);
        if (header.size() < tlv_header_length) return ctx.truncated_unwind("cdp");
        std::uint16_t type = header.be16();
        std::uint16_t tlv_length = header.be16();
        if (tlv_length < tlv_header_length) {
            if (verbose)
                ctx.print("\n\t{} (0x{:02x}), TLV length: {} byte{} (too short)", tlv_name(type), type, tlv_length,
                          tlv_length == 1 ? "" : "s");
            else
                ctx.print(", {} TLV length {} too short", tlv_name(type), tlv_length);
            break;
        }
        if (tlv_length > length - at) {
            ctx.print(" (TLV length {} > {})", tlv_length, length - at);
            ctx.put(" (invalid)");
            // tcpdump then insists on the rest of the message having been captured.
            if (!message.has(length)) ctx.truncated_unwind("cdp");
            return;
        }
        std::size_t value_length = tlv_length - tlv_header_length;
        ByteReader value = message.window(at + tlv_header_length, value_length);  // as captured
        if (verbose) {
            ctx.print("\n\t{} (0x{:02x}), value length: {} byte{}: ", tlv_name(type), type, value_length,
                      value_length == 1 ? "" : "s");
            switch (print_value(ctx, type, value, value_length)) {
            case Outcome::Complete:
                break;
            case Outcome::Malformed:
            case Outcome::Truncated:  // not returned: a short capture unwinds here
                return ctx.truncated("cdp");
            case Outcome::Unwound:
                return ctx.truncated_unwind("cdp");
            }
        } else if (static_cast<CdpTlv>(type) == CdpTlv::DeviceId) {
            ctx.put(", Device-ID ");
            if (!print_quoted(ctx, value, value_length)) return ctx.truncated_unwind("cdp");
        } else {
            // Without -v tcpdump checks the whole value before dumping it.
            if (value.size() < value_length) return ctx.truncated_unwind("cdp");
            hex_dump(ctx.out, value.all(), "\n\t  ");
        }
        at += tlv_length;
    }
    if (!verbose) ctx.print(", length {}", length);
}

}  // namespace rawdump::print
