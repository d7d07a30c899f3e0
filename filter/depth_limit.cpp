// The pre-parse depth check: one pass over the text with a stack of open groups.
#include "filter/depth_limit.hpp"

#include <fmt/format.h>

#include <vector>

namespace rawdump::filter {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_alnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
// Characters of ids, numbers, addresses and keywords (`tcp-syn`, `10.0.0.1`, `ff::1`,
// `\ip`, `0:2` inside brackets).
bool is_word_char(char c) {
    return is_alnum(c) || c == '_' || c == '.' || c == ':' || c == '-' || c == '\\';
}

// An open `(` or `[` (the outermost frame is the expression itself).
struct Frame {
    std::size_t depth_outside = 0;      // levels open around this frame's opening token
    std::size_t operators_outside = 0;  // arithmetic operators of the enclosing relations
    std::size_t greedy = 0;             // `%`/`^` seen in this frame's current relation
    std::size_t operators = 0;          // binary operators in this frame's current relation
};

class DepthChecker {
public:
    explicit DepthChecker(std::string_view text) : text_(text) { frames_.push_back({}); }

    std::optional<Diagnostic> run() {
        std::size_t at = 0;
        while (at < text_.size() && !error_) {
            if (is_blank(text_[at])) {
                ++at;
                continue;
            }
            at = token(at);
        }
        return std::move(error_);
    }

private:
    std::string_view text_;
    std::vector<Frame> frames_;
    std::size_t pending_prefix_ = 0;  // `not`/`!`/unary `-` waiting for their operand
    std::size_t terms_ = 1;           // terms joined by and/or so far
    bool after_operand_ = false;      // the previous token ends an operand (`-` is binary)
    std::optional<Diagnostic> error_;

    Frame& top() { return frames_.back(); }
    std::size_t depth() const {
        const Frame& frame = frames_.back();
        return frame.depth_outside + frame.greedy + pending_prefix_;
    }
    std::size_t operators() const { return frames_.back().operators_outside + frames_.back().operators; }

    void check(std::size_t at, std::size_t length) {
        if (error_) return;
        if (depth() > max_nesting_depth)
            error_ = Diagnostic{at, length,
                                fmt::format("expression nested too deeply (more than {} levels of "
                                            "parentheses, brackets, 'not', unary '-', '%' or '^')",
                                            max_nesting_depth)};
        else if (operators() > max_arithmetic_operators)
            error_ = Diagnostic{at, length,
                                fmt::format("arithmetic expression too long (more than {} operators "
                                            "in one relation)",
                                            max_arithmetic_operators)};
    }

    void open(std::size_t at) {
        const Frame& outer = top();
        Frame frame;
        frame.depth_outside = outer.depth_outside + outer.greedy + pending_prefix_ + 1;
        frame.operators_outside = outer.operators_outside + outer.operators;
        frames_.push_back(frame);
        pending_prefix_ = 0;
        after_operand_ = false;
        check(at, 1);
    }
    void close() {
        if (frames_.size() > 1) frames_.pop_back();  // an unbalanced ')' is the parser's to report
        pending_prefix_ = 0;
        after_operand_ = true;
    }
    void prefix(std::size_t at, std::size_t length) {
        ++pending_prefix_;
        after_operand_ = false;
        check(at, length);
    }
    void binary(std::size_t at, std::size_t length, bool greedy) {
        ++top().operators;
        if (greedy) ++top().greedy;
        after_operand_ = false;
        check(at, length);
    }
    void connective(std::size_t at, std::size_t length) {
        separator();
        if (++terms_ > max_terms && !error_)
            error_ = Diagnostic{at, length,
                                fmt::format("expression too long (more than {} terms joined by "
                                            "'and'/'or')",
                                            max_terms)};
    }
    // `and`/`or`/a comparison: the relation (and its arithmetic) ends here.
    void separator() {
        top().greedy = 0;
        top().operators = 0;
        pending_prefix_ = 0;
        after_operand_ = false;
    }

    std::size_t token(std::size_t at) {
        const char c = text_[at];
        const char next = at + 1 < text_.size() ? text_[at + 1] : '\0';
        if (is_word_char(c) && c != '-') return word(at);
        switch (c) {
            case '(':
            case '[': open(at); return at + 1;
            case ')':
            case ']': close(); return at + 1;
            case '!':
                if (next == '=') {
                    separator();
                    return at + 2;
                }
                prefix(at, 1);
                return at + 1;
            case '&':
            case '|':
                if (next == c) {
                    connective(at, 2);
                    return at + 2;
                }
                binary(at, 1, false);
                return at + 1;
            case '<':
            case '>':
                if (next == c) {
                    binary(at, 2, false);
                    return at + 2;
                }
                separator();
                return next == '=' ? at + 2 : at + 1;
            case '=': separator(); return next == '=' ? at + 2 : at + 1;
            case '-':
                if (after_operand_) binary(at, 1, false);
                else prefix(at, 1);
                return at + 1;
            case '+':
            case '*':
            case '/': binary(at, 1, false); return at + 1;
            case '%':
            case '^': binary(at, 1, true); return at + 1;
            default:
                // Anything else is a syntax error the parser reports; it nests nothing.
                after_operand_ = false;
                return at + 1;
        }
    }

    std::size_t word(std::size_t at) {
        std::size_t end = at;
        while (end < text_.size() && is_word_char(text_[end])) ++end;
        const std::string_view text = text_.substr(at, end - at);
        if (text == "not") {
            prefix(at, text.size());
        } else if (text == "and" || text == "or") {
            connective(at, text.size());
        } else {
            // A number followed by `-N-N...` is read by the grammar as subtractions.
            if (text[0] >= '0' && text[0] <= '9')
                for (std::size_t i = 1; i < text.size() && !error_; ++i)
                    if (text[i] == '-') binary(at + i, 1, false);
            pending_prefix_ = 0;
            after_operand_ = true;
        }
        return end;
    }
};

}  // namespace

std::optional<Diagnostic> check_depth(std::string_view expression) {
    return DepthChecker(expression).run();
}

}  // namespace rawdump::filter
