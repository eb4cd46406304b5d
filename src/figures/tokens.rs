//! The lexer: a sentence as tokens (numbers with their digits and suffix,
//! words, punctuation), each with its byte span, which every reading
//! stage looks around.

use std::ops::Range;

use super::lexicon::Lexicon;

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Tok {
    /// Digits as written: value, digits after the point, letter suffix.
    Num {
        value: f64,
        decimals: usize,
        grouped: bool,
        suffix: String,
    },
    Word(String),
    Punct(char),
}

#[derive(Debug, Clone)]
pub(super) struct Token {
    pub(super) tok: Tok,
    pub(super) span: Range<usize>,
    /// Whether the word as written starts with a capital letter.
    pub(super) capital: bool,
}

/// The tokens of `text`, its numbers written with `lex`'s separators.
pub(super) fn tokenize(text: &str, lex: &Lexicon) -> Vec<Token> {
    // `find_iter` runs the lazy DFA; what kind each token is follows from
    // its first character, so no capture groups are needed.
    lex.pattern
        .find_iter(text)
        .filter_map(|found| {
            let span = found.range();
            let whole = found.as_str();
            let first = whole.chars().next()?;
            let tok = if first.is_ascii_digit() || (first == lex.decimal_mark && whole.len() > 1) {
                // The number runs to its first letter or `%`: the suffix.
                let split = whole
                    .find(|c: char| c.is_ascii_alphabetic() || c == '%')
                    .unwrap_or(whole.len());
                let (num, suffix) = whole.split_at(split);
                let digits: String = num
                    .chars()
                    .filter(|c| c.is_ascii_digit() || *c == lex.decimal_mark)
                    .map(|c| if c.is_ascii_digit() { c } else { '.' })
                    .collect();
                let decimals = digits.split_once('.').map_or(0, |(_, d)| d.len());
                Tok::Num {
                    value: digits.parse().ok()?,
                    decimals,
                    grouped: num.contains(lex.group_marks),
                    suffix: suffix.to_ascii_lowercase(),
                }
            } else if first.is_ascii_alphabetic() {
                Tok::Word(whole.to_ascii_lowercase())
            } else {
                Tok::Punct(first)
            };
            let capital = first.is_uppercase();
            Some(Token { tok, span, capital })
        })
        .collect()
}
