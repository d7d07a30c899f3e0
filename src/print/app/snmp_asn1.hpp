// The BER walker of print-snmp.c (asn1_parse / asn1_print), shared by the SNMP message and
// PDU printers. Internal to snmp*.cpp.
//
// tcpdump walks with a pointer and the length the enclosing structure declares; here a
// position is an offset into the UDP payload, read only through the bounds check below.
// Two kinds of truncation behave differently and are kept apart: a header byte that was not
// captured longjmps in tcpdump (the marker ends the line, `unwound()`), while contents that
// were not captured only make the current step fail (callers may still print braces).
#pragma once

#include <cstdint>
#include <string_view>

#include "src/print/base/byte_reader.hpp"
#include "src/print/base/context.hpp"

namespace rawdump::print::snmp {

// print-snmp.c's BE_* types: what asn1_parse recognised.
enum class BeType : std::uint8_t {
    Any,  // a context-specific primitive tag SNMP does not define
    Null,
    Octet,  // a type SNMP does not use: printed as hex
    Oid,
    Int,
    Uns,
    Str,
    Seq,
    InetAddr,
    Pdu,
    Uns64,
    NoSuchObject,
    NoSuchInstance,
    EndOfMibView,
};

// Tag numbers of the context-specific class: the PDUs.
enum PduType : std::uint8_t {
    get_request = 0,
    get_next_request = 1,
    get_response = 2,
    set_request = 3,
    trap = 4,
    get_bulk = 5,
    inform = 6,
    v2_trap = 7,
    report = 8,
};

struct Element {
    std::uint32_t asnlen = 0;  // contents length
    std::size_t data = 0;      // offset of the contents in the message
    BeType type = BeType::Any;
    std::uint8_t id = 0;  // tag number (tcpdump keeps it in a u_char)
    std::int32_t integer = 0;
    std::uint32_t uns = 0;
    std::uint64_t uns64 = 0;
};

// A place in the message and how many bytes the enclosing structure still declares there.
// Not a ByteReader: it counts the declared length, which may run past the capture, and the
// Walker alone reads the bytes (telling an unwinding header byte from short contents).
struct Cursor {
    std::size_t at = 0;
    std::uint32_t length = 0;

    void advance(std::uint32_t n) {
        at += n;
        length -= n;
    }
};

class Walker {
public:
    Walker(Context& ctx, ByteReader message) : ctx(ctx), bytes_(message.all()) {}

    // asn1_parse: decodes the element at `c`; returns its size (header and contents), or -1
    // after printing why (a bracketed complaint or the truncation marker).
    std::int64_t parse(Cursor c, Element& e);
    // parse, then a type check: on a mismatch prints "[complaint]" and the element as it is
    // (tcpdump's pattern for every field). False when the caller must stop.
    bool expect(Cursor c, Element& e, std::int64_t& count, BeType type, std::string_view complaint);
    // asn1_print; false after a truncation marker.
    bool print(const Element& e);
    // "_xx" per byte (asn1_print_octets).
    bool print_octets(const Element& e);
    // "\"text\"" when every byte is printable ASCII, else "xx_xx_..." (asn1_print_string).
    bool print_string(const Element& e);

    // GET_U_1 on captured contents (the caller knows they were captured).
    std::uint8_t byte(std::size_t at) const { return captured(at, 1) ? std::to_integer<std::uint8_t>(bytes_[at]) : 0; }
    // True once tcpdump would have longjmp'd out of the printer: print nothing more. That is
    // the packet's own fact (Context::unwound, set with the marker), not a second flag.
    bool unwound() const { return ctx.unwound; }

    Context& ctx;

private:
    bool captured(std::size_t at, std::size_t n) const { return at <= bytes_.size() && n <= bytes_.size() - at; }
    // A header byte: when it was not captured, the marker and the end of the line.
    bool header_byte(std::size_t at, std::uint8_t& out);
    void print_oid(const Element& e);

    std::span<const std::byte> bytes_;
};

}  // namespace rawdump::print::snmp
