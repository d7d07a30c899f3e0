// Fusion adaptation of the parse tree, so X3 can fill the structs field by field.
#pragma once

#include <boost/fusion/include/adapt_struct.hpp>

#include "filter/ast.hpp"

BOOST_FUSION_ADAPT_STRUCT(rawdump::filter::ast::ProtoQualifier, value)
BOOST_FUSION_ADAPT_STRUCT(rawdump::filter::ast::DirQualifier, value)
BOOST_FUSION_ADAPT_STRUCT(rawdump::filter::ast::KindQualifier, value)
BOOST_FUSION_ADAPT_STRUCT(rawdump::filter::ast::Head, proto, dir, kind)
BOOST_FUSION_ADAPT_STRUCT(rawdump::filter::ast::IdTail, op, operand)
BOOST_FUSION_ADAPT_STRUCT(rawdump::filter::ast::IdGroup, first, rest)
BOOST_FUSION_ADAPT_STRUCT(rawdump::filter::ast::IdNot, operand)
BOOST_FUSION_ADAPT_STRUCT(rawdump::filter::ast::Primitive, head, id)
BOOST_FUSION_ADAPT_STRUCT(rawdump::filter::ast::ProtoAbbrev, proto)
BOOST_FUSION_ADAPT_STRUCT(rawdump::filter::ast::Other, keyword, argument)
BOOST_FUSION_ADAPT_STRUCT(rawdump::filter::ast::ArithValue, text)
BOOST_FUSION_ADAPT_STRUCT(rawdump::filter::ast::ArithLength, keyword)
BOOST_FUSION_ADAPT_STRUCT(rawdump::filter::ast::ArithStep, op, operand)
BOOST_FUSION_ADAPT_STRUCT(rawdump::filter::ast::ArithChain, first, rest)
BOOST_FUSION_ADAPT_STRUCT(rawdump::filter::ast::ArithNegate, operand)
BOOST_FUSION_ADAPT_STRUCT(rawdump::filter::ast::PacketAccess, proto, index, size)
BOOST_FUSION_ADAPT_STRUCT(rawdump::filter::ast::Relation, left, op, right)
BOOST_FUSION_ADAPT_STRUCT(rawdump::filter::ast::Not, operand)
BOOST_FUSION_ADAPT_STRUCT(rawdump::filter::ast::Tail, op, operand)
BOOST_FUSION_ADAPT_STRUCT(rawdump::filter::ast::Expr, first, rest)
