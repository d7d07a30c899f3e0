// RIPng over UDP 521 (print-ripng.c, RFC 2080): one line of prefix/length entries, each on
// its own line under -vv. Every field is read as it is printed, so a cut capture ends the
// line with [|ripng] exactly where the bytes ran out.
#include <string_view>

#include "src/print/app/ripng.hpp"

namespace rawdump::print {
namespace {

constexpr std::string_view protocol = "ripng";
constexpr std::size_t header_length = 4, entry_length = 20;  // prefix(16) tag(2) plen(1) metric(1)
constexpr unsigned version_1 = 1, request = 1, response = 2, infinity = 16;

// False where a read ran off the capture. The prefix and its length (after the tag) are
// printed together, then the tag if set, then the metric if set and wanted.
bool print_entry(Context& ctx, ByteReader entry, bool with_metric) {
    if (!entry.has(19)) return false;
    Ipv6Address prefix = entry.ipv6();
    unsigned tag = entry.be16();
    unsigned prefix_length = entry.u8();
    ctx.host(prefix);
    ctx.print("/{}", prefix_length);
    if (tag) ctx.print(" [{}]", tag);
    unsigned metric = entry.u8();
    if (entry.truncated()) return false;
    if (metric && with_metric) ctx.print(" ({})", metric);
    return true;
}

// " ripng-req 2:" or, when the entries do not fill the length exactly, " ripng-req 1[27]:".
void print_entries(Context& ctx, ByteReader payload, std::uint32_t length, std::string_view kind,
                   bool with_metric) {
    std::uint32_t left = length - header_length;
    const std::uint32_t count = left / entry_length;
    if (count * entry_length != left)
        ctx.print(" ripng-{} {}[{}]:", kind, count, length);
    else
        ctx.print(" ripng-{} {}:", kind, count);
    std::size_t at = header_length;
    for (; left >= entry_length; left -= entry_length, at += entry_length) {
        ctx.put(ctx.options.verbosity > 1 ? "\n\t" : " ");
        if (!print_entry(ctx, payload.window(at, entry_length), with_metric))
            return ctx.truncated_unwind(protocol);
    }
    if (left != 0) ctx.put(" (invalid)");
}

}  // namespace

void print_ripng(Context& ctx, ByteReader payload, std::uint32_t length) {
    ByteReader head = payload.window(0, 2);
    unsigned command = head.u8();
    unsigned version = head.u8();
    if (head.truncated()) return ctx.truncated_unwind(protocol);
    if (version != version_1) return ctx.print(" [vers {}] (invalid)", version);
    if (command != request && command != response)
        return ctx.print(" ripng-{} ?? {} (invalid)", command, length);
    if (length < header_length) return ctx.put(" (invalid)");

    if (command == request && (length - header_length) / entry_length == 1) {
        // A single all-zero prefix with metric 16 asks for the whole table.
        ByteReader entry = payload.window(header_length, entry_length);
        ByteReader metric_field = entry.window(19, 1);
        unsigned metric = metric_field.u8();
        if (metric_field.truncated()) return ctx.truncated_unwind(protocol);
        bool unspecified = true;
        ByteReader prefix = entry.window(0, 16);
        while (prefix.remaining() > 0)
            if (prefix.u8() != 0) unspecified = false;
        if (metric == infinity && unspecified) return ctx.put(" ripng-req dump");
    }
    print_entries(ctx, payload, length, command == request ? "req" : "resp", command == response);
}

}  // namespace rawdump::print
