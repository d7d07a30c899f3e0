// A compact S-expression rendering of the parse tree, for tests and debugging:
//   "tcp port 22 or 80"  ->  (or (tcp port 22) (id 80))
#pragma once

#include <string>
#include <string_view>

#include "filter/ast.hpp"

namespace rawdump::filter::ast {

std::string to_sexpr(const Expr& expression);

std::string_view name_of(Proto proto);
std::string_view name_of(Dir dir);
std::string_view name_of(Kind kind);

}  // namespace rawdump::filter::ast
