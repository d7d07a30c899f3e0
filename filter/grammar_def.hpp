// The pcap-filter grammar (libpcap's grammar.y, as a PEG). Included only by grammar.cpp.
//
// Shape, loosest binding first:
//   expression := term (connective operand)*        -- and/or: same precedence, left to right
//   operand    := term | id                          -- a bare id inherits qualifiers (sema)
//   term       := not term | relation | '(' expression ')' | other | primitive | proto
//   relation   := arith relop arith      -- arith: | < ^ < & < << >> < + - < * / % < unary -
//   primitive  := head id                            -- head = [proto] (dir [kind] | kind)
//   id         := value | not id | '(' id (connective id)* ')'
// Expectation points (`>`) sit only where nothing else could follow, so that backtracking
// between the term and bare-id readings of an operand stays possible everywhere else.
#pragma once

#include <boost/spirit/home/x3.hpp>

#include <string>

#include "filter/ast.hpp"
#include "filter/ast_adapted.hpp"
#include "filter/grammar.hpp"

namespace rawdump::filter::grammar {

using x3::lexeme;
using x3::lit;
using x3::raw;

// ---- word tables ---------------------------------------------------------------------------

struct proto_names_ : x3::symbols<ast::Proto> {
    proto_names_() {
        using P = ast::Proto;
        add("ether", P::Ether)("link", P::Ether)("ppp", P::Ether)("slip", P::Ether)
           ("fddi", P::Ether)("tr", P::Ether)("wlan", P::Ether)
           ("ip", P::Ip)("ip6", P::Ip6)("arp", P::Arp)("rarp", P::Rarp)("tcp", P::Tcp)
           ("udp", P::Udp)("sctp", P::Sctp)("icmp", P::Icmp)("icmp6", P::Icmp6)
           ("igmp", P::Igmp)("igrp", P::Igrp)("pim", P::Pim)("vrrp", P::Vrrp)("carp", P::Carp)
           ("ah", P::Ah)("esp", P::Esp)("atalk", P::Atalk)("aarp", P::Aarp)
           ("decnet", P::Decnet)("lat", P::Lat)("sca", P::Sca)("mopdl", P::Mopdl)
           ("moprc", P::Moprc)("iso", P::Iso)("esis", P::Esis)("es-is", P::Esis)
           ("isis", P::Isis)("is-is", P::Isis)("clnp", P::Clnp)("stp", P::Stp)("ipx", P::Ipx)
           ("netbeui", P::Netbeui)("radio", P::Radio)("l1", P::L1)("l2", P::L2)("iih", P::Iih)
           ("lsp", P::Lsp)("snp", P::Snp)("csnp", P::Csnp)("psnp", P::Psnp);
    }
} const proto_names;

struct dir_names_ : x3::symbols<ast::Dir> {
    dir_names_() {
        using D = ast::Dir;
        add("src", D::Src)("dst", D::Dst)("addr1", D::Addr1)("addr2", D::Addr2)
           ("addr3", D::Addr3)("addr4", D::Addr4)("ra", D::Ra)("ta", D::Ta);
    }
} const dir_names;

struct kind_names_ : x3::symbols<ast::Kind> {
    kind_names_() {
        using K = ast::Kind;
        add("host", K::Host)("net", K::Net)("port", K::Port)("portrange", K::Portrange)
           ("gateway", K::Gateway)("proto", K::Proto)("protochain", K::Protochain);
    }
} const kind_names;

// Primitives that are a keyword (optionally after a protocol) plus an optional argument.
struct other_names_ : x3::symbols<> {
    other_names_() {
        for (const char* word :
             {"less", "greater", "vlan", "mpls", "pppoed", "pppoes", "geneve", "vxlan",
              "broadcast", "multicast", "inbound", "outbound", "ifindex", "llc", "on", "ifname",
              "rset", "ruleset", "rnr", "rulenum", "srnr", "subrulenum", "reason", "action",
              "type", "subtype", "dir", "fisu", "lssu", "lsu", "msu", "hfisu", "hlssu", "hmsu",
              "sio", "opc", "dpc", "sls", "hsio", "hopc", "hdpc", "hsls", "vpi", "vci", "lane",
              "oam", "oamf4", "oamf4ec", "oamf4sc", "metac", "bcc", "sc", "ilmic",
              "connectmsg", "metaconnect", "byte"})
            add(word);
    }
} const other_names;

// A keyword matches only as a whole word: `tcp` is not the start of `tcp-syn` or `tcpflags`.
const auto word_end = !(x3::alnum | x3::char_("_.-"));
template <typename Parser>
auto keyword(Parser parser) {
    return lexeme[parser >> word_end];
}

const auto and_word = keyword(lit("and")) | lit("&&");
const auto or_word = keyword(lit("or")) | lit("||");
const auto not_word = keyword(lit("not")) | (lit('!') >> !lit('='));
const auto any_keyword = keyword(proto_names | dir_names | kind_names | other_names) |
                         keyword(lit("and") | "or" | "not" | "len" | "length" | "mask");

// ---- semantic actions ----------------------------------------------------------------------

// Records the text matched by a raw[] subject as the rule's node position. (Boost 1.74's
// _where is the rest of the input, not the match, so raw[] provides the range.)
const auto annotate_matched = [](auto& ctx) {
    const auto& range = x3::_attr(ctx);
    x3::get<position_cache_tag>(ctx).get().annotate(x3::_val(ctx), range.begin(), range.end());
};

auto make_value(ast::ValueForm form) {
    return [form](auto& ctx) {
        auto& value = x3::_val(ctx);
        value.form = form;
        const auto& range = x3::_attr(ctx);
        value.text.assign(range.begin(), range.end());
        annotate_matched(ctx);
    };
}
const auto set_suffix = [](auto& ctx) {
    const auto& range = x3::_attr(ctx);
    auto& suffix = x3::_val(ctx).suffix;
    suffix.assign(range.begin(), range.end());
    // libpcap's lexer makes '/' a token of its own: "10.0.0.0/ 8" is "/8".
    if (suffix.starts_with('/')) std::erase_if(suffix, [](char c) { return c == ' ' || c == '\t'; });
};
// Remembers the kind of the last complete head, for "expected a port number" messages.
// Done when a head is complete, so failed attempts at other readings leave it alone.
const auto note_head = [](auto& ctx) {
    const ast::Head& head = x3::_val(ctx);
    auto& state = x3::get<parse_state_tag>(ctx).get();
    state.last_kind_known = head.kind.has_value();
    if (head.kind) state.last_kind = head.kind->value;
};
const auto set_kind = [](auto& ctx) { x3::_val(ctx).value = x3::_attr(ctx); };
const auto set_head_proto = [](auto& ctx) { x3::_val(ctx).proto = x3::_attr(ctx); };
const auto set_head_dir = [](auto& ctx) { x3::_val(ctx).dir = x3::_attr(ctx); };
const auto set_head_kind = [](auto& ctx) { x3::_val(ctx).kind = x3::_attr(ctx); };

// Rules whose node records its source span.
struct annotate_position {
    template <typename T, typename Iter, typename Ctx>
    void on_success(const Iter& first, const Iter& last, T& node, const Ctx& context) {
        x3::get<position_cache_tag>(context).get().annotate(node, first, last);
    }
};

// ---- rule declarations ---------------------------------------------------------------------
// Rules whose definition fills the attribute through semantic actions (value, kind_qualifier,
// head) are not annotated by on_success (X3 hands it `unused` for them); their actions call
// annotate_matched instead.

struct value_class : annotate_position {};
struct id_operand_class {};
struct id_not_class : annotate_position {};
struct id_group_class : annotate_position {};
struct id_tail_class : annotate_position {};
struct proto_qualifier_class : annotate_position {};
struct dir_qualifier_class : annotate_position {};
struct kind_qualifier_class : annotate_position {};
struct head_class : annotate_position {};
struct primitive_class : annotate_position {};
struct proto_abbrev_class : annotate_position {};
struct other_class : annotate_position {};
struct relation_class : annotate_position {};
struct arith_value_class : annotate_position {};
struct arith_length_class : annotate_position {};
struct packet_access_class : annotate_position {};
struct arith_negate_class : annotate_position {};
struct arith_primary_class {};
struct arith_level_class : annotate_position {};
struct arith_step_class : annotate_position {};
struct not_term_class : annotate_position {};
struct paren_class : annotate_position {};
struct term_class {};
struct operand_class {};
struct tail_class : annotate_position {};
struct connective_class {};

const x3::rule<value_class, ast::Value> value = "an address, number or name";
const x3::rule<id_operand_class, ast::IdOperand> id_operand = "an id";
const x3::rule<id_not_class, ast::IdNot> id_not = "'not' id";
const x3::rule<id_group_class, ast::IdGroup> id_group = "a parenthesised id list";
const x3::rule<id_tail_class, ast::IdTail> id_tail = "'and'/'or' id";
const x3::rule<proto_qualifier_class, ast::ProtoQualifier> proto_qualifier = "a protocol";
const x3::rule<dir_qualifier_class, ast::DirQualifier> dir_qualifier = "a direction";
const x3::rule<kind_qualifier_class, ast::KindQualifier> kind_qualifier = "host, net or port";
const x3::rule<head_class, ast::Head> head = "qualifiers";
const x3::rule<primitive_class, ast::Primitive> primitive = "a primitive";
const x3::rule<proto_abbrev_class, ast::ProtoAbbrev> proto_abbrev = "a protocol name";
const x3::rule<other_class, ast::Other> other = "a keyword primitive";
const x3::rule<relation_class, ast::Relation> relation = "a relation";
const x3::rule<arith_value_class, ast::ArithValue> arith_value = "a number";
const x3::rule<arith_length_class, ast::ArithLength> arith_length = "len";
const x3::rule<packet_access_class, ast::PacketAccess> packet_access = "a packet access";
const x3::rule<arith_negate_class, ast::ArithNegate> arith_negate = "a negation";
const x3::rule<arith_primary_class, ast::ArithOperand> arith_primary = "an arithmetic operand";
// One rule per precedence level, loosest first.
struct or_level_class : arith_level_class {};
struct unit_class : arith_level_class {};
struct and_level_class : arith_level_class {};
struct shift_level_class : arith_level_class {};
struct additive_level_class : arith_level_class {};
struct multiplicative_level_class : arith_level_class {};
struct or_step_class : arith_step_class {};
struct greedy_step_class : arith_step_class {};
struct and_step_class : arith_step_class {};
struct shift_step_class : arith_step_class {};
struct additive_step_class : arith_step_class {};
struct multiplicative_step_class : arith_step_class {};
const x3::rule<or_level_class, ast::ArithChain> arith = "an arithmetic expression";
const x3::rule<unit_class, ast::ArithChain> arith_unit = "an arithmetic expression";
const x3::rule<and_level_class, ast::ArithChain> and_level = "an arithmetic expression";
const x3::rule<shift_level_class, ast::ArithChain> shift_level = "an arithmetic expression";
const x3::rule<additive_level_class, ast::ArithChain> additive_level = "an arithmetic expression";
const x3::rule<multiplicative_level_class, ast::ArithChain> multiplicative_level = "an arithmetic expression";
const x3::rule<or_step_class, ast::ArithStep> or_step = "'|' operand";
const x3::rule<greedy_step_class, ast::ArithStep> greedy_step = "'%'/'^' operand";
const x3::rule<and_step_class, ast::ArithStep> and_step = "'&' operand";
const x3::rule<shift_step_class, ast::ArithStep> shift_step = "shift operand";
const x3::rule<additive_step_class, ast::ArithStep> additive_step = "'+'/'-' operand";
const x3::rule<multiplicative_step_class, ast::ArithStep> multiplicative_step = "'*'/'/'/'%' operand";
const x3::rule<not_term_class, ast::Not> not_term = "'not' term";
const x3::rule<paren_class, ast::Expr> paren_expression = "a parenthesised expression";
const x3::rule<term_class, ast::Term> term = "a primitive";
const x3::rule<operand_class, ast::Operand> operand = "a primitive or an id";
const x3::rule<tail_class, ast::Tail> tail = "'and'/'or' operand";
const x3::rule<connective_class, ast::Connective> connective = "'and' or 'or'";
const expression_type expression = "an expression";

// ---- values --------------------------------------------------------------------------------

const auto hex_digits = +x3::xdigit;
const auto number_text = lexeme[((lit("0x") | "0X") >> hex_digits) | +x3::digit];
const auto dotted_text = lexeme[+x3::digit >> +('.' >> +x3::digit)];
const auto value_end = !(x3::alnum | x3::char_("_.:-"));
const auto mac_byte = x3::repeat(1, 2)[x3::xdigit];
const auto mac_quad = x3::repeat(4)[x3::xdigit];
// libpcap's scanner also takes "a.b.c.d.e.f" and twelve hex digits ("abcdef000003").
const auto mac_text = lexeme[(mac_byte >> x3::repeat(5)[':' >> mac_byte]) |
                             (mac_byte >> x3::repeat(5)['-' >> mac_byte]) |
                             (mac_byte >> x3::repeat(5)['.' >> mac_byte]) |
                             (mac_quad >> '.' >> mac_quad >> '.' >> mac_quad) |
                             x3::repeat(12)[x3::xdigit]];
const auto ipv6_text = lexeme[&(*x3::xdigit >> ':') >> +(x3::xdigit | x3::char_(":."))];
// "1000-2000", and what libpcap's portrange reader also takes: "1-ssh", "1-2-3" (= 1-2).
const auto range_text = lexeme[+x3::digit >> '-' >> +(x3::alnum | x3::char_("_-"))];
const auto name_text =
    lexeme[('\\' >> +(x3::alnum | x3::char_("_.-"))) |
           (!any_keyword >> (x3::alpha | x3::char_('_')) >> *(x3::alnum | x3::char_("_.-")))];
// "/len" (a number, so "/0x8" too) or "mask A.B.C.D" (partial masks allowed: "mask 255.255").
const auto prefix_suffix = raw['/' >> lexeme[number_text]];
const auto prefix_or_mask_suffix =
    raw[('/' >> lexeme[number_text]) | (keyword(lit("mask")) >> lexeme[+x3::digit >> *('.' >> +x3::digit)])];

const auto value_def =
    (raw[lexeme[mac_text >> value_end]][make_value(ast::ValueForm::Mac)]) |
    (raw[lexeme[ipv6_text >> value_end]][make_value(ast::ValueForm::Ipv6)] >>
     -prefix_suffix[set_suffix]) |
    (raw[lexeme[dotted_text >> value_end]][make_value(ast::ValueForm::Ipv4)] >>
     -prefix_or_mask_suffix[set_suffix]) |
    (raw[lexeme[range_text >> value_end]][make_value(ast::ValueForm::Range)]) |
    // libpcap takes no "/len" or "mask" after a plain number (`net 10/8` is a syntax error).
    (raw[lexeme[number_text >> value_end]][make_value(ast::ValueForm::Number)]) |
    (raw[name_text][make_value(ast::ValueForm::Name)]);

// ---- ids -----------------------------------------------------------------------------------

const auto connective_def = (and_word >> x3::attr(ast::Connective::And)) |
                            (or_word >> x3::attr(ast::Connective::Or));
const auto id_operand_def = value | id_not | id_group;
const auto id_not_def = not_word >> id_operand;
const auto id_tail_def = connective > id_operand;
const auto id_group_def = '(' >> id_operand >> *id_tail > ')';

// ---- qualifiers and primitives -------------------------------------------------------------

const auto src_word = keyword(lit("src"));
const auto dst_word = keyword(lit("dst"));
const auto proto_qualifier_def = keyword(proto_names);
const auto dir_qualifier_def =
    (src_word >> or_word >> dst_word | dst_word >> or_word >> src_word) >>
        x3::attr(ast::Dir::SrcOrDst) |
    (src_word >> and_word >> dst_word | dst_word >> and_word >> src_word) >>
        x3::attr(ast::Dir::SrcAndDst) |
    keyword(dir_names);
const auto kind_qualifier_def = raw[keyword(kind_names)[set_kind]][annotate_matched];

const auto head_def = raw[-proto_qualifier[set_head_proto] >>
                          ((dir_qualifier[set_head_dir] >> -kind_qualifier[set_head_kind]) |
                           kind_qualifier[set_head_kind])][annotate_matched][note_head];
const auto primitive_def = head > id_operand;
const auto proto_abbrev_def = keyword(proto_names);
// `llc rnr`: an LLC frame type that is also a (pf) keyword.
struct keyword_value_class : annotate_position {};
const x3::rule<keyword_value_class, ast::Value> keyword_value = "an LLC frame type";
const auto keyword_value_def = raw[keyword(lit("rnr"))][make_value(ast::ValueForm::Name)];
const auto other_def = raw[lexeme[-(proto_names >> +x3::space) >> other_names >> word_end]] >>
                       -(value | keyword_value);

// ---- arithmetic relations -------------------------------------------------------------------

struct relops_ : x3::symbols<ast::RelOp> {
    relops_() {
        using R = ast::RelOp;
        add(">=", R::GreaterEqual)("<=", R::LessEqual)(">", R::Greater)("<", R::Less)
           ("==", R::Equal)("=", R::Equal)("!=", R::NotEqual);
    }
} const relops;

// In arithmetic a number may be followed directly by ':' (`udp[0:2]`) or an operator.
const auto arith_value_def = raw[lexeme[number_text >> !(x3::alnum | x3::char_("_."))]] | raw[name_text];
const auto arith_length_def = raw[keyword(lit("length") | lit("len"))];
const auto packet_access_def = lexeme[proto_qualifier >> '['] > arith >
                               -(':' > arith_value) > ']';
const auto arith_negate_def = '-' >> arith_unit;
const auto arith_primary_def =
    packet_access | arith_length | arith_value | arith_negate | ('(' >> arith >> ')');

// libpcap's grammar gives `%` and `^` no precedence, so bison always shifts them: each binds
// to the operand just before it and takes the whole rest of the expression as its right
// side (`a + b % c - d` is a + (b % (c - d)), `a & b ^ c | d` is a & (b ^ (c | d))).
// A "unit" is a primary plus such a greedy tail. `|` and `&` only count when not doubled:
// `||` and `&&` are the logical connectives.
const auto or_step_def = (lit('|') >> !lit('|') >> x3::attr(ast::ArithOp::Or)) >> and_level;
const auto and_step_def = (lit('&') >> !lit('&') >> x3::attr(ast::ArithOp::And)) >> shift_level;
const auto shift_step_def = ((lit("<<") >> x3::attr(ast::ArithOp::Lsh)) |
                             (lit(">>") >> x3::attr(ast::ArithOp::Rsh))) >> additive_level;
const auto additive_step_def = ((lit('+') >> x3::attr(ast::ArithOp::Add)) |
                                (lit('-') >> x3::attr(ast::ArithOp::Sub))) >> multiplicative_level;
const auto multiplicative_step_def = ((lit('*') >> x3::attr(ast::ArithOp::Mul)) |
                                      (lit('/') >> x3::attr(ast::ArithOp::Div))) >> arith_unit;
const auto greedy_step_def = ((lit('%') >> x3::attr(ast::ArithOp::Mod)) |
                           (lit('^') >> x3::attr(ast::ArithOp::Xor))) >> arith;
const auto arith_def = and_level >> *or_step;
const auto arith_unit_def = arith_primary >> *greedy_step;
const auto and_level_def = shift_level >> *and_step;
const auto shift_level_def = additive_level >> *shift_step;
const auto additive_level_def = multiplicative_level >> *additive_step;
const auto multiplicative_level_def = arith_unit >> *multiplicative_step;

const auto relation_def = arith >> relops > arith;

// ---- expressions ---------------------------------------------------------------------------

const auto not_term_def = not_word >> term;
const auto paren_expression_def = '(' >> expression > ')';
// A relation is tried before a parenthesised expression so that `(len - 4) > 60` reads as
// arithmetic; an arithmetic attempt fails quickly on anything that is not (`(tcp or udp)`).
const auto term_def = not_term | relation | paren_expression | other | primitive | proto_abbrev;
const auto operand_def = term | id_operand;
const auto tail_def = connective > operand;
const auto expression_def = term >> *tail;

BOOST_SPIRIT_DEFINE(value, keyword_value, id_operand, id_not, id_group, id_tail, proto_qualifier,
                    dir_qualifier, kind_qualifier, head, primitive, proto_abbrev, other,
                    relation, arith_value, arith_length, packet_access, arith_negate,
                    arith_primary, arith, arith_unit, and_level, shift_level, additive_level,
                    multiplicative_level, or_step, greedy_step, and_step, shift_step, additive_step,
                    multiplicative_step, not_term, paren_expression, term, operand, tail, connective,
                    expression)

}  // namespace rawdump::filter::grammar
