#include "filter/ast_print.hpp"

#include <array>
#include <utility>

namespace rawdump::filter::ast {
namespace {

template <typename E, std::size_t N>
std::string_view lookup(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
    for (const auto& [key, name] : table)
        if (key == value) return name;
    return "?";
}

constexpr std::array<std::pair<Proto, std::string_view>, 39> proto_table{{
    {Proto::Ether, "ether"}, {Proto::Ip, "ip"}, {Proto::Ip6, "ip6"}, {Proto::Arp, "arp"},
    {Proto::Rarp, "rarp"}, {Proto::Tcp, "tcp"}, {Proto::Udp, "udp"}, {Proto::Sctp, "sctp"},
    {Proto::Icmp, "icmp"}, {Proto::Icmp6, "icmp6"}, {Proto::Igmp, "igmp"}, {Proto::Igrp, "igrp"},
    {Proto::Pim, "pim"}, {Proto::Vrrp, "vrrp"}, {Proto::Carp, "carp"}, {Proto::Ah, "ah"},
    {Proto::Esp, "esp"}, {Proto::Atalk, "atalk"}, {Proto::Aarp, "aarp"},
    {Proto::Decnet, "decnet"}, {Proto::Lat, "lat"}, {Proto::Sca, "sca"},
    {Proto::Mopdl, "mopdl"}, {Proto::Moprc, "moprc"}, {Proto::Iso, "iso"},
    {Proto::Esis, "esis"}, {Proto::Isis, "isis"}, {Proto::Clnp, "clnp"}, {Proto::Stp, "stp"},
    {Proto::Ipx, "ipx"}, {Proto::Netbeui, "netbeui"}, {Proto::Radio, "radio"},
    {Proto::L1, "l1"}, {Proto::L2, "l2"}, {Proto::Iih, "iih"}, {Proto::Lsp, "lsp"},
    {Proto::Snp, "snp"}, {Proto::Csnp, "csnp"}, {Proto::Psnp, "psnp"},
}};

constexpr std::array<std::pair<Dir, std::string_view>, 10> dir_table{{
    {Dir::Src, "src"}, {Dir::Dst, "dst"}, {Dir::SrcOrDst, "src or dst"},
    {Dir::SrcAndDst, "src and dst"}, {Dir::Addr1, "addr1"}, {Dir::Addr2, "addr2"},
    {Dir::Addr3, "addr3"}, {Dir::Addr4, "addr4"}, {Dir::Ra, "ra"}, {Dir::Ta, "ta"},
}};

constexpr std::array<std::pair<Kind, std::string_view>, 7> kind_table{{
    {Kind::Host, "host"}, {Kind::Net, "net"}, {Kind::Port, "port"},
    {Kind::Portrange, "portrange"}, {Kind::Gateway, "gateway"}, {Kind::Proto, "proto"},
    {Kind::Protochain, "protochain"},
}};

struct Printer {
    std::string out;

    void connective(Connective op) { out += op == Connective::And ? "and" : "or"; }

    void id(const IdOperand& operand) {
        boost::apply_visitor([this](const auto& node) { print(node); }, operand);
    }
    void print(const Value& value) {
        out += value.text;
        out += value.suffix;
    }
    void print(const IdNot& node) {
        out += "(not ";
        id(node.operand);
        out += ')';
    }
    void print(const IdGroup& group) {
        // Left-associative chain, printed nested like the expression chain.
        std::string inner;
        Printer first;
        first.id(group.first);
        inner = first.out;
        for (const auto& tail : group.rest) {
            Printer next;
            next.connective(tail.op);
            next.out += ' ' + inner + ' ';
            next.id(tail.operand);
            inner = '(' + next.out + ')';
        }
        out += inner;
    }
    void print(const Primitive& primitive) {
        out += '(';
        const auto& head = primitive.head;
        std::string words;
        if (head.proto) words += std::string(name_of(head.proto->value)) + ' ';
        if (head.dir) words += std::string(name_of(head.dir->value)) + ' ';
        if (head.kind) words += std::string(name_of(head.kind->value)) + ' ';
        out += words;
        id(primitive.id);
        out += ')';
    }
    void print(const ProtoAbbrev& abbrev) { out += name_of(abbrev.proto); }
    void print(const Other& other) {
        out += "(other " + other.keyword;
        if (other.argument) out += ' ' + other.argument->text;
        out += ')';
    }
    void print(const Relation& relation) {
        static constexpr std::array<std::string_view, 6> relops{">", ">=", "<", "<=", "=", "!="};
        out += '(';
        out += relops[static_cast<std::size_t>(relation.op)];
        out += ' ';
        print(relation.left);
        out += ' ';
        print(relation.right);
        out += ')';
    }
    void arith(const ArithOperand& operand) {
        boost::apply_visitor([this](const auto& node) { print(node); }, operand);
    }
    void print(const ArithValue& value) { out += value.text; }
    void print(const ArithLength&) { out += "len"; }
    void print(const ArithNegate& node) {
        out += "(neg ";
        arith(node.operand);
        out += ')';
    }
    void print(const PacketAccess& access) {
        out += name_of(access.proto.value);
        out += '[';
        print(access.index);
        if (access.size) out += ':' + access.size->text;
        out += ']';
    }
    // A chain without operators is just its operand, so precedence shows as nesting.
    void print(const ArithChain& chain) {
        static constexpr std::array<std::string_view, 10> ops{"|", "^", "&", "<<", ">>", "+", "-", "*", "/", "%"};
        std::string inner;
        {
            Printer first;
            first.arith(chain.first);
            inner = first.out;
        }
        for (const auto& step : chain.rest) {
            Printer next;
            next.arith(step.operand);
            inner = '(' + std::string(ops[static_cast<std::size_t>(step.op)]) + ' ' + inner + ' ' + next.out + ')';
        }
        out += inner;
    }
    void print(const Not& node) {
        out += "(not ";
        term(node.operand);
        out += ')';
    }
    void print(const Expr& expression) {
        std::string inner;
        {
            Printer first;
            first.term(expression.first);
            inner = first.out;
        }
        for (const auto& tail : expression.rest) {
            Printer next;
            next.connective(tail.op);
            next.out += ' ' + inner + ' ';
            boost::apply_visitor(
                [&next](const auto& operand) {
                    using T = std::decay_t<decltype(operand)>;
                    if constexpr (std::is_same_v<T, Term>) {
                        next.term(operand);
                    } else {
                        next.out += "(id ";
                        next.id(operand);
                        next.out += ')';
                    }
                },
                tail.operand);
            inner = '(' + next.out + ')';
        }
        out += inner;
    }
    template <typename T>
    void print(const x3::forward_ast<T>& node) {
        print(node.get());
    }
    void term(const Term& node) {
        boost::apply_visitor([this](const auto& alternative) { print(alternative); }, node);
    }
};

}  // namespace

std::string_view name_of(Proto proto) { return lookup(proto_table, proto); }
std::string_view name_of(Dir dir) { return lookup(dir_table, dir); }
std::string_view name_of(Kind kind) { return lookup(kind_table, kind); }

std::string to_sexpr(const Expr& expression) {
    Printer printer;
    printer.print(expression);
    return printer.out;
}

}  // namespace rawdump::filter::ast
