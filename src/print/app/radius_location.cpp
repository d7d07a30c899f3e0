// The RFC 5447 and RFC 5580 attribute values of print-radius.c (tcpdump 4.99.3): MIP6 feature
// vector and home link prefix, Operator-Name, Location-Information, Location-Data and
// Basic-Location-Policy-Rules.
#include <string_view>

#include "src/print/base/hexdump.hpp"
#include "src/print/app/ntp_fixed_point.hpp"
#include "src/print/app/radius_attributes.hpp"
#include "src/print/app/radius_tables.hpp"

namespace rawdump::print::radius {
namespace {

constexpr std::uint8_t max_prefix_length = 128;

void print_ntp_time(Context& ctx, const Message& m, std::size_t offset) {
    ByteReader r = m.bytes.window(offset, 8);
    print_ntp_timestamp(ctx, read_ntp_timestamp(r));
}

}  // namespace

void print_home_link_prefix(Context& ctx, Message& m, std::size_t offset, std::uint32_t length) {
    if (length != 17) return ctx.print("ERROR: length {} != 17", length);
    if (!check(ctx, m, offset, length)) return;
    unsigned prefix_length = at(m, offset);
    if (prefix_length > max_prefix_length)
        return ctx.print("ERROR: netmask {} not in range (0..128)", prefix_length);
    print_ipv6_address(ctx, m, offset + 1, 16);
    ctx.print("/{}", prefix_length);
}

void print_operator_name(Context& ctx, Message& m, std::size_t offset, std::uint32_t length) {
    if (!check(ctx, m, offset, length)) return;
    if (length < 2) return ctx.print("ERROR: length {} < 2", length);
    unsigned name_space = at(m, offset);
    std::string_view name = find_name(operator_namespaces, name_space);
    if (name.empty())
        ctx.print("[unknown namespace {}] ", name_space);
    else
        ctx.print("[{}] ", name);
    print_text(ctx, m, offset + 1, length - 1);
}

void print_location_information(Context& ctx, Message& m, std::size_t offset, std::uint32_t length) {
    if (!check(ctx, m, offset, length)) return;
    if (length < 21) return ctx.print("ERROR: length {} < 21", length);
    unsigned code = at(m, offset + 2), entity = at(m, offset + 3);
    ctx.print("index {}, code ", m.bytes.be16_at(offset));
    if (auto name = find_name(location_codes, code); !name.empty())
        ctx.put(name);
    else
        ctx.print("Unknown ({})", code);
    ctx.put(", entity ");
    if (auto name = find_name(location_entities, entity); !name.empty())
        ctx.put(name);
    else
        ctx.print("Unknown ({})", entity);
    ctx.put(", sighting time ");
    print_ntp_time(ctx, m, offset + 4);
    ctx.put(", time to live ");
    print_ntp_time(ctx, m, offset + 12);
    ctx.put(", method \"");
    print_text(ctx, m, offset + 20, length - 20);
    ctx.put('"');
}

void print_location_data(Context& ctx, Message& m, std::size_t offset, std::uint32_t length) {
    if (!check(ctx, m, offset, length)) return;
    if (length < 3) return ctx.print("ERROR: length {} < 3", length);
    ctx.print("index {}, location", m.bytes.be16_at(offset));
    hex_ascii_dump(ctx.out, m.bytes.window(offset + 2, length - 2).all(), "\n\t    ");
}

void print_location_policy_rules(Context& ctx, Message& m, std::size_t offset, std::uint32_t length) {
    if (!check(ctx, m, offset, length)) return;
    if (length < 10) return ctx.print("ERROR: length {} < 10", length);
    unsigned flags = m.bytes.be16_at(offset);
    ctx.put("flags ");
    print_flag_names(ctx, flags, location_policy_flags);
    ctx.put(", retention expires ");
    print_ntp_time(ctx, m, offset + 2);
    if (length > 10) {
        ctx.put(", note well \"");
        print_text(ctx, m, offset + 10, length - 10);
        ctx.put('"');
    }
}

void print_feature_vector(Context& ctx, Message& m, std::size_t offset, std::uint32_t length) {
    if (length != 8) return ctx.print("ERROR: length {} != 8", length);
    ctx.put('[');
    auto value = get(ctx, m, offset, 8);
    if (!value) return;
    std::string_view separator;
    for (const auto& [bit, name] : mip6_features) {
        if (!(*value & bit)) continue;
        ctx.put(separator);
        ctx.put(name);
        separator = ", ";
    }
    ctx.put(']');
}

}  // namespace rawdump::print::radius
