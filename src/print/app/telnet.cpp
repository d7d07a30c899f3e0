// Telnet (print-telnet.c): the IAC commands that open a segment, as " [telnet DO ECHO, ...]".
//
// tcpdump walks the commands twice, first silently to learn each one's length, then to print
// it. Its byte reads stop at the end of the capture (a longjmp to " [|telnet]"), while running
// out of the segment's declared length just ends the list. A subnegotiation whose terminating
// IAC SE is missing but whose last byte is IAC still "ends" two bytes later, past the segment:
// the unsigned length then wraps and the next read runs off the capture. All of that is kept.
#include <array>
#include <string_view>

#include "src/print/app/telnet.hpp"

namespace rawdump::print {
namespace {

constexpr std::uint8_t iac = 255, dont = 254, do_ = 253, wont = 252, will = 251, sb = 250, se = 240;
constexpr std::uint8_t first_command = 236;  // xEOF: commands below it are not commands
constexpr std::uint8_t option_authentication = 37, option_encrypt = 38;

// Indexed by command - 236.
constexpr std::array<std::string_view, 20> command_names = {
    "EOF", "SUSP", "ABORT", "EOR", "SE", "NOP", "DMARK", "BRK", "IP", "AO",
    "AYT", "EC", "EL", "GA", "SB", "WILL", "WONT", "DO", "DONT", "IAC",
};

// Options 0..39 have names; tcpdump prints the others in hex.
constexpr std::array<std::string_view, 40> option_names = {
    "BINARY", "ECHO", "RCP", "SUPPRESS GO AHEAD", "NAME",
    "STATUS", "TIMING MARK", "RCTE", "NAOL", "NAOP",
    "NAOCRD", "NAOHTS", "NAOHTD", "NAOFFD", "NAOVTS",
    "NAOVTD", "NAOLFD", "EXTEND ASCII", "LOGOUT", "BYTE MACRO",
    "DATA ENTRY TERMINAL", "SUPDUP", "SUPDUP OUTPUT", "SEND LOCATION", "TERMINAL TYPE",
    "END OF RECORD", "TACACS UID", "OUTPUT MARKING", "TTYLOC", "3270 REGIME",
    "X.3 PAD", "NAWS", "TSPEED", "LFLOW", "LINEMODE",
    "XDISPLOC", "OLD-ENVIRON", "AUTHENTICATION", "ENCRYPT", "NEW-ENVIRON",
};

// Subnegotiation qualifiers; an empty name is a hole in tcpdump's table (printed in hex).
constexpr std::array<std::string_view, 3> qualifiers = {"IS", "SEND", "INFO"};
constexpr std::array<std::string_view, 4> auth_commands = {"IS", "SEND", "REPLY", "NAME"};
constexpr std::array<std::string_view, 16> auth_types = {
    "NULL", "KERBEROS_V4", "KERBEROS_V5", "SPX", "MINK", "SRP", "RSA", "SSL",
    "",     "",            "LOKI",        "SSA", "KEA_SJ", "KEA_SJ_INTEG", "DSS", "NTLM",
};
constexpr std::array<std::string_view, 9> encrypt_commands = {
    "IS", "SUPPORT", "REPLY", "START", "END", "REQUEST-START", "REQUEST-END", "END_KEYID", "DEC_KEYID",
};
constexpr std::array<std::string_view, 10> encrypt_types = {
    "NULL", "DES_CFB64", "DES_OFB64", "DES3_CFB64", "DES3_OFB64",
    "",     "CAST5_40_CFB64", "CAST5_40_OFB64", "CAST128_CFB64", "CAST128_OFB64",
};

// C's "%#x": 0 prints as "0", anything else with the 0x prefix.
void print_alt_hex(Context& ctx, unsigned value) {
    if (value == 0)
        ctx.put('0');
    else
        ctx.print("{:#x}", value);
}

template <std::size_t N>
void print_name_or_hex(Context& ctx, const std::array<std::string_view, N>& names, unsigned value) {
    ctx.put(' ');
    if (value < N && !names[value].empty()) return ctx.put(names[value]);
    print_alt_hex(ctx, value);
}

constexpr int end_of_list = -1;  // tcpdump's "pktend": not a (whole) command

// One pass over the command at `start`. `cut` is set where tcpdump's read would longjmp.
class CommandParser {
public:
    CommandParser(Context& ctx, const ByteReader& payload, bool print)
        : ctx_(ctx), payload_(payload), print_(print) {}
    bool cut() const noexcept { return cut_; }

