// The one translation unit that instantiates the X3 grammar (it takes most of the filter
// library's compile time; nothing else includes grammar_def.hpp).
#include "filter/grammar_def.hpp"

namespace rawdump::filter::grammar {

BOOST_SPIRIT_INSTANTIATE(expression_type, Iterator, Context)

expression_type const& expression_parser() { return expression; }

}  // namespace rawdump::filter::grammar
