// Declaration of the pcap-filter grammar. Only grammar.cpp instantiates it (X3 is expensive
// to compile); parse.cpp is the one other file that includes this header.
#pragma once

#include <boost/spirit/home/x3.hpp>
#include <boost/spirit/home/x3/support/ast/position_tagged.hpp>
#include <boost/spirit/home/x3/support/utility/annotate_on_success.hpp>

#include <vector>

#include "filter/ast.hpp"

namespace rawdump::filter::grammar {

namespace x3 = boost::spirit::x3;

using Iterator = const char*;

// Context shared by every rule: the position cache that annotates nodes, and the parse state
// that remembers the last qualifier kind (to word "expected a port number" messages).
using PositionCache = x3::position_cache<std::vector<Iterator>>;
struct position_cache_tag;

struct ParseState {
    // The most recent kind qualifier seen, so a missing id after `port` can be reported as
    // "expected a port number or name" rather than a generic "expected an id".
    bool last_kind_known = false;
    ast::Kind last_kind = ast::Kind::Host;
};
struct parse_state_tag;

using PhraseContext = x3::phrase_parse_context<x3::ascii::space_type>::type;
using Context = x3::context<
    parse_state_tag, std::reference_wrapper<ParseState>,
    x3::context<position_cache_tag, std::reference_wrapper<PositionCache>, PhraseContext>>;

struct expression_class;
using expression_type = x3::rule<expression_class, ast::Expr>;
BOOST_SPIRIT_DECLARE(expression_type)

// The whole input: an expression followed by the end of input.
expression_type const& expression_parser();

}  // namespace rawdump::filter::grammar