    // The command's length in bytes, or end_of_list.
    int parse(std::size_t start, std::uint32_t length) {
        std::size_t at = start;
        unsigned c = 0;
        if (!fetch(at, length, c) || c != iac) return end_of_list;
        if (!fetch(at, length, c)) return end_of_list;
        if (c == iac) {
            put("IAC IAC");
            return int(at - start);
        }
        if (c < first_command) return end_of_list;
        const std::string_view name = command_names[c - first_command];
        if (c != dont && c != do_ && c != wont && c != will && c != sb) {
            put(name);
            return int(at - start);
        }
        unsigned option = 0;
        if (!fetch(at, length, option)) return end_of_list;
        if (print_) {
            ctx_.put(name);
            ctx_.put(' ');
            if (option < option_names.size())
                ctx_.put(option_names[option]);
            else
                print_alt_hex(ctx_, option);
        }
        if (c != sb) return int(at - start);
        return subnegotiation(start, at, length, option);
    }

private:
    // IAC SB option ... IAC SE, `at` just past the option byte.
    int subnegotiation(std::size_t start, std::size_t at, std::uint32_t length, unsigned option) {
        // Find the IAC SE within the declared length (reading the SE only after an IAC).
        std::size_t end = at;
        while (length > end + 1 - at) {
            unsigned b = byte(end);
            if (cut_) return end_of_list;
            if (b == iac) {
                unsigned next = byte(end + 1);
                if (cut_) return end_of_list;
                if (next == se) break;
            }
            ++end;
        }
        unsigned last = byte(end);
        if (cut_ || last != iac) return end_of_list;

        // A qualifier (two for AUTHENTICATION and ENCRYPT) by name, while bytes remain.
        unsigned c = 0;
        bool failed = false;
        auto named = [&](const auto& names) {
            if (failed || end <= at) return false;
            if (!fetch(at, length, c)) {
                failed = true;
                return false;
            }
            if (print_) print_name_or_hex(ctx_, names, c);
            return true;
        };
        if (option == option_authentication) {
            if (named(auth_commands)) named(auth_types);
        } else if (option == option_encrypt) {
            if (named(encrypt_commands)) named(encrypt_types);
        } else {
            named(qualifiers);
        }
        if (failed) return end_of_list;
        while (end > at) {
            if (!fetch(at, length, c)) return end_of_list;
            if (print_) {
                ctx_.put(' ');
                print_alt_hex(ctx_, c);
            }
        }
        put(" SE");
        return int(at + 2 - start);  // the IAC SE, even when it lies past the segment
    }

    unsigned byte(std::size_t at) {
        ByteReader one = payload_.window(at, 1);
        unsigned b = one.u8();
        if (one.truncated()) cut_ = true;
        return b;
    }
    // tcpdump's FETCH: the declared length ends the command quietly, the capture does not.
    bool fetch(std::size_t& at, std::uint32_t& length, unsigned& value) {
        if (length < 1) return false;
        value = byte(at);
        if (cut_) return false;
        ++at;
        --length;
        return true;
    }
    void put(std::string_view s) {
        if (print_) ctx_.put(s);
    }

    Context& ctx_;
    const ByteReader& payload_;
    bool print_;
    bool cut_ = false;
};

// print-ascii.c hex_print_with_offset with a "\n" prefix: 16 bytes a line, numbered from
// `offset`. It reads byte by byte, so a cut capture ends the dump mid-line.
bool hex_with_offset(Context& ctx, const ByteReader& payload, std::size_t at, std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) {
        if (i % 16 == 0) ctx.print("\n0x{:04x}: ", at + i);
        ByteReader one = payload.window(at + i, 1);
        unsigned b = one.u8();
        if (one.truncated()) return false;
        if (i % 2 == 0) ctx.put(' ');
        ctx.print("{:02x}", b);
    }
    return true;
}

}  // namespace

void print_telnet_commands(Context& ctx, ByteReader payload, std::uint32_t length) {
    // -vvv -X shows each command under its bytes instead of the bracketed list.
    const bool listing = ctx.options.hex_ascii && ctx.options.hex != HexDump::None && ctx.options.verbosity > 2;
    bool first = true;
    std::size_t at = 0;
    while (length > 0) {
        ByteReader lead = payload.window(at, 1);
        unsigned b = lead.u8();
        if (lead.truncated()) return ctx.truncated_unwind("telnet");
        if (b != iac) break;

        CommandParser measure(ctx, payload, false);
        int size = measure.parse(at, length);
        if (measure.cut()) return ctx.truncated_unwind("telnet");
        if (size < 0) break;

        if (listing) {
            if (first) ctx.put("\nTelnet:");
            if (!hex_with_offset(ctx, payload, at, std::size_t(size))) return ctx.truncated_unwind("telnet");
            if (size > 8)
                ctx.put("\n\t\t\t\t");
            else
                ctx.print("{:{}}\t", "", (8 - size) * 3);
        } else {
            ctx.put(first ? " [telnet " : ", ");
        }
        CommandParser print(ctx, payload, true);
        print.parse(at, length);
        first = false;
        at += std::size_t(size);
        length -= std::uint32_t(size);  // wraps like tcpdump's u_int when IAC SE lay past the end
    }
    if (!first) ctx.put(listing ? "\n" : "]");
}

}  // namespace rawdump::print
