// BER elements as print-snmp.c (tcpdump 4.99.3) decodes and prints them, complaints included.
#include "src/print/app/snmp_asn1.hpp"

#include <array>
#include <string_view>

#include "src/print/app/snmp_mib.hpp"

namespace rawdump::print::snmp {
namespace {

constexpr std::string_view protocol = "snmp";

// Tag classes (bits 7-6 of the identifier octet) and the names tcpdump has for each.
enum TagClass : std::uint8_t { universal = 0, application = 1, context = 2, private_class = 3 };

constexpr std::array<std::string_view, 18> universal_names = {
    "U-0",  "Boolean", "Integer", "Bitstring", "String", "Null", "ObjID",    "ObjectDes", "U-8",
    "U-9",  "U-10",    "U-11",    "U-12",      "U-13",   "U-14", "U-15",     "Sequence",  "Set",
};
constexpr std::array<std::string_view, 7> application_names = {
    "IpAddress", "Counter", "Gauge", "TimeTicks", "Opaque", "C-5", "Counter64",
};
constexpr std::array<std::string_view, 9> context_names = {
    "GetRequest", "GetNextRequest", "GetResponse", "SetRequest", "Trap",
    "GetBulk",    "Inform",         "V2Trap",      "Report",
};
constexpr std::array<std::string_view, 1> private_names = {"P-0"};
constexpr std::array<std::string_view, 3> exception_names = {"noSuchObject", "noSuchInstance", "endOfMibView"};

constexpr std::string_view tag_name(std::uint8_t cls, std::uint8_t id) {
    switch (cls) {
    case universal: return universal_names[id];
    case application: return application_names[id];
    case context: return context_names[id];
    default: return private_names[id];
    }
}
constexpr std::size_t tag_count(std::uint8_t cls) {
    switch (cls) {
    case universal: return universal_names.size();
    case application: return application_names.size();
    case context: return context_names.size();
    default: return private_names.size();
    }
}

// Universal and application tag numbers SNMP uses.
constexpr std::uint8_t tag_integer = 2, tag_string = 4, tag_null = 5, tag_oid = 6, tag_sequence = 16;
constexpr std::uint8_t tag_ipaddress = 0, tag_counter = 1, tag_gauge = 2, tag_timeticks = 3, tag_counter64 = 6;
constexpr std::uint8_t tag_extended = 0x1f;  // the tag number follows in base-128 octets
constexpr std::uint8_t bit8 = 0x80;          // "more octets follow" / long-form length
constexpr std::uint32_t inetaddr_length = 4;
constexpr std::int32_t oid_first_mux = 40;  // X.690 8.19.4: first octet is 40*X + Y

}  // namespace

bool Walker::header_byte(std::size_t at, std::uint8_t& out) {
    if (!captured(at, 1)) {
        ctx.truncated_unwind(protocol);
        return false;
    }
    out = byte(at);
    return true;
}

std::int64_t Walker::parse(Cursor c, Element& e) {
    e = Element{};
    std::size_t p = c.at;
    std::uint32_t len = c.length;
    if (len < 1) {
        ctx.put("[nothing to parse]");
        return -1;
    }
    std::uint8_t octet = 0;
    if (!header_byte(p, octet)) return -1;
    std::uint8_t id = octet & 0x1f;
    const bool constructed = (octet & 0x20) != 0;
    const std::uint8_t cls = octet >> 6;
    e.id = id;
    ++p;
    --len;
    std::uint32_t header = 1;
    if (id == tag_extended) {
        // tcpdump reads each octet before checking the declared length, and keeps the
        // number in 8 bits.
        id = 0;
        for (;;) {
            if (!header_byte(p, octet)) return -1;
            if (!(octet & bit8)) break;
            if (len < 1) {
                ctx.put("[Xtagfield?]");
                return -1;
            }
            id = static_cast<std::uint8_t>(id << 7 | (octet & 0x7f));
            --len;
            ++header;
            ++p;
        }
        if (len < 1) {
            ctx.put("[Xtagfield?]");
            return -1;
        }
        e.id = id = static_cast<std::uint8_t>(id << 7 | octet);
        --len;
        ++header;
        ++p;
    }
    if (len < 1) {
        ctx.put("[no asnlen]");
        return -1;
    }
    if (!header_byte(p, octet)) return -1;
    e.asnlen = octet;
    ++p;
    --len;
    ++header;
    if (octet & bit8) {
        std::uint32_t count = octet % bit8;
        e.asnlen = 0;
        if (len < count) {
            ctx.print("[asnlen? {}<{}]", static_cast<std::int32_t>(len), count);
            return -1;
        }
        if (!captured(p, count)) {
            ctx.truncated(protocol);
            return -1;
        }
        for (; count != 0; --count, --len, ++header) e.asnlen = e.asnlen << 8 | byte(p++);
    }
    if (len < e.asnlen) {
        ctx.print("[len{}<asnlen{}]", static_cast<std::int32_t>(len), e.asnlen);
        return -1;
    }
    // tcpdump's form and class checks cannot fail (1 and 2 bits); its class names are all
    // the literal "x" (a macro that does not stringify).
    if (id >= tag_count(cls)) {
        ctx.print("[id?{}/x/{}]", constructed ? 'C' : 'P', id);
        return -1;
    }
    if (!captured(p, e.asnlen)) {
        ctx.truncated(protocol);
        return -1;
    }
    e.data = p;

    if (!constructed) {
        switch (cls) {
        case universal:
            switch (id) {
            case tag_string: e.type = BeType::Str; break;
            case tag_integer: {
                e.type = BeType::Int;
                if (e.asnlen == 0) {
                    ctx.put("[asnlen=0]");
                    return -1;
                }
                // Sign-extended, then shifted in 32 bits like tcpdump (longer values wrap).
                std::uint32_t value = (byte(p) & bit8) ? 0xffffffffu : 0;
                for (std::uint32_t i = 0; i < e.asnlen; ++i) value = value << 8 | byte(p + i);
                e.integer = static_cast<std::int32_t>(value);
                break;
            }
            case tag_oid: e.type = BeType::Oid; break;
            case tag_null: e.type = BeType::Null; break;
            default:
                e.type = BeType::Octet;
                ctx.print("[P/U/{}]", universal_names[id]);
                break;
            }
            break;
        case application:
            switch (id) {
            case tag_ipaddress: e.type = BeType::InetAddr; break;
            case tag_counter:
            case tag_gauge:
            case tag_timeticks:
                e.type = BeType::Uns;
                for (std::uint32_t i = 0; i < e.asnlen; ++i) e.uns = (e.uns << 8) + byte(p + i);
                break;
            case tag_counter64:
                e.type = BeType::Uns64;
                for (std::uint32_t i = 0; i < e.asnlen; ++i) e.uns64 = (e.uns64 << 8) + byte(p + i);
                break;
            default:
                e.type = BeType::Octet;
                ctx.print("[P/A/{}]", application_names[id]);
                break;
            }
            break;
        case context:
            // The SNMPv2 exceptions; other numbers leave the type unknown ("[BE_ANY!?]").
            if (id == 0) e.type = BeType::NoSuchObject;
            if (id == 1) e.type = BeType::NoSuchInstance;
            if (id == 2) e.type = BeType::EndOfMibView;
            break;
        default:
            ctx.print("[P/x/{}]", private_names[id]);
            e.type = BeType::Octet;
            break;
        }
    } else if (cls == universal && id == tag_sequence) {
        e.type = BeType::Seq;
    } else if (cls == context) {
        e.type = BeType::Pdu;
    } else {
        e.type = BeType::Octet;
        if (cls == universal)
            ctx.print("C/U/{}", universal_names[id]);
        else
            ctx.print("C/x/{}", tag_name(cls, id));
    }
    return std::int64_t{e.asnlen} + header;
}

bool Walker::expect(Cursor c, Element& e, std::int64_t& count, BeType type, std::string_view complaint) {
    count = parse(c, e);
    if (count < 0) return false;
    if (e.type == type) return true;
    ctx.put(complaint);
    print(e);
    return false;
}

bool Walker::print_octets(const Element& e) {
    if (!captured(e.data, e.asnlen)) {
        ctx.truncated(protocol);
        return false;
    }
    for (std::uint32_t i = 0; i < e.asnlen; ++i) ctx.print("_{:02x}", byte(e.data + i));
    return true;
}

bool Walker::print_string(const Element& e) {
    if (!captured(e.data, e.asnlen)) {
        ctx.truncated(protocol);
        return false;
    }
    bool printable = true;
    for (std::uint32_t i = 0; printable && i < e.asnlen; ++i) {
        const std::uint8_t c = byte(e.data + i);
        printable = c >= 0x20 && c <= 0x7e;
    }
    if (printable) {
        ctx.put('"');
        for (std::uint32_t i = 0; i < e.asnlen; ++i) ctx.put(static_cast<char>(byte(e.data + i)));
        ctx.put('"');
        return true;
    }
    for (std::uint32_t i = 0; i < e.asnlen; ++i) {
        if (i != 0) ctx.put('_');
        ctx.print("{:02x}", byte(e.data + i));
    }
    return true;
}

// OIDs: numeric with -n; otherwise walked down tcpdump's compiled-in MIB, with the
// well-known prefixes shortened ("" for mib-2, "E:" enterprises, "X:" experimental,
// "S:" snmpModules). A component the tree does not know ends the naming.
void Walker::print_oid(const Element& e) {
    struct Abbreviation {
        std::string_view prefix;
        std::uint16_t node;
        std::array<std::uint8_t, 5> encoded;
        std::size_t size;
    };
    static constexpr std::array<Abbreviation, 4> abbreviations = {{
        {"", mib_node, {0x2b, 6, 1, 2, 1}, 5},
        {"E:", enterprises_node, {0x2b, 6, 1, 4, 1}, 5},
        {"X:", experimental_node, {0x2b, 6, 1, 3, 0}, 4},
        {"S:", snmp_modules_node, {0x2b, 6, 1, 6, 3}, 5},
    }};

    std::size_t p = e.data;
    std::uint32_t remaining = e.asnlen;
    const MibNode* node = nullptr;
    // <0: the next component is the combined first one; 1: print it without a leading dot.
    int first = -1;
    const bool names = !ctx.options.numeric;
    if (names && remaining > 2) {
        for (const auto& a : abbreviations) {
            if (remaining < a.size) continue;
            bool match = true;
            for (std::size_t i = 0; match && i < a.size; ++i) match = byte(p + i) == a.encoded[i];
            if (!match) continue;
            node = mib_node_at(a.node);
            remaining -= static_cast<std::uint32_t>(a.size);
            p += a.size;
            ctx.put(a.prefix);
            first = 1;
            break;
        }
    }
    // tcpdump's OBJ_PRINT: the child's name while the walk is still in the tree (`node` is
    // where it stands; once a component is not found it stays numeric).
    auto component = [&](std::uint32_t value, bool no_dot) {
        if (!no_dot) ctx.put('.');
        node = mib_child(node, value);
        if (node != nullptr)
            ctx.put(node->name);
        else
            ctx.print("{}", value);
    };
    std::uint32_t value = 0;  // tcpdump accumulates in an int: long components wrap
    for (; remaining != 0; ++p, --remaining) {
        const std::uint8_t octet = byte(p);
        value = (value << 7) + (octet & 0x7f);
        if (octet & bit8) continue;
        if (first < 0) {
            // The combined first octet: X (capped at 2), then Y; the name walk starts at iso.
            first = 0;
            std::int32_t s = static_cast<std::int32_t>(value) / oid_first_mux;
            if (s > 2) s = 2;
            const MibNode* root = mib_root();
            node = names && static_cast<std::uint32_t>(s) == root->subid ? root : nullptr;
            ctx.put('.');
            if (node != nullptr)
                ctx.put(node->name);
            else
                ctx.print("{}", static_cast<std::uint32_t>(s));
            value -= static_cast<std::uint32_t>(s * oid_first_mux);
        }
        component(value, first > 0);
        if (--first < 0) first = 0;
        value = 0;
    }
}

bool Walker::print(const Element& e) {
    switch (e.type) {
    case BeType::Octet: return print_octets(e);
    case BeType::Null: return true;
    case BeType::Oid: print_oid(e); return true;
    case BeType::Int: ctx.print("{}", e.integer); return true;
    case BeType::Uns: ctx.print("{}", e.uns); return true;
    case BeType::Uns64: ctx.print("{}", e.uns64); return true;
    case BeType::Str: return print_string(e);
    case BeType::Seq: ctx.print("Seq({})", e.asnlen); return true;
    case BeType::InetAddr:
        if (e.asnlen != inetaddr_length) ctx.print("[inetaddr len!={}]", inetaddr_length);
        if (!captured(e.data, e.asnlen)) {
            ctx.truncated(protocol);
            return false;
        }
        for (std::uint32_t i = 0; i < e.asnlen; ++i) {
            if (i != 0) ctx.put('.');
            ctx.print("{}", byte(e.data + i));
        }
        return true;
    case BeType::NoSuchObject:
    case BeType::NoSuchInstance:
    case BeType::EndOfMibView: ctx.print("[{}]", exception_names[e.id]); return true;
    case BeType::Pdu: ctx.print("{}({})", context_names[e.id], e.asnlen); return true;
    case BeType::Any: ctx.put("[BE_ANY!?]"); return true;
    }
    return true;
}

}  // namespace rawdump::print::snmp
