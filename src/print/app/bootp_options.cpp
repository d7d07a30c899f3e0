// RFC 1048 / 2132 options: the tag/length walk, and the generic value shapes of the table.
#include "src/print/app/bootp_option_table.hpp"
#include "src/print/app/bootp_vendor.hpp"

namespace rawdump::print::bootp {
namespace {

// DHCP message types (option 53), RFC 2132 and RFC 4388 (leasequery).
constexpr std::string_view dhcp_message_name(std::uint8_t type) {
    switch (type) {
    case 1: return "Discover";
    case 2: return "Offer";
    case 3: return "Request";
    case 4: return "Decline";
    case 5: return "ACK";
    case 6: return "NACK";
    case 7: return "Release";
    case 8: return "Inform";
    case 10: return "LeaseQuery";
    case 11: return "LeaseUnassigned";
    case 12: return "LeaseUnknown";
    case 13: return "LeaseActive";
    default: return {};
    }
}

constexpr unsigned parameters_per_line = 4;

// Option 55: the requested option names, four to a line.
void print_parameter_request(Context& ctx, ByteReader value) {
    for (unsigned i = 0; value.has(1); ++i) {
        std::uint8_t requested = value.u8();
        ctx.put(i % parameters_per_line == 0 ? "\n\t      " : ", ");
        ctx.print("{} ({})", option_info(requested).name, requested);
    }
}

// tcpdump guesses a shape for unknown options from the length's low bits.
ValueFormat guessed_format(std::uint32_t length) {
    if (length & 1) return ValueFormat::Bytes;
    if (length & 2) return ValueFormat::Unsigned16;
    return ValueFormat::Unsigned32;
}

// Prints fixed-size items separated by commas while whole items remain; returns the rest.
template <typename PrintOne>
std::uint32_t print_items(Context& ctx, std::uint32_t length, std::uint32_t item_size, char separator,
                          PrintOne print_one) {
    for (bool first = true; length >= item_size; length -= item_size, first = false) {
        if (!first) ctx.put(separator);
        print_one();
    }
    return length;
}

// A value of one of the table's generic shapes; returns the bytes left over.
std::uint32_t print_value(Context& ctx, ValueFormat format, ByteReader value, std::uint32_t length) {
    switch (format) {
    case ValueFormat::Text:
        ctx.put('"');
        print_escaped(ctx, value);
        ctx.put('"');
        return 0;
    case ValueFormat::Ipv4:
        return print_items(ctx, length, 4, ',', [&] { ctx.host(value.ipv4()); });
    case ValueFormat::Unsigned32:
        return print_items(ctx, length, 4, ',', [&] { ctx.print("{}", value.be32()); });
    case ValueFormat::Signed32:
        return print_items(ctx, length, 4, ',', [&] { ctx.print("{}", static_cast<std::int32_t>(value.be32())); });
    case ValueFormat::Ipv4Pairs:
        return print_items(ctx, length, 8, ',', [&] {
            ctx.put('(');
            ctx.host(value.ipv4());
            ctx.put(':');
            ctx.host(value.ipv4());
            ctx.put(')');
        });
    case ValueFormat::Unsigned16:
        return print_items(ctx, length, 2, ',', [&] { ctx.print("{}", value.be16()); });
    case ValueFormat::Boolean:
        return print_items(ctx, length, 1, ',', [&] {
            std::uint8_t b = value.u8();
            if (b == 0)
                ctx.put('N');
            else if (b == 1)
                ctx.put('Y');
            else
                ctx.print("{}?", b);
        });
    case ValueFormat::Unknown:  // resolved by guessed_format before this point
    case ValueFormat::None:     // DHCP-Message with a length other than 1 lands here
    case ValueFormat::Bytes:
    case ValueFormat::Special:  // handled by the caller
        return print_items(ctx, length, 1, '.', [&] { ctx.print("{}", value.u8()); });
    }
    return length;
}

}  // namespace

void print_rfc1048_options(Context& ctx, ByteReader r) {
    const bool show_padding = ctx.options.verbosity > 2;  // -vvv shows PAD and what follows END
    ctx.put("\n\t  Vendor-rfc1048 Extensions");
    ctx.print("\n\t    Magic Cookie 0x{:08x}", r.be32());  // the caller checked it was captured

    while (r.has(1)) {
        std::uint8_t code = r.u8();
        if (!show_padding && code == tag::pad) continue;
        if (!show_padding && code == tag::end) return;
        OptionInfo info = option_info(code);

        std::uint32_t length = 0;
        if (code != tag::pad && code != tag::end) {
            if (!r.has(1)) return ctx.truncated_unwind(protocol);  // a GET in tcpdump: unwinds
            length = r.u8();
        }
        ctx.print("\n\t    {} ({}), length {}{}", info.name, code, length, length > 0 ? ": " : "");

        if (code == tag::pad && show_padding) {
            unsigned run = 1;
            while (r.has(1) && r.u8_at(r.position()) == tag::pad) {
                r.skip(1);
                ++run;
            }
            if (run > 1) ctx.print(", occurs {}", run);
        }

        if (!r.has(length)) return ctx.truncated(protocol);  // ND_TCHECK: no unwind
        ByteReader value = r.narrowed(length);
        r.skip(length);

        if (code == tag::dhcp_message && length == 1) {
            std::uint8_t type = value.u8();
            if (auto name = dhcp_message_name(type); !name.empty())
                ctx.put(name);
            else
                ctx.print("Unknown ({})", type);
            continue;
        }
        if (code == tag::parameter_request) {
            print_parameter_request(ctx, value);
            continue;
        }

        ValueFormat format = info.format == ValueFormat::Unknown ? guessed_format(length) : info.format;
        std::uint32_t left = format == ValueFormat::Special ? print_special_option(ctx, code, value, length)
                                                            : print_value(ctx, format, value, length);
        if (left != 0) ctx.print("\n\t  trailing data length {}", left);
    }
}

}  // namespace rawdump::print::bootp
