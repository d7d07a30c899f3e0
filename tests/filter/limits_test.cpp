// Deep and long input: a one-line diagnostic at the limit (depth_limit.hpp), never a stack
// overflow; long and/or chains compile without recursing per term. Part of the `unit` suite,
// which scripts/test-sanitizers also runs under AddressSanitizer (bigger stack frames).
#include <doctest/doctest.h>

#include <string>

#include "filter/compile.hpp"
#include "filter/depth_limit.hpp"

using namespace rawdump;
using namespace rawdump::filter;

namespace {

std::string repeated(std::string_view piece, std::size_t times) {
    std::string out;
    out.reserve(piece.size() * times);
    for (std::size_t i = 0; i < times; ++i) out += piece;
    return out;
}

std::string parenthesised(std::string_view inner, std::size_t depth) {
    return std::string(depth, '(') + std::string(inner) + std::string(depth, ')');
}

// `port 0 or port 1 or ...`: `term` followed by the term's number (below 256), joined by
// `connective`; with `numbered` false, the same term every time.
std::string chain(std::size_t terms, std::string_view term, std::string_view connective,
                  bool numbered = true) {
    std::string out;
    out.reserve(terms * (term.size() + connective.size() + 3));
    for (std::size_t i = 0; i < terms; ++i) {
        if (i) out += connective;
        out += term;
        if (numbered) out += std::to_string(i % 256);
    }
    return out;
}

const std::string nesting_message =
    "expression nested too deeply (more than " + std::to_string(max_nesting_depth) +
    " levels of parentheses, brackets, 'not', unary '-', '%' or '^')";

// Compiles, or checks the nesting refusal and that the caret marks the token past the limit.
void check_refused_at_limit(const std::string& text, std::string_view marked) {
    auto program = compile(text, {});
    REQUIRE_FALSE(program.has_value());
    CHECK(program.error().message == nesting_message);
    CHECK(text.substr(program.error().offset, program.error().length) == marked);
}

}  // namespace

TEST_SUITE("filter.limits") {
    TEST_CASE("nesting up to the limit compiles, one level more is refused with the place") {
        const std::size_t n = max_nesting_depth;
        CHECK(compile(parenthesised("tcp", n), {}).has_value());
        check_refused_at_limit(parenthesised("tcp", n + 1), "(");
        CHECK(compile("len = " + parenthesised("len", n), {}).has_value());
        check_refused_at_limit("len = " + parenthesised("len", n + 1), "(");
        CHECK(compile(repeated("not ", n) + "tcp", {}).has_value());
        check_refused_at_limit(repeated("not ", n + 1) + "tcp", "not");
        CHECK(compile(repeated("! ", n) + "tcp", {}).has_value());
        CHECK(compile("len = " + repeated("- ", n) + "len", {}).has_value());
        check_refused_at_limit("len = " + repeated("- ", n + 1) + "len", "-");
        CHECK(compile("len = " + repeated("ip[", n) + "0" + repeated("]", n), {}).has_value());
        check_refused_at_limit("len = " + repeated("ip[", n + 1) + "0" + repeated("]", n + 1), "[");
        CHECK(compile("host " + parenthesised("10.0.0.1", n), {}).has_value());
        // libpcap's `%` and `^` take the rest of the expression: each one nests.
        check_refused_at_limit("len = len" + repeated(" ^ len", n + 1), "^");
        // Levels add up across kinds.
        check_refused_at_limit(repeated("not (", n / 2 + 1) + "tcp" + repeated(")", n / 2 + 1), "not");
    }

    TEST_CASE("what crashed before: thousands of levels give the one-line error") {
        for (const std::string& text :
             {parenthesised("tcp", 4300), "len = " + parenthesised("1", 430),
              repeated("not ", 30000) + "tcp", "len = " + repeated("-", 30000) + "1",
              "len = 1" + repeated(" % 1", 30000), parenthesised("tcp", 1'000'000)}) {
            auto program = compile(text, {});
            REQUIRE_FALSE(program.has_value());
            CHECK(program.error().message == nesting_message);
        }
    }

    TEST_CASE("arithmetic chains: long ones compile, past the limit the place is marked") {
        const std::string at_limit = "len = len" + repeated(" + len", max_arithmetic_operators);
        CHECK(compile(at_limit, {}).has_value());
        const std::string past = "len = len" + repeated(" + len", max_arithmetic_operators + 1);
        auto program = compile(past, {});
        REQUIRE_FALSE(program.has_value());
        CHECK(program.error().message == "arithmetic expression too long (more than " +
                                             std::to_string(max_arithmetic_operators) +
                                             " operators in one relation)");
        CHECK(program.error().offset == past.size() - 5);
        // A number with `-` in it is read as subtractions too (`tcp[0]-1-1-1...`).
        CHECK_FALSE(compile("tcp[0]" + repeated("-1", max_arithmetic_operators + 1) + " = 0", {}).has_value());
        // Each relation has its own count.
        CHECK(compile(at_limit + " and " + at_limit, {}).has_value());
    }

    TEST_CASE("long and/or chains compile without recursing per term") {
        // Unoptimised: sema, codegen, assembly and the trees' destruction on 40,000 terms
        // (SIGSEGV before, from 30,000). Cheap primitives keep this quick under ASan.
        CompileOptions unoptimised;
        unoptimised.optimize = false;
        CHECK(compile(chain(40000, "tcp", " or ", false), unoptimised).has_value());
        CHECK(compile(chain(40000, "len = ", " and "), unoptimised).has_value());
        std::string alternating = "tcp";
        for (int i = 1; i < 40000; ++i) alternating += i % 2 ? " or udp" : " and tcp";
        CHECK(compile(alternating, unoptimised).has_value());
        CHECK(compile(parenthesised(chain(20000, "ip", " or ", false), max_nesting_depth), unoptimised)
                  .has_value());
        // Optimised: a long chain of one-test primitives.
        CHECK(compile(chain(20000, "len = ", " or "), {}).has_value());
    }

    TEST_CASE("a 1 MB expression compiles or says it is too long") {
        std::string text = chain(90000, "port ", " or ");
        REQUIRE(text.size() > 1'000'000);
        auto program = compile(text, {});
        REQUIRE_FALSE(program.has_value());
        CHECK(program.error().message == "expression too long (more than " +
                                             std::to_string(max_terms) + " terms joined by 'and'/'or')");
        CHECK(text.substr(program.error().offset, program.error().length) == "or");
        CompileOptions unoptimised;
        unoptimised.optimize = false;
        CHECK(compile(chain(max_terms, "tcp", " || ", false), unoptimised).has_value());
        CHECK_FALSE(compile(chain(max_terms + 1, "tcp", " || ", false), unoptimised).has_value());
    }
}
