// The attribute values of print-radius.c (tcpdump 4.99.3): strings (with RFC 2868 tags, RFC
// 4675 VLAN names and EAP), numbers (value names, timers, tags), addresses, prefixes, times,
// vendor-specific sub-attributes and ARAP's odd layouts (RFC 5447/5580 ones: radius_location.cpp).
//
// Truncation follows tcpdump's two ways of noticing it: a printer that checks its whole value
// first (ND_TCHECK) prints the marker and the attribute list goes on; a single field read past
// the capture (GET_*) prints the marker and ends the packet (Context::unwound).
#include "src/print/app/radius_attributes.hpp"

#include <optional>

#include "src/print/base/address.hpp"
#include "src/print/base/civil_date.hpp"
#include "src/print/dispatch/carried.hpp"
#include "src/print/app/radius_tables.hpp"

namespace rawdump::print::radius {

// The readers radius_attributes.hpp describes.
bool need(Context& ctx, Message& m, std::size_t offset, std::size_t size) {
    if (offset + size <= m.bytes.size()) return true;
    ctx.truncated_unwind(m.protocol);
    return false;
}

std::optional<std::uint64_t> get(Context& ctx, Message& m, std::size_t offset, std::size_t size) {
    if (!need(ctx, m, offset, size)) return std::nullopt;
    std::uint64_t value = 0;
    for (std::byte b : m.bytes.window(offset, size).all()) value = value << 8 | std::to_integer<std::uint64_t>(b);
    return value;
}

bool check(Context& ctx, const Message& m, std::size_t offset, std::size_t length) {
    if (offset + length <= m.bytes.size()) return true;
    ctx.truncated(m.protocol);
    return false;
}

std::uint8_t at(const Message& m, std::size_t offset) { return m.bytes.u8_at(offset); }

void print_ipv6_address(Context& ctx, const Message& m, std::size_t offset, std::size_t length) {
    Ipv6Address a{};
    for (std::size_t i = 0; i < length && i < a.bytes.size(); ++i) a.bytes[i] = at(m, offset + i);
    ctx.host(a);
}

void print_text(Context& ctx, const Message& m, std::size_t offset, std::size_t length) {
    print_escaped(ctx, m.bytes.window(offset, length));
}

namespace {

constexpr std::uint8_t first_printable = 0x20, last_printable = 0x7e;
constexpr std::uint8_t max_tag = 0x1f;  // RFC 2868: a first octet above this is not a tag
constexpr std::uint32_t all_ones = 0xFFFFFFFF, all_ones_but_last = 0xFFFFFFFE;
constexpr std::uint8_t max_prefix_length = 128;

char printable_or_dot(std::uint8_t c) { return c >= first_printable && c <= last_printable ? static_cast<char>(c) : '.'; }

void print_tag(Context& ctx, unsigned tag) {
    if (tag)
        ctx.print("Tag[{}] ", tag);
    else
        ctx.put("Tag[Unused] ");
}

void print_vlan_tag(Context& ctx, unsigned tag) {
    std::string_view name = find_name(vlan_tags, tag);
    ctx.print("{} (0x{:02x}) ", name.empty() ? "Unknown tag" : name, tag);
}

// PRINT_HEX: upper-case hex, one GET per byte, so a cut shows the bytes before it. False
// after unwinding.
bool print_upper_hex(Context& ctx, Message& m, std::size_t offset, std::size_t length) {
    for (std::size_t i = 0; i < length; ++i) {
        if (!need(ctx, m, offset + i, 1)) return false;
        ctx.print("{:02X}", at(m, offset + i));
    }
    return true;
}

void print_string(Context& ctx, Message& m, std::uint8_t t, std::size_t offset, std::uint32_t length) {
    if (!check(ctx, m, offset, length)) return;
    switch (t) {
    case type::tunnel_password: {
        if (length < 3) return ctx.truncated(m.protocol);
        unsigned tag = at(m, offset);
        print_tag(ctx, tag <= max_tag ? tag : 0);
        ctx.print("Salt {} ", m.bytes.be16_at(offset + 1));
        offset += 3;
        length -= 3;
        break;
    }
    case type::tunnel_client_endpoint:
    case type::tunnel_server_endpoint:
    case type::tunnel_private_group_id:
    case type::tunnel_assignment_id:
    case type::tunnel_client_auth_id:
    case type::tunnel_server_auth_id:
        if (at(m, offset) <= max_tag) {  // optional tag
            print_tag(ctx, at(m, offset));
            ++offset;
            --length;
        }
        break;
    case type::egress_vlan_name:
        print_vlan_tag(ctx, at(m, offset));
        ++offset;
        --length;
        break;
    case type::eap_message:
        // False only after its marker unwound the packet (Context::unwound).
        print_eap_packet(ctx, m.bytes.window(offset, m.bytes.size()), length, m.protocol);
        return;
    default:
        break;
    }
    for (std::size_t i = 0; i < length && at(m, offset + i) != 0; ++i) ctx.put(printable_or_dot(at(m, offset + i)));
}

void print_timer(Context& ctx, std::uint32_t seconds) {
    if (seconds < 60)
        ctx.print("{:02} secs", seconds);
    else if (seconds < 3600)
        ctx.print("{:02}:{:02} min", seconds / 60, seconds % 60);
    else
        ctx.print("{:02}:{:02}:{:02} hours", seconds / 3600, seconds % 3600 / 60, seconds % 60);
}

void print_number(Context& ctx, Message& m, std::uint8_t t, std::size_t offset, std::uint32_t length) {
    if (length != 4) return ctx.print("ERROR: length {} != 4", length);
    const ValueNames& values = attribute_types[t].values;
    if (!values.names.empty()) {
        std::optional<std::uint64_t> value;
        if (t == type::tunnel_type || t == type::tunnel_medium_type) {
            auto tag = get(ctx, m, offset, 1);
            if (!tag) return;
            print_tag(ctx, static_cast<unsigned>(*tag));
            value = get(ctx, m, offset + 1, 3);
        } else {
            value = get(ctx, m, offset, 4);
        }
        if (!value) return;
        if (*value >= values.first && *value < values.names.size())
            return ctx.put(values.names[*value]);
        return ctx.print("#{}", *value);
    }
    switch (t) {
    case type::tunnel_preference:
    case type::egress_vlan_id: {
        auto tag = get(ctx, m, offset, 1);
        if (!tag) return;
        if (t == type::tunnel_preference)
            print_tag(ctx, static_cast<unsigned>(*tag));
        else
            print_vlan_tag(ctx, static_cast<unsigned>(*tag));
        if (auto value = get(ctx, m, offset + 1, 3)) ctx.print("{}", *value);
        return;
    }
    default:
        break;
    }
    auto value = get(ctx, m, offset, 4);
    if (!value) return;
    switch (t) {
    case type::framed_ipx_network:
        if (*value == all_ones_but_last) return ctx.put("NAS Select");
        break;
    case type::session_timeout:
    case type::idle_timeout:
    case type::acct_delay_time:
    case type::acct_session_time:
    case type::acct_interim_interval:
        return print_timer(ctx, static_cast<std::uint32_t>(*value));
    case type::framed_appletalk_link:
        if (*value == 0) return ctx.put("Unnumbered");
        break;
    case type::framed_appletalk_network:
        if (*value == 0) return ctx.put("NAS assigned");
        break;
    default:
        break;
    }
    ctx.print("{}", *value);
}

void print_ipv4(Context& ctx, Message& m, std::uint8_t t, std::size_t offset, std::uint32_t length) {
    if (length != 4) return ctx.print("ERROR: length {} != 4", length);
    auto value = get(ctx, m, offset, 4);
    if (!value) return;
    if (t == type::framed_ip_address || t == type::login_ip_host) {
        if (*value == all_ones) return ctx.put("User Selected");
        if (*value == all_ones_but_last) return ctx.put("NAS Select");
    }
    ctx.host(m.bytes.ipv4_at(offset));
}

void print_ipv6(Context& ctx, Message& m, std::size_t offset, std::uint32_t length) {
    if (length != 16) return ctx.print("ERROR: length {} != 16", length);
    if (!need(ctx, m, offset, 16)) return;
    ctx.host(m.bytes.ipv6_at(offset));
}

// An IPv6 prefix: reserved octet, prefix length, then as many address octets as sent.
void print_prefix6(Context& ctx, Message& m, std::size_t offset, std::uint32_t length) {
    if (length < 2 || length > 18) return ctx.print("ERROR: length {} not in range (2..18)", length);
    if (!check(ctx, m, offset, length)) return;
    unsigned prefix_length = at(m, offset + 1);
    if (prefix_length > max_prefix_length)
        return ctx.print("ERROR: netmask {} not in range (0..128)", prefix_length);
    print_ipv6_address(ctx, m, offset + 2, length - 2);
    ctx.print("/{}", prefix_length);
    if (prefix_length > 8 * (length - 2)) ctx.put(" (inconsistent prefix length)");
}

// ctime() without its newline: local time, as tcpdump's print_attr_time shows it.
void print_time(Context& ctx, Message& m, std::size_t offset, std::uint32_t length) {
    static constexpr std::array<std::string_view, 7> days{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr std::array<std::string_view, 12> months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (length != 4) return ctx.print("ERROR: length {} != 4", length);
    auto value = get(ctx, m, offset, 4);
    if (!value) return;
    // Local time from the handed-in zone (the printer reads no zone file), then the calendar.
    const std::int64_t seconds = *value;
    const std::int64_t local = seconds + ctx.time_zone.utc_offset(seconds);
    const std::int64_t day = floor_div(local, seconds_per_day);
    const std::int64_t second_of_day = local - day * seconds_per_day;
    constexpr std::int64_t thursday = 4;  // 1970-01-01, day 0, in `days`
    const auto weekday = static_cast<std::size_t>(day + thursday - 7 * floor_div(day + thursday, 7));
    std::int64_t year;
    unsigned month, month_day;
    civil_from_days(day, year, month, month_day);
    ctx.print("{} {}{:3} {:02}:{:02}:{:02} {}", days[weekday], months[month - 1], month_day,
              second_of_day / 3600, second_of_day / 60 % 60, second_of_day % 60, year);
}

// ARAP's fixed layouts (RFC 2869) and Error-Cause.
void print_strange(Context& ctx, Message& m, std::uint8_t t, std::size_t offset, std::uint32_t length) {
    switch (t) {
    case type::arap_password:
        if (length != 16) return ctx.print("ERROR: length {} != 16", length);
        ctx.put("User_challenge (");
        if (!print_upper_hex(ctx, m, offset, 8)) return;
        ctx.put(") User_resp(");
        if (!print_upper_hex(ctx, m, offset + 8, 8)) return;
        return ctx.put(')');
    case type::arap_features: {
        if (length != 14) return ctx.print("ERROR: length {} != 14", length);
        auto can_change = get(ctx, m, offset, 1);
        if (!can_change) return;
        ctx.put(*can_change ? "User can change password" : "User cannot change password");
        auto min_length = get(ctx, m, offset + 1, 1);
        if (!min_length) return;
        ctx.print(", Min password length: {}", *min_length);
        static constexpr std::array<std::string_view, 3> times{", created at: ", ", expires in: ", ", Current Time: "};
        for (std::size_t i = 0; i < times.size(); ++i) {
            ctx.put(times[i]);
            if (!print_upper_hex(ctx, m, offset + 2 + 4 * i, 4)) return;
        }
        return;
    }
    case type::arap_challenge_response:
        if (length < 8) return ctx.print("ERROR: length {} != 8", length);
        print_upper_hex(ctx, m, offset, 8);
        return;
    case type::error_cause: {
        if (length != 4) return ctx.print("Error: length {} != 4", length);
        auto value = get(ctx, m, offset, 4);
        if (!value) return;
        auto cause = static_cast<std::uint32_t>(*value);
        std::string_view name = find_name(error_causes, cause);
        if (name.empty()) return ctx.print("Error cause {}: Error-Cause {} not known", cause, cause);
        return ctx.print("Error cause {}: {}", cause, name);
    }
    default:
        return;
    }
}

// Sub-attributes of Vendor-Specific: vendor number, then type/length/value triplets shown
// as text.
void print_vendor(Context& ctx, Message& m, std::size_t offset, std::uint32_t length) {
    if (length < 4) return ctx.truncated(m.protocol);
    auto vendor = get(ctx, m, offset, 4);
    if (!vendor) return;
    std::string_view name = find_name(vendors, static_cast<std::uint32_t>(*vendor));
    ctx.print("Vendor: {} ({})", name.empty() ? "Unknown" : name, *vendor);
    offset += 4;
    length -= 4;
    while (length >= 2) {
        auto sub_type = get(ctx, m, offset, 1);
        if (!sub_type) return;
        auto sub_length = get(ctx, m, offset + 1, 1);
        if (!sub_length) return;
        if (*sub_length < 2)
            return ctx.print("\n\t    Vendor Attribute: {}, Length: {} (bogus, must be >= 2)", *sub_type, *sub_length);
        if (*sub_length > length)
            return ctx.print("\n\t    Vendor Attribute: {}, Length: {} (bogus, goes past end of vendor-specific attribute)",
                             *sub_type, *sub_length);
        auto value_length = static_cast<std::uint32_t>(*sub_length - 2);
        offset += 2;
        length -= 2;
        if (!check(ctx, m, offset, value_length)) return;
        ctx.print("\n\t    Vendor Attribute: {}, Length: {}, Value: ", *sub_type, value_length);
        for (std::size_t i = 0; i < value_length; ++i) ctx.put(printable_or_dot(at(m, offset + i)));
        offset += value_length;
        length -= value_length;
    }
}

}  // namespace

std::string_view attribute_name(std::uint8_t type) {
    if (type == 0 || type >= attribute_types.size()) return "Unknown";
    return attribute_types[type].name;
}

void print_attribute_value(Context& ctx, Message& m, std::uint8_t t, std::size_t offset, std::uint32_t length) {
    if (t >= attribute_types.size()) return;
    switch (attribute_types[t].format) {
    case Format::None: return;
    case Format::String: return print_string(ctx, m, t, offset, length);
    case Format::Number: return print_number(ctx, m, t, offset, length);
    case Format::Vendor: return print_vendor(ctx, m, offset, length);
    case Format::Address: return print_ipv4(ctx, m, t, offset, length);
    case Format::Address6: return print_ipv6(ctx, m, offset, length);
    case Format::Netmask6: return print_prefix6(ctx, m, offset, length);
    case Format::Mip6HomeLinkPrefix: return print_home_link_prefix(ctx, m, offset, length);
    case Format::OperatorName: return print_operator_name(ctx, m, offset, length);
    case Format::LocationInformation: return print_location_information(ctx, m, offset, length);
    case Format::LocationData: return print_location_data(ctx, m, offset, length);
    case Format::LocationPolicyRules: return print_location_policy_rules(ctx, m, offset, length);
    case Format::Time: return print_time(ctx, m, offset, length);
    case Format::Vector64: return print_feature_vector(ctx, m, offset, length);
    case Format::Strange: return print_strange(ctx, m, t, offset, length);
    }
}

}  // namespace rawdump::print::radius
