// Limits on how deep an expression may nest, checked on the text before anything recursive
// runs. The parser (Boost.Spirit X3, one C++ call chain per grammar rule), sema and codegen
// recurse once per level of parentheses, brackets, `not`, unary `-` and libpcap's greedy
// `%`/`^`; an arithmetic chain (`a + b + c ...`) becomes a left-deep tree that sema and codegen
// also walk recursively. Without a limit a few thousand levels overflow the stack (SIGSEGV).
// Long `and`/`or` chains need no stack: every pass walks them without recursing per term.
//
// The check is a rough tokenizer, deliberately conservative: it may count a level the
// grammar would not build (then the limit is reached a little earlier), never the reverse.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "filter/diagnostic.hpp"

namespace rawdump::filter {

// Levels of parentheses, brackets, `not`/`!`, unary `-` and `%`/`^` open at any point. Real
// filters stay under 20. Parentheses inside arithmetic are the most expensive: about 20 KB
// of parser stack per level in a release build (100 levels: about 2 MB of the default 8 MB
// stack; a debug build with AddressSanitizer needs less, its frames are not inlined).
inline constexpr std::size_t max_nesting_depth = 100;

// Binary arithmetic operators in one relation (`len + len + ... > 0`), each a level of the
// left-deep tree sema and codegen walk (1000: 256 KB of stack in a release build, 2 MB
// under AddressSanitizer).
inline constexpr std::size_t max_arithmetic_operators = 1000;

// Terms joined by `and`/`or` in the whole expression. Not a stack limit (chains are walked
// without recursion) but one on time and memory: the optimiser grows faster than linearly
// on long `port` chains (20,000 terms: about 8 s and 550 MB; 30,000: 23 s and 820 MB).
inline constexpr std::size_t max_terms = 50000;

// A diagnostic (with the span of the token that went past the limit) or nullopt.
std::optional<Diagnostic> check_depth(std::string_view expression);

}  // namespace rawdump::filter
