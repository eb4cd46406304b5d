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
                if malformed(text, span.start..span.start + num.len(), lex) {
                    // Not a number a figure can be read from, nor one a fix
                    // could rewrite without leaving part of it behind.
                    return Some(Token {
                        tok: Tok::Word(whole.to_lowercase()),
                        span,
                        capital: false,
                    });
                }
                // "14,7": a borrowed decimal mark, a figure only before a
                // scale or percent ("14,7 billion", "3,5%").
                let borrowed = !num.contains(lex.decimal_mark)
                    && lex
                        .borrowed_decimal_marks
                        .iter()
                        .any(|&m| num.split_once(m).is_some_and(|(_, after)| after.len() <= 2));
                if borrowed && !scaled_after(suffix, &text[span.end..], lex) {
                    return Some(Token {
                        tok: Tok::Word(whole.to_lowercase()),
                        span,
                        capital: false,
                    });
                }
                let point = |c: char| c == lex.decimal_mark || (borrowed && !c.is_ascii_digit());
                let digits: String = num
                    .chars()
                    .filter(|&c| c.is_ascii_digit() || point(c))
                    .map(|c| if c.is_ascii_digit() { c } else { '.' })
                    .collect();
                let decimals = digits.split_once('.').map_or(0, |(_, d)| d.len());
                Tok::Num {
                    value: digits.parse().ok()?,
                    decimals,
                    grouped: !borrowed && num.contains(lex.group_marks),
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

/// Whether a number with suffix `suffix`, followed by `after`, is scaled
/// or a percentage: "14,7bn", "14,7 billion", "3,5%", "3,5 per cent".
fn scaled_after(suffix: &str, after: &str, lex: &Lexicon) -> bool {
    let big = |w: &str| lex.scale(w).is_some_and(|s| s > 1e2);
    if suffix == "%" || lex.percent_words.contains(&suffix) || big(suffix) {
        return true;
    }
    let after = after.trim_start();
    if after.starts_with('%') {
        return true;
    }
    let word: String = after
        .chars()
        .take_while(char::is_ascii_alphabetic)
        .collect::<String>()
        .to_ascii_lowercase();
    (word.len() > 1 && big(&word)) || lex.percent_words.contains(&word.as_str()) || word == "per"
}

/// Whether the number at `num` is part of a malformed run of digits and
/// marks: a grouping that is not in threes ("20,00"), a decimal point
/// followed by a grouping (".24,000"), or a digit of another script
/// ("2४k"). Marks that end the run ("in 2024.", "9,000,") are punctuation,
/// and a date in digits with points ("14.03.2024") is a date.
fn malformed(text: &str, num: Range<usize>, lex: &Lexicon) -> bool {
    let Some(written) = text.get(num.clone()) else {
        return true;
    };
    if written
        .chars()
        .any(|c| c.is_numeric() && !c.is_ascii_digit())
    {
        return true;
    }
    let mark =
        |c: char| c == lex.decimal_mark || (lex.group_marks.contains(&c) && !c.is_whitespace());
    let in_run = |c: char| c.is_ascii_digit() || mark(c);
    let other_digit = |c: Option<char>| c.is_some_and(|c| c.is_numeric() && !c.is_ascii_digit());
    let before = &text[..num.start];
    let after = &text[num.end..];
    if other_digit(before.chars().next_back()) || other_digit(after.chars().next()) {
        return true;
    }
    let start = before.trim_end_matches(in_run).len();
    let run_after = after.len() - after.trim_start_matches(in_run).len();
    let run = &text[start..num.end + run_after];
    let run = run.trim_end_matches(mark);
    let run = run.trim_start_matches(|c: char| mark(c) && c != lex.decimal_mark);
    if run == written || run.is_empty() {
        return false;
    }
    !digit_date(run)
}

/// Whether `run` is a date in digits with points, "14.03.2024".
fn digit_date(run: &str) -> bool {
    let parts: Vec<&str> = run.split('.').collect();
    matches!(parts.as_slice(), [d, m, y]
        if (1..=2).contains(&d.len()) && (1..=2).contains(&m.len()) && y.len() == 4
            && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())))
}
