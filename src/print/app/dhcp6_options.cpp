// DHCPv6 options (print-dhcp6.c dhcp6opt_print of tcpdump 4.99.3), shown from -v as
// " (name data)". Each option is checked to be captured whole before it is printed, so the
// fixed fields below are read without further checks; only domain names (which tcpdump walks
// up to the capture's end, not the option's) and relayed messages can run out.
#include <array>
#include <utility>

#include "src/print/app/dhcp6_internal.hpp"
#include "src/print/base/outcome.hpp"

namespace rawdump::print::dhcp6 {
namespace {

constexpr std::size_t option_header_length = 4;  // code, length

enum class Option : std::uint16_t {
    ClientId = 1, ServerId = 2, IaNa = 3, IaTa = 4, IaAddress = 5, OptionRequest = 6,
    Preference = 7, ElapsedTime = 8, RelayMessage = 9, Authentication = 11, StatusCode = 13,
    RapidCommit = 14, InterfaceId = 18, ReconfigureMessage = 19, ReconfigureAccept = 20,
    SipServerNames = 21, SipServerAddresses = 22, DnsServers = 23, DomainList = 24, IaPd = 25,
    IaPrefix = 26, NisServers = 27, NispServers = 28, SntpServers = 31, Lifetime = 32,
    BcmcsServerAddresses = 34, RemoteId = 37, SubscriberId = 38, PanaAgent = 40,
    PosixTimezone = 41, TzdbTimezone = 42, EchoRequest = 43, LeaseQuery = 44, ClientData = 45,
    ClientTime = 46, RelayData = 47, ClientLink = 48, NtpServer = 56, AftrName = 64, MudUrl = 112,
};

// dh6opt_str as 4.99.3 has it (no Bootfile-URL or SZTP-redirect yet).
constexpr std::array<std::pair<std::uint16_t, std::string_view>, 49> option_names{{
    {1, "client-ID"}, {2, "server-ID"}, {3, "IA_NA"}, {4, "IA_TA"}, {5, "IA_ADDR"},
    {6, "option-request"}, {7, "preference"}, {8, "elapsed-time"}, {9, "relay-message"},
    {11, "authentication"}, {12, "server-unicast"}, {13, "status-code"}, {14, "rapid-commit"},
    {15, "user-class"}, {16, "vendor-class"}, {17, "vendor-specific-info"}, {18, "interface-ID"},
    {19, "reconfigure-message"}, {20, "reconfigure-accept"}, {21, "SIP-servers-domain"},
    {22, "SIP-servers-address"}, {23, "DNS-server"}, {24, "DNS-search-list"}, {25, "IA_PD"},
    {26, "IA_PD-prefix"}, {31, "SNTP-servers"}, {32, "lifetime"}, {27, "NIS-server"},
    {28, "NIS+-server"}, {29, "NIS-domain-name"}, {30, "NIS+-domain-name"},
    {33, "BCMCS-domain-name"}, {34, "BCMCS-server"}, {36, "Geoconf-Civic"}, {37, "Remote-ID"},
    {38, "Subscriber-ID"}, {39, "Client-FQDN"}, {40, "PANA-agent"}, {41, "POSIX-timezone"},
    {42, "POSIX-tz-database"}, {43, "Echo-request-option"}, {44, "Lease-query"},
    {45, "LQ-client-data"}, {46, "Clt-time"}, {47, "LQ-relay-data"}, {48, "LQ-client-link"},
    {56, "NTP-server"}, {64, "AFTR-Name"}, {112, "MUD-URL"},
}};

constexpr std::array<std::string_view, 11> status_names{
    "Success", "UnspecFail", "NoAddrsAvail", "NoBinding", "NotOnLink", "UseMulticast",
    "NoPrefixAvail", "UnknownQueryType", "MalformedQuery", "NotConfigured", "NotAllowed",
};

// DUID types (RFC 8415 11.2); 4.99.3 knows the first three.
constexpr std::uint16_t duid_link_layer_time = 1;
constexpr std::uint16_t duid_enterprise = 2;
constexpr std::uint16_t duid_link_layer = 3;

constexpr std::uint8_t auth_delayed = 2, auth_reconfigure = 3;  // protocols
constexpr std::uint8_t auth_hmac_md5 = 1;                       // algorithm
constexpr std::uint8_t auth_monotonic = 0;                      // replay detection method
constexpr std::uint8_t reconfigure_key = 1, reconfigure_hmac_md5 = 2;
constexpr std::uint8_t renew_message = 5, inf_req_message = 11;

void print_option_name(Context& ctx, std::uint16_t code) {
    for (const auto& [c, name] : option_names)
        if (c == code) return ctx.put(name);
    ctx.print("opt_{}", code);
}

void print_hex(Message& m, std::size_t at, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) m.ctx.print("{:02x}", m.u8(at + i));
}

// nd_printjnp: up to n bytes of text, stopping at a NUL.
void print_text_to_nul(Message& m, std::size_t at, std::size_t n) {
    std::size_t length = 0;
    while (length < n && m.u8(at + length) != 0) ++length;
    print_escaped(m.ctx, m.window(at, length));
}

// How an option ended, for the list it is in: Complete and Malformed go on to the next
// option; Truncated is where tcpdump's goto trunc leaves the list (the marker is out, this
// list is done, the one around it goes on); Unwound ends the packet.

// An option too short (or oddly sized) for its type: " ?)".
Outcome malformed(Context& ctx) {
    ctx.put(" ?)");
    return Outcome::Malformed;
}

Outcome name_failed(Message& m) {
    if (m.unwound) {
        m.ctx.truncated_unwind("dhcp6");
        return Outcome::Unwound;
    }
    m.ctx.truncated("dhcp6");
    return Outcome::Truncated;
}

// Names one after the other up to `end` (domain search list, SIP server names).
Outcome print_names(Message& m, std::size_t at, std::size_t end) {
    while (at < end) {
        m.ctx.put(' ');
        // The compression base is the option's end, as tcpdump passes it.
        auto next = dns::print_name(m, at, end);
        if (!next) return name_failed(m);
        at = *next;
    }
    m.ctx.put(')');
    return Outcome::Complete;
}

void print_duid(Message& m, std::size_t at, std::uint16_t length) {
    if (length < 2) return m.ctx.put(" ?)");
    const std::uint16_t type = m.be16(at);
    switch (type) {
    case duid_link_layer_time:
        if (length < 2 + 6) return m.ctx.put(" ?)");
        m.ctx.print(" hwaddr/time type {} time {} ", m.be16(at + 2), m.be32(at + 4));
        print_hex(m, at + 8, length - 8);
        return m.ctx.put(')');
    case duid_enterprise:  // 4.99.3 shows the first 8 bytes after the type, whatever their length
        if (length < 2 + 8) return m.ctx.put(" ?)");
        m.ctx.put(" vid ");
        print_hex(m, at + 2, 8);
        return m.ctx.put(')');
    case duid_link_layer:
        if (length < 2 + 2) return m.ctx.put(" ?)");
        m.ctx.print(" hwaddr type {} ", m.be16(at + 2));
        print_hex(m, at + 4, length - 4);
        return m.ctx.put(')');
    default:
        return m.ctx.print(" type {})", type);
    }
}

void print_authentication(Message& m, std::size_t at, std::uint16_t length) {
    if (length < 11) return m.ctx.put(" ?)");
    Context& ctx = m.ctx;
    const std::uint8_t protocol = m.u8(at), algorithm = m.u8(at + 1), rdm = m.u8(at + 2);
    if (protocol == auth_delayed)
        ctx.put(" proto: delayed");
    else if (protocol == auth_reconfigure)
        ctx.put(" proto: reconfigure");
    else
        ctx.print(" proto: {}", protocol);
    if (algorithm == auth_hmac_md5)
        ctx.put(", alg: HMAC-MD5");
    else
        ctx.print(", alg: {}", algorithm);
    if (rdm == auth_monotonic)
        ctx.put(", RDM: mono");
    else
        ctx.print(", RDM: {}", rdm);
    ctx.put(", RD:");
    for (std::size_t i = 0; i < 4; ++i) ctx.print(" {:04x}", m.be16(at + 3 + 2 * i));
    std::size_t p = at + 11;
    const std::size_t info_length = length - 11u;
    if (protocol == auth_delayed) {
        if (info_length != 0) {
            if (info_length < 20) {
                ctx.put(" ??");
            } else {
                const std::size_t realm_length = info_length - 20;
                if (realm_length > 0) ctx.put(", realm: ");
                print_hex(m, p, realm_length);
                p += realm_length;
                ctx.print(", key ID: {:08x}, HMAC-MD5:", m.be32(p));
                for (std::size_t i = 0; i < 4; ++i) ctx.print(" {:08x}", m.be32(p + 4 + 4 * i));
            }
        }
    } else if (protocol == auth_reconfigure) {
        if (info_length != 17) {
            ctx.put(" ??");
        } else {
            const std::uint8_t type = m.u8(p);
            ctx.put(type == reconfigure_key ? " reconfig-key"
                                            : type == reconfigure_hmac_md5 ? " type: HMAC-MD5" : " type: ??");
            ctx.put(" value:");
            for (std::size_t i = 0; i < 4; ++i) ctx.print(" {:08x}", m.be32(p + 1 + 4 * i));
        }
    } else {
        ctx.put(" ??");
    }
    ctx.put(')');
}

// NTP server suboptions (RFC 5908): addresses and a name.
Outcome print_ntp_server(Message& m, std::size_t at, std::uint16_t length) {
    if (length < 4) {
        m.ctx.put(" ?)");
        return Outcome::Complete;
    }
    const std::size_t end = at + length;
    while (at < end - 4) {
        const std::uint16_t code = m.be16(at), sub_length = m.be16(at + 2);
        at += 4;
        if (at + sub_length > end) {
            m.ctx.truncated("dhcp6");
            return Outcome::Truncated;
        }
        m.ctx.print(" subopt:{}", code);
        if ((code == 1 || code == 2) && sub_length == 16) {
            m.ctx.put(' ');
            print_address(m, at);
        } else if (code == 3) {
            m.ctx.put(' ');
            if (!dns::print_name(m, at, at + sub_length)) return name_failed(m);
        } else {
            m.ctx.put(" ?");
        }
        at += sub_length;
    }
    m.ctx.put(')');
    return Outcome::Complete;
}

// RFC 6334's AFTR name: labels printed by hand, with " ?" for one that overruns the option.
Outcome print_aftr_name(Message& m, std::size_t at, std::uint16_t length) {
    if (length < 3) {
        m.ctx.put(" ?)");
        return Outcome::Complete;
    }
    m.ctx.put(' ');
    std::size_t remaining = length;
    // tcpdump reads each label byte (and the one after a label) unchecked.
    auto byte_at = [&](std::size_t p) -> std::optional<std::uint8_t> {
        if (!m.has(p, 1)) return std::nullopt;
        return m.u8(p);
    };
    while (remaining > 0) {
        auto label = byte_at(at);
        if (!label) return Outcome::Unwound;
        if (*label == 0) break;
        ++at;
        if (*label >= remaining - 1) {
            m.ctx.put(" ?");
            break;
        }
        print_text_to_nul(m, at, *label);
        at += *label;
        remaining -= *label + 1u;
        auto next = byte_at(at);
        if (!next) return Outcome::Unwound;
        if (*next != 0) m.ctx.put('.');
    }
    m.ctx.put(')');
    return Outcome::Complete;
}

Outcome print_relay_message(Message& m, std::size_t at, std::uint16_t length) {
    m.ctx.put(" (");
    // tcpdump narrows the capture to the option while it prints the relayed message.
    Message inner(m.ctx, m.window(at, length), DnsFlavor::Unicast);
    if (!print_message(inner, length)) return Outcome::Unwound;
    m.ctx.put(')');
    return Outcome::Complete;
}

// One option's data, after " (name".
Outcome print_option_data(Message& m, std::uint16_t code, std::size_t at, std::uint16_t length) {
    Context& ctx = m.ctx;
    switch (static_cast<Option>(code)) {
    case Option::ClientId:
    case Option::ServerId:
        print_duid(m, at, length);
        break;
    case Option::IaAddress:
        if (length < 24) return malformed(ctx);
        ctx.put(' ');
        print_address(m, at);
        ctx.print(" pltime:{} vltime:{}", m.be32(at + 16), m.be32(at + 20));
        if (length > 24 && !print_options(m, at + 24, at + length)) return Outcome::Unwound;
        ctx.put(')');
        break;
    case Option::OptionRequest:
    case Option::EchoRequest:
        if (length % 2) return malformed(ctx);
        for (std::size_t i = 0; i < length; i += 2) {
            ctx.put(' ');
            print_option_name(ctx, m.be16(at + i));
        }
        ctx.put(')');
        break;
    case Option::Preference:
        if (length != 1) return malformed(ctx);
        ctx.print(" {})", m.u8(at));
        break;
    case Option::ElapsedTime:
        if (length != 2) return malformed(ctx);
        ctx.print(" {})", m.be16(at));
        break;
    case Option::RelayMessage:
        return print_relay_message(m, at, length);
    case Option::Authentication:
        print_authentication(m, at, length);
        break;
    case Option::InterfaceId:
    case Option::SubscriberId:  // encoding unknown: the first 10 bytes in hex
        ctx.put(' ');
        print_hex(m, at, length < 10 ? length : 10);
        ctx.put("...)");
        break;
    case Option::ReconfigureMessage: {
        if (length != 1) return malformed(ctx);
        const std::uint8_t type = m.u8(at);
        if (type == renew_message)
            ctx.put(" for renew)");
        else if (type == inf_req_message)
            ctx.put(" for inf-req)");
        else
            ctx.print(" for ?\?\?({:02x}))", type);
        break;
    }
    case Option::SipServerAddresses:
    case Option::DnsServers:
    case Option::SntpServers:
    case Option::NisServers:
    case Option::NispServers:
    case Option::BcmcsServerAddresses:
    case Option::PanaAgent:
    case Option::ClientLink:
        if (length % 16) return malformed(ctx);
        for (std::size_t i = 0; i < length; i += 16) {
            ctx.put(' ');
            print_address(m, at + i);
        }
        ctx.put(')');
        break;
    case Option::SipServerNames:
    case Option::DomainList:
        return print_names(m, at, at + length);
    case Option::StatusCode: {
        if (length < 2) return malformed(ctx);
        const std::uint16_t status = m.be16(at);
        if (status > 255)
            ctx.put(" INVALID code)");
        else if (status < status_names.size())
            ctx.print(" {})", status_names[status]);
        else
            ctx.print(" code{})", status);
        break;
    }
    case Option::IaNa:
    case Option::IaPd:
        if (length < 12) return malformed(ctx);
        ctx.print(" IAID:{} T1:{} T2:{}", m.be32(at), m.be32(at + 4), m.be32(at + 8));
        if (length > 12 && !print_options(m, at + 12, at + length)) return Outcome::Unwound;
        ctx.put(')');
        break;
    case Option::IaTa:
        if (length < 4) return malformed(ctx);
        ctx.print(" IAID:{}", m.be32(at));
        if (length > 4 && !print_options(m, at + 4, at + length)) return Outcome::Unwound;
        ctx.put(')');
        break;
    case Option::IaPrefix:
        if (length < 25) return malformed(ctx);
        ctx.put(' ');
        print_address(m, at + 9);
        ctx.print("/{} pltime:{} vltime:{}", m.u8(at + 8), m.be32(at), m.be32(at + 4));
        if (length > 25 && !print_options(m, at + 25, at + length)) return Outcome::Unwound;
        ctx.put(')');
        break;
    case Option::Lifetime:
    case Option::ClientTime:
        if (length != 4) return malformed(ctx);
        ctx.print(" {})", m.be32(at));
        break;
    case Option::RemoteId:
        if (length < 4) return malformed(ctx);
        ctx.print(" {} ", m.be32(at));
        print_hex(m, at + 4, length < 14 ? length - 4 : 10);
        ctx.put("...)");
        break;
    case Option::LeaseQuery: {
        if (length < 17) return malformed(ctx);
        const std::uint8_t type = m.u8(at);
        if (type == 1)
            ctx.put(" by-address");
        else if (type == 2)
            ctx.put(" by-clientID");
        else
            ctx.print(" type_{}", type);
        ctx.put(' ');
        print_address(m, at + 1);
        if (length > 17 && !print_options(m, at + 17, at + length)) return Outcome::Unwound;
        ctx.put(')');
        break;
    }
    case Option::ClientData:
        if (length > 0 && !print_options(m, at, at + length)) return Outcome::Unwound;
        ctx.put(')');
        break;
    case Option::RelayData:
        if (length < 16) return malformed(ctx);
        ctx.put(' ');
        print_address(m, at);
        ctx.put(' ');
        print_hex(m, at + 16, length < 26 ? length - 16 : 10);
        ctx.put("...)");
        break;
    case Option::NtpServer:
        return print_ntp_server(m, at, length);
    case Option::AftrName: {
        Outcome flow = print_aftr_name(m, at, length);
        if (flow == Outcome::Unwound) ctx.truncated_unwind("dhcp6");
        return flow;
    }
    case Option::PosixTimezone:
    case Option::TzdbTimezone:
    case Option::MudUrl:
        if (length < 5) return malformed(ctx);
        ctx.put(' ');
        print_text_to_nul(m, at, length);
        ctx.put(')');
        break;
    default:  // rapid commit, reconfigure accept, unicast and the rest: the name only
        ctx.put(')');
        break;
    }
    return Outcome::Complete;
}

}  // namespace

bool print_options(Message& m, std::size_t at, std::size_t end) {
    while (at < end) {
        if (end - at < option_header_length) {
            m.ctx.truncated("dhcp6");
            return true;
        }
        const std::uint16_t length = m.be16(at + 2);
        if (end - at - option_header_length < length) {
            m.ctx.truncated("dhcp6");
            return true;
        }
        const std::uint16_t code = m.be16(at);
        m.ctx.put(" (");
        print_option_name(m.ctx, code);
        switch (print_option_data(m, code, at + option_header_length, length)) {
        case Outcome::Complete:
        case Outcome::Malformed:
            break;
        case Outcome::Truncated:
            return true;
        case Outcome::Unwound:
            return false;
        }
        at += option_header_length + length;
    }
    return true;
}

}  // namespace rawdump::print::dhcp6
