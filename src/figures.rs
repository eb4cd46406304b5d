//! Reading figures from a sentence: ranks, counts, percentages, money,
//! years, dates and measured numbers, each with its hedge ("nearly", "at
//! least", "between"), its rounding and its byte span, so that a claim can
//! be compared with a fact honestly and pointed at precisely.
//!
//! The reader works on tokens (numbers, words, punctuation) and looks at the
//! few tokens either side of each number to decide what it is: "31st out of
//! 83" is a rank, "28th June" a date, "62 out of 100" a score, "in 2022" a
//! year, "84 per cent" a percentage.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use crate::quantity::{Amount, Date, Hedge, Kind, Value};

/// One figure read from text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// What kind of figure it is.
    pub kind: Kind,
    /// Its value.
    pub value: Value,
    /// The unit or currency it is counted in, when stated ("gpus",
    /// "nanometre", "usd", "points").
    pub unit: Option<String>,
    /// Byte range of the whole phrase, hedge included, in the text read.
    pub span: Range<usize>,
    /// Byte offset of the number itself, where distances are measured from.
    pub anchor: usize,
    /// Whether the text gives the figure as a fall ("fell 12 percent", "a
    /// 12% drop"), so that a fact stated as a negative change can take it.
    pub fall: bool,
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
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
struct Token {
    tok: Tok,
    span: Range<usize>,
    /// Whether the word as written starts with a capital letter.
    capital: bool,
}

static LEXER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\ \d{3})+(?:\.\d+)?\b|\d+(?:\.\d+)?|\.\d+)
        (?P<suffix>[A-Za-z%]+)?
        |(?P<word>[A-Za-z]+(?:'[A-Za-z]+)*)
        |(?P<punct>\S)",
    )
    .expect("the lexer pattern is valid")
});

fn tokenize(text: &str) -> Vec<Token> {
    // `find_iter` runs the lazy DFA; what kind each token is follows from
    // its first character, so no capture groups are needed.
    LEXER
        .find_iter(text)
        .filter_map(|found| {
            let span = found.range();
            let whole = found.as_str();
            let first = whole.chars().next()?;
            let tok = if first.is_ascii_digit() || (first == '.' && whole.len() > 1) {
                // The number runs to its first letter or `%`: the suffix.
                let split = whole
                    .find(|c: char| c.is_ascii_alphabetic() || c == '%')
                    .unwrap_or(whole.len());
                let (num, suffix) = whole.split_at(split);
                let digits: String = num
                    .chars()
                    .filter(|c| c.is_ascii_digit() || *c == '.')
                    .collect();
                let decimals = digits.split_once('.').map_or(0, |(_, d)| d.len());
                Tok::Num {
                    value: digits.parse().ok()?,
                    decimals,
                    grouped: num.contains([',', ' ']),
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

/// Number words, shared by the reader and the rewriter.
pub(crate) const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
/// Number words, shared by the reader and the rewriter.
pub(crate) const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
/// Number words, shared by the reader and the rewriter.
pub(crate) const UNIT_ORDINALS: [&str; 20] = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];
/// Number words, shared by the reader and the rewriter.
pub(crate) const TEN_ORDINALS: [&str; 10] = [
    "",
    "",
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
];

fn scale_word(word: &str) -> Option<f64> {
    Some(match word {
        "hundred" => 1e2,
        "thousand" | "k" => 1e3,
        "million" | "millions" | "mn" | "mln" | "m" => 1e6,
        "billion" | "billions" | "bn" | "b" | "bln" => 1e9,
        "trillion" | "trillions" | "tn" | "trn" => 1e12,
        _ => return None,
    })
}

fn month(word: &str) -> Option<u8> {
    let month = match word {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    };
    Some(month)
}

fn currency_symbol(c: char) -> Option<&'static str> {
    Some(match c {
        '$' => "usd",
        '\u{20AC}' => "eur",
        '\u{00A3}' => "gbp",
        '\u{00A5}' => "cny",
        '\u{20BD}' => "rub",
        '\u{20B9}' => "inr",
        _ => return None,
    })
}

fn currency_word(word: &str) -> Option<&'static str> {
    Some(match word {
        "usd" | "dollars" | "dollar" => "usd",
        "eur" | "euros" | "euro" => "eur",
        "gbp" | "pounds" | "sterling" => "gbp",
        "rub" | "rubles" | "roubles" | "ruble" | "rouble" => "rub",
        "cny" | "yuan" | "rmb" | "renminbi" => "cny",
        "inr" | "rupees" => "inr",
        "jpy" | "yen" => "jpy",
        _ => return None,
    })
}

/// Units of measure: the word as written and the unit it names.
fn measure_unit(word: &str) -> Option<&'static str> {
    Some(match word {
        "nm" | "nanometer" | "nanometers" | "nanometre" | "nanometres" => "nanometre",
        "km" | "kilometer" | "kilometers" | "kilometre" | "kilometres" => "kilometre",
        "kg" | "kilogram" | "kilograms" => "kilogram",
        "tonnes" | "tonne" | "tons" | "ton" => "tonne",
        "mw" | "megawatt" | "megawatts" => "megawatt",
        "gw" | "gigawatt" | "gigawatts" => "gigawatt",
        "tb" | "terabytes" | "terabyte" => "terabyte",
        "gb" | "gigabytes" | "gigabyte" => "gigabyte",
        "petaflops" | "pflops" => "petaflops",
        "exaflops" => "exaflops",
        "qubits" | "qubit" => "qubit",
        _ => return None,
    })
}

/// The one name of a unit or currency, however it is written: "nm" and
/// "nanometres" are both `nanometre`, "$" and "dollars" both `usd`.
pub fn canonical_unit(unit: &str) -> String {
    let lower = unit.trim().to_lowercase();
    if let Some(unit) = measure_unit(&lower) {
        return unit.to_string();
    }
    if let Some(code) = currency_word(&lower) {
        return code.to_string();
    }
    let mut chars = lower.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && let Some(code) = currency_symbol(c)
    {
        return code.to_string();
    }
    lower
}

/// Words after an ordinal that make it something other than a rank.
const NOT_RANK_AFTER: &[&str] = &[
    "year",
    "season",
    "successive",
    "century",
    "centuries",
    "anniversary",
    "birthday",
    "time",
    "times",
    "floor",
    "generation",
    "round",
    "day",
    "days",
    "session",
    "congress",
    "amendment",
    "quarter",
    "half",
    "grade",
    "birth",
    "wave",
    "term",
    "week",
    "month",
    "minute",
    "inning",
    "straight",
    "consecutive",
    "person",
    "step",
    "stage",
    "phase",
    "edition",
    "annual",
    "largest",
    "biggest",
    "most",
    "highest",
    "lowest",
];

/// Words before a number that make it a position in a ranking.
const RANK_VERBS: &[&str] = &[
    "rank",
    "ranks",
    "ranked",
    "ranking",
    "placed",
    "place",
    "places",
    "position",
    "positioned",
    "sits",
    "sat",
    "came",
    "comes",
    "finished",
    "finishes",
    "rated",
    "slipped",
    "fell",
    "rose",
    "climbed",
    "dropped",
    "stands",
    "stood",
];

/// Plural fractions after a number word: "two-thirds", "three quarters".
const FRACTIONS: &[&str] = &[
    "halves", "thirds", "quarters", "fourths", "fifths", "sixths", "sevenths", "eighths", "ninths",
    "tenths",
];

/// Words before "from" that make "from X to Y" a range, not a change.
const RANGE_WORDS: &[&str] = &[
    "range", "ranges", "ranged", "ranging", "anywhere", "vary", "varies", "varied", "varying",
    "run", "runs", "ran",
];

/// Units of time: "over three days" is a span, not a bound.
const TIME_UNITS: &[&str] = &[
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "night", "nights",
    "week", "weeks", "weekend", "weekends", "month", "months", "year", "years", "decade",
    "decades", "season", "seasons",
];

/// Words that follow a count without naming what it counts.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "by", "for", "to", "from",
    "with", "into", "than", "as", "that", "this", "these", "those", "which", "who", "is", "are",
    "was", "were", "be", "been", "has", "have", "had", "will", "would", "could", "can", "may",
    "might", "should", "must", "it", "its", "they", "their", "he", "she", "his", "her", "we",
    "our", "you", "not", "so", "if", "then", "more", "fewer", "less", "per", "each", "last",
    "next", "since", "during", "after", "before", "until", "ago", "alone", "apiece", "out", "up",
    "down", "over", "under", "about", "around", "between",
];

/// Words that may be joined to a number without making it a name:
/// "mid-2023", "pre-2020", "top-20", "FY2024".
const NUMBER_PREFIXES: &[&str] = &[
    "mid", "pre", "post", "early", "late", "end", "top", "bottom", "sub", "over", "under",
    "fiscal", "fy",
];

/// Hedge phrases, longest first, as lower-case words.
const HEDGES: &[(&[&str], Hedge)] = &[
    (&["no", "fewer", "than"], Hedge::AtLeast),
    (&["no", "less", "than"], Hedge::AtLeast),
    (&["no", "more", "than"], Hedge::AtMost),
    (&["not", "more", "than"], Hedge::AtMost),
    (&["in", "excess", "of"], Hedge::AtLeast),
    (&["a", "maximum", "of"], Hedge::AtMost),
    (&["a", "minimum", "of"], Hedge::AtLeast),
    (&["just", "shy", "of"], Hedge::Nearly),
    (&["an", "estimated"], Hedge::About),
    (&["at", "least"], Hedge::AtLeast),
    (&["more", "than"], Hedge::AtLeast),
    (&["greater", "than"], Hedge::AtLeast),
    (&["upwards", "of"], Hedge::AtLeast),
    (&["north", "of"], Hedge::AtLeast),
    (&["just", "over"], Hedge::AtLeast),
    (&["well", "over"], Hedge::AtLeast),
    (&["up", "to"], Hedge::AtMost),
    (&["at", "most"], Hedge::AtMost),
    (&["fewer", "than"], Hedge::AtMost),
    (&["less", "than"], Hedge::AtMost),
    (&["as", "many", "as"], Hedge::AtMost),
    (&["as", "much", "as"], Hedge::AtMost),
    (&["just", "under"], Hedge::Nearly),
    (&["close", "to"], Hedge::Nearly),
    (&["shy", "of"], Hedge::Nearly),
    (&["over"], Hedge::AtLeast),
    (&["tops"], Hedge::AtLeast),
    (&["topped"], Hedge::AtLeast),
    (&["passed"], Hedge::AtLeast),
    (&["surpassed"], Hedge::AtLeast),
    (&["exceeded"], Hedge::AtLeast),
    (&["exceeds"], Hedge::AtLeast),
    (&["above"], Hedge::AtLeast),
    (&["exceeding"], Hedge::AtLeast),
    (&["under"], Hedge::AtMost),
    (&["below"], Hedge::AtMost),
    (&["nearly"], Hedge::Nearly),
    (&["almost"], Hedge::Nearly),
    (&["approaching"], Hedge::Nearly),
    (&["about"], Hedge::About),
    (&["around"], Hedge::About),
    (&["roughly"], Hedge::About),
    (&["approximately"], Hedge::About),
    (&["approx"], Hedge::About),
    (&["some"], Hedge::About),
    (&["estimated"], Hedge::About),
    (&["circa"], Hedge::About),
    (&["~"], Hedge::About),
];

/// A number as parsed, before its kind is decided.
#[derive(Debug, Clone)]
struct Parsed {
    value: f64,
    slack: f64,
    /// Ordinal ("31st", "thirty-first").
    ordinal: bool,
    /// Written in words.
    words: bool,
    /// Plain digits that could be a year.
    yearish: bool,
    /// Percent sign or unit carried in the suffix.
    suffix: String,
    /// A scale word or suffix was applied.
    scaled: bool,
    first: usize,
    /// One past the last token of the number.
    end: usize,
}

struct Reader<'t> {
    text: &'t str,
    toks: Vec<Token>,
}

/// Reads every figure in `text`, in order of appearance.
pub fn read(text: &str) -> Vec<Figure> {
    let reader = Reader {
        text,
        toks: tokenize(text),
    };
    let mut figures = Vec::new();
    let mut i = 0;
    while i < reader.toks.len() {
        if let Some(next) = reader.not_a_figure(i) {
            i = next.max(i + 1);
            continue;
        }
        match reader.figure_at(i) {
            Some((figure, next)) => {
                figures.push(figure);
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    figures
}

impl Reader<'_> {
    fn word(&self, i: usize) -> Option<&str> {
        match &self.toks.get(i)?.tok {
            Tok::Word(w) => Some(w),
            _ => None,
        }
    }

    fn punct(&self, i: usize) -> Option<char> {
        match self.toks.get(i)?.tok {
            Tok::Punct(c) => Some(c),
            _ => None,
        }
    }

    fn is_word(&self, i: usize, word: &str) -> bool {
        self.word(i) == Some(word)
    }

    /// Whether tokens `i` and `i + 1` touch with nothing between them.
    fn touching(&self, i: usize) -> bool {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => a.span.end == b.span.start,
            _ => false,
        }
    }

    /// Whether the words ending just before token `end` are `phrase`.
    fn words_before(&self, end: usize, phrase: &[&str]) -> bool {
        end >= phrase.len()
            && phrase
                .iter()
                .enumerate()
                .all(|(k, w)| self.tok_is(end - phrase.len() + k, w))
    }

    fn tok_is(&self, i: usize, text: &str) -> bool {
        match self.toks.get(i).map(|t| &t.tok) {
            Some(Tok::Word(w)) => w == text,
            Some(Tok::Punct(c)) => text.len() == c.len_utf8() && text.starts_with(*c),
            _ => false,
        }
    }

    fn month_at(&self, i: usize) -> Option<u8> {
        let token = self.toks.get(i)?;
        if !token.capital {
            return None;
        }
        month(self.word(i)?)
    }

    /// The digits of token `i` as written, when it is a number.
    fn digits(&self, i: usize) -> Option<&str> {
        let token = self.toks.get(i)?;
        match token.tok {
            Tok::Num { .. } => self.text.get(token.span.clone()),
            _ => None,
        }
    }

    /// A plain whole number at token `i`: no separators, decimals or suffix.
    fn plain(&self, i: usize) -> Option<u32> {
        match &self.toks.get(i)?.tok {
            Tok::Num {
                value,
                decimals: 0,
                grouped: false,
                suffix,
            } if suffix.is_empty() && *value < f64::from(u32::MAX) => Some(*value as u32),
            _ => None,
        }
    }

    /// Numbers fused into one string with nothing or a `:`, `/`, `.` or `-`
    /// between them ("10:30", "9/11", "2.4.1", "555-0142"), from token `i`:
    /// the token after them, how many numbers, and the marks joining them.
    fn chain(&self, i: usize) -> (usize, usize, Vec<char>) {
        let mut k = i + 1;
        let mut count = 1;
        let mut joiners = Vec::new();
        loop {
            let is_num =
                |j: usize| matches!(self.toks.get(j).map(|t| &t.tok), Some(Tok::Num { .. }));
            if is_num(k) && self.touching(k - 1) {
                count += 1;
                k += 1;
            } else if let Some(c) = self.punct(k).filter(|c| matches!(c, ':' | '/' | '.' | '-'))
                && self.touching(k - 1)
                && self.touching(k)
                && is_num(k + 1)
            {
                joiners.push(c);
                count += 1;
                k += 2;
            } else {
                return (k, count, joiners);
            }
        }
    }

    /// Numbers that are names, codes, times or scores rather than figures:
    /// "G20", "Covid-19", "555-0142", "2.4.1", "10:30", "9/11", "3-1", a
    /// phone number in groups. Returns the token after them.
    fn not_a_figure(&self, i: usize) -> Option<usize> {
        let Tok::Num { suffix, .. } = &self.toks.get(i)?.tok else {
            return None;
        };
        // "a 3-to-1 margin": a ratio.
        let ratio = self.punct(i + 1) == Some('-')
            && self.is_word(i + 2, "to")
            && self.punct(i + 3) == Some('-')
            && self.plain(i + 4).is_some()
            && (i..i + 4).all(|k| self.touching(k));
        if ratio {
            return Some(i + 5);
        }
        let (end, count, joiners) = self.chain(i);
        // Digits fused to the letters before them ("G20", "PM2.5", "IPv6")
        // or hyphened to a word ("Covid-19", "F-35"), unless the word only
        // qualifies the number ("mid-2023", "top-20").
        if i > 0 && self.touching(i - 1) {
            // "FY2024", "USD3m" are not names.
            let qualifier = |w: &str| {
                NUMBER_PREFIXES.contains(&w) || (w.len() == 3 && currency_word(w).is_some())
            };
            if self.word(i - 1).is_some_and(|w| !qualifier(w)) {
                return Some(end);
            }
            if self.punct(i - 1) == Some('-')
                && i > 1
                && self.touching(i - 2)
                && self
                    .word(i - 2)
                    .is_some_and(|w| !NUMBER_PREFIXES.contains(&w))
            {
                return Some(end);
            }
        }
        // "2024-03-05": an ISO date, whose month and day carry leading zeros;
        // "28/06/2025", "14.03.2024": a date with the day first.
        if (count == 3 && self.iso_date(i).is_some()) || self.digit_date(i).is_some() {
            return None;
        }
        // "0142", "020": numbers are not written with a leading zero.
        let leading_zero = (i..end).any(|k| {
            self.digits(k).is_some_and(|d| {
                let mut chars = d.chars();
                chars.next() == Some('0') && chars.next().is_some_and(|c| c.is_ascii_digit())
            })
        });
        if leading_zero {
            return Some(end);
        }
        let yearish = self.plain(i).is_some_and(|v| (1000..=2999).contains(&v));
        match count {
            1 => {
                // A phone number in groups: three or more bare numbers in a row.
                let mut k = i;
                while self.plain(k).is_some() {
                    k += 1;
                }
                (k - i >= 3).then_some(k)
            }
            2 => {
                let first_ordinal = matches!(suffix.as_str(), "st" | "nd" | "rd" | "th");
                match joiners.first() {
                    // "2.4" and ".1" of "2.4.1", fused.
                    None | Some(':' | '.') => Some(end),
                    Some('/') => {
                        let ranked =
                            i > 0 && self.word(i - 1).is_some_and(|w| RANK_VERBS.contains(&w));
                        (!(first_ordinal || ranked || yearish)).then_some(end)
                    }
                    _ => {
                        // "3-1", "5-4", "50-50": a score, not a range.
                        let score = !yearish
                            && matches!((self.plain(i), self.plain(i + 2)), (Some(a), Some(b)) if a >= b);
                        score.then_some(end)
                    }
                }
            }
            // An ISO date is read as a date; other runs are codes.
            _ => (!(self.iso_date(i).is_some() && count == 3)).then_some(end),
        }
    }

    /// A date in digits with the day first, "28/06/2025" or "14.03.2024",
    /// at token `i` (the month first where the day shows it, "06/28/2025";
    /// none where either reading would do, "03/04/2025"), and the token
    /// after it.
    fn digit_date(&self, i: usize) -> Option<(Date, usize)> {
        static DIGIT_DATE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^(\d{1,2})([./])(\d{1,2})[./](\d{4})\b")
                .expect("the digit date pattern is valid")
        });
        let start = self.toks.get(i)?.span.start;
        if !matches!(self.toks[i].tok, Tok::Num { .. }) {
            return None;
        }
        let caps = DIGIT_DATE.captures(&self.text[start..])?;
        let separator = &caps[2];
        let rest = &caps[0][caps[1].len() + 1..];
        if !rest[caps[3].len()..].starts_with(separator) {
            return None;
        }
        let first: u8 = caps[1].parse().ok()?;
        let second: u8 = caps[3].parse().ok()?;
        let year: i32 = caps[4].parse().ok()?;
        let (day, month) = match (first, second) {
            (d, m) if d > 12 && (1..=12).contains(&m) => (d, m),
            (m, d) if d > 12 && (1..=12).contains(&m) => (d, m),
            _ => return None,
        };
        if !(1..=31).contains(&day) || !(1000..=2999).contains(&year) {
            return None;
        }
        let stop = start + caps[0].len();
        let end = (i..self.toks.len())
            .find(|&k| self.toks[k].span.start >= stop)
            .unwrap_or(self.toks.len());
        let date = Date {
            year: Some(year),
            month,
            day: Some(day),
        };
        Some((date, end))
    }

    /// "2024-12-11" at token `i`.
    fn iso_date(&self, i: usize) -> Option<Date> {
        let year = self.plain(i).filter(|y| (1000..=2999).contains(y))?;
        let hyphens = self.punct(i + 1) == Some('-') && self.punct(i + 3) == Some('-');
        if !(hyphens && (i..i + 4).all(|k| self.touching(k))) {
            return None;
        }
        let month = self.plain(i + 2).filter(|m| (1..=12).contains(m))?;
        let day = self.plain(i + 4).filter(|d| (1..=31).contains(d))?;
        Some(Date {
            year: i32::try_from(year).ok(),
            month: u8::try_from(month).ok()?,
            day: u8::try_from(day).ok(),
        })
    }

    /// Parses a number starting at token `i`: digits with an optional scale,
    /// or a number in words.
    fn number_at(&self, i: usize) -> Option<Parsed> {
        match &self.toks.get(i)?.tok {
            Tok::Num {
                value,
                decimals,
                grouped,
                suffix,
            } => self.digits_at(i, *value, *decimals, *grouped, suffix),
            Tok::Word(_) => self.words_at(i),
            Tok::Punct(_) => None,
        }
    }

    fn digits_at(
        &self,
        i: usize,
        value: f64,
        decimals: usize,
        grouped: bool,
        suffix: &str,
    ) -> Option<Parsed> {
        let mut parsed = Parsed {
            value,
            slack: 0.0,
            ordinal: matches!(suffix, "st" | "nd" | "rd" | "th"),
            words: false,
            yearish: !grouped && decimals == 0 && suffix.is_empty(),
            suffix: String::new(),
            scaled: false,
            first: i,
            end: i + 1,
        };
        let mut scale = 1.0;
        if let Some(s) = scale_word(suffix) {
            scale = s;
        } else if !parsed.ordinal && !suffix.is_empty() {
            if suffix != "%" && measure_unit(suffix).is_none() {
                // "1990s", "5G", "3D": not a figure.
                return None;
            }
            parsed.suffix = suffix.to_string();
        }
        if scale == 1.0 && !parsed.ordinal && parsed.suffix.is_empty() {
            // "1.5 million", "2-billion"
            let mut j = i + 1;
            if self.punct(j) == Some('-') && self.touching(i) {
                j += 1;
            }
            if let Some(s) = self.word(j).and_then(scale_word) {
                let single_letter = self.word(j).is_some_and(|w| w.len() == 1);
                if !single_letter && s > 1e2 {
                    scale = s;
                    parsed.end = j + 1;
                }
            }
        }
        if scale > 1.0 {
            parsed.scaled = true;
            parsed.yearish = false;
        }
        parsed.value = value * scale;
        parsed.slack = Amount::rounding(parsed.value, decimals, scale);
        Some(parsed)
    }

    /// Numbers and ordinals in words: "nine thousand", "thirty-first",
    /// "half a million", "a million".
    fn words_at(&self, i: usize) -> Option<Parsed> {
        let mut j = i;
        let mut total = 0.0;
        let mut current = 0.0;
        let mut any = false;
        let mut ordinal = false;
        let mut half = false;
        if self.is_word(j, "half") && self.is_word(j + 1, "a") {
            if let Some(s) = self.word(j + 2).and_then(scale_word).filter(|s| *s >= 1e3) {
                let value = s / 2.0;
                return Some(Parsed {
                    value,
                    slack: Amount::rounding(value, 0, 1.0),
                    ordinal: false,
                    words: true,
                    yearish: false,
                    suffix: String::new(),
                    scaled: true,
                    first: i,
                    end: j + 3,
                });
            }
            if self.percent_at(j + 2).is_some() {
                // "half a percentage point"
                return Some(Parsed {
                    value: 0.5,
                    slack: 0.0,
                    ordinal: false,
                    words: true,
                    yearish: false,
                    suffix: String::new(),
                    scaled: false,
                    first: i,
                    end: j + 2,
                });
            }
            half = true;
        }
        if !half && matches!(self.word(j), Some("a" | "an")) {
            if let Some(s) = self.word(j + 1).and_then(scale_word).filter(|s| *s >= 1e2) {
                current = 1.0;
                any = true;
                j += 1;
                let _ = s;
            } else {
                return None;
            }
        }
        while let Some(word) = self.word(j) {
            if let Some(n) = UNITS.iter().position(|u| *u == word) {
                current += n as f64;
            } else if let Some(n) = TENS.iter().position(|t| !t.is_empty() && *t == word) {
                current += (n * 10) as f64;
            } else if let Some(n) = UNIT_ORDINALS.iter().position(|u| *u == word) {
                current += n as f64;
                ordinal = true;
                any = true;
                j += 1;
                break;
            } else if let Some(n) = TEN_ORDINALS
                .iter()
                .position(|t| !t.is_empty() && *t == word)
            {
                current += (n * 10) as f64;
                ordinal = true;
                any = true;
                j += 1;
                break;
            } else if word == "hundredth" && any {
                current *= 100.0;
                ordinal = true;
                j += 1;
                break;
            } else if let Some(s) = scale_word(word).filter(|_| word.len() > 2 && any) {
                if s == 1e2 {
                    current *= s;
                } else {
                    total += current * s;
                    current = 0.0;
                }
            } else if word == "and" && any && self.word(j + 1).is_some_and(is_number_word) {
                // "one hundred and twenty"
            } else {
                break;
            }
            any = true;
            j += 1;
            // "twenty-five", "thirty-first"
            if self.punct(j) == Some('-') && self.word(j + 1).is_some_and(is_number_word) {
                j += 1;
            }
        }
        if !any {
            return None;
        }
        let value = total + current;
        // A lone "one" or "a" is rarely a figure, unless a percent or a
        // ratio: "one percent", "one in five".
        if !ordinal
            && value < 2.0
            && self.percent_at(j).is_none()
            && self.ratio_at(j, value).is_none()
        {
            return None;
        }
        // "two-thirds", "three quarters": a fraction, not a count.
        let next = if self.punct(j) == Some('-') && self.touching(j) {
            j + 1
        } else {
            j
        };
        if !ordinal && self.word(next).is_some_and(|w| FRACTIONS.contains(&w)) {
            return None;
        }
        Some(Parsed {
            value,
            slack: if ordinal {
                0.0
            } else {
                Amount::rounding(value, 0, 1.0)
            },
            ordinal,
            words: true,
            yearish: false,
            suffix: String::new(),
            scaled: false,
            first: i,
            end: j,
        })
    }

    fn figure_at(&self, i: usize) -> Option<(Figure, usize)> {
        // "top 10", "top-five"
        if self.is_word(i, "top") {
            let j = if self.punct(i + 1) == Some('-') {
                i + 2
            } else {
                i + 1
            };
            let n = self.number_at(j)?;
            if n.ordinal || n.value < 1.0 || n.value.fract() != 0.0 || n.scaled {
                return None;
            }
            // "the top 1 percent": a share of a population, read as a percent.
            if n.suffix == "%" || self.percent_at(n.end).is_some() {
                return None;
            }
            let (of, end) = self.total_after(n.end);
            let value = Value::Rank {
                best: 1,
                worst: n.value as u32,
                of,
            };
            return Some((self.figure(Kind::Rank, value, None, i, j, end), end));
        }
        // "No. 31", "#31", "number 31"
        if matches!(self.word(i), Some("no" | "number")) || self.punct(i) == Some('#') {
            let mut j = i + 1;
            if self.punct(j) == Some('.') {
                j += 1;
            }
            let n = self.number_at(j)?;
            if n.words || n.scaled || n.value.fract() != 0.0 || n.value < 1.0 {
                return None;
            }
            let capital_no = self.toks[i].capital || self.punct(i) == Some('#');
            if self.is_word(i, "no") && !(capital_no && self.punct(i + 1) == Some('.')) {
                return None;
            }
            let (of, end) = self.total_after(n.end);
            let value = Value::rank(n.value as u32, of);
            return Some((self.figure(Kind::Rank, value, None, i, j, end), end));
        }
        // Month first: "Dec. 11", "December 11, 2024", "December 2024".
        if let Some(month) = self.month_at(i) {
            let mut j = i + 1;
            if self.punct(j) == Some('.') {
                j += 1;
            }
            let n = self.number_at(j).filter(|n| !n.words)?;
            if n.yearish && (1000.0..=2999.0).contains(&n.value) {
                let date = Date {
                    year: Some(n.value as i32),
                    month,
                    day: None,
                };
                return Some((
                    self.figure(Kind::Date, Value::Date(date), None, i, j, n.end),
                    n.end,
                ));
            }
            // "In May 12 percent of flights": a percent, not the 12th.
            let percent = n.suffix == "%" || self.percent_at(n.end).is_some();
            if !(1.0..=31.0).contains(&n.value) || n.value.fract() != 0.0 || n.scaled || percent {
                return None;
            }
            let days_end = self.day_range_end(n.end, n.value).unwrap_or(n.end);
            let (year, end) = self.year_after(days_end);
            let date = Date {
                year,
                month,
                day: Some(n.value as u8),
            };
            return Some((
                self.figure(Kind::Date, Value::Date(date), None, i, j, end),
                end,
            ));
        }
        if let Some((date, end)) = self.digit_date(i) {
            return Some((
                self.figure(Kind::Date, Value::Date(date), None, i, i, end),
                end,
            ));
        }
        if let Some(date) = self.iso_date(i) {
            let end = i + 5;
            return Some((
                self.figure(Kind::Date, Value::Date(date), None, i, i, end),
                end,
            ));
        }
        if let Some(found) = self.fraction_at(i).or_else(|| self.multiple_at(i)) {
            return Some(found);
        }
        let n = self.number_at(i)?;
        self.classify(n)
    }

    /// A fraction in words, read as a share in percent: "three-quarters of",
    /// "two-thirds of", "a third of", "half of", "half the". A fraction
    /// stands for its value give or take 2.5 points, as a writer rounds a
    /// share to the nearest simple fraction.
    fn fraction_at(&self, i: usize) -> Option<(Figure, usize)> {
        const SLACK: f64 = 2.5;
        let word = self.word(i)?;
        let (share, end) = if word == "half" {
            // Not "the first half of 2024", "the second half".
            let before = i.checked_sub(1).and_then(|k| self.word(k));
            if matches!(
                before,
                Some("first" | "second" | "latter" | "former" | "the" | "a" | "one" | "and")
            ) {
                return None;
            }
            (50.0, i + 1)
        } else {
            // "a third", "one-fifth", "two-thirds", "three quarters"
            let numerator = if matches!(word, "a" | "an") {
                1.0
            } else {
                let n = UNITS.iter().position(|u| *u == word).filter(|n| *n >= 1)?;
                n as f64
            };
            let mut j = i + 1;
            if self.punct(j) == Some('-') && self.touching(i) && self.touching(j) {
                j += 1;
            }
            let denominator = self.word(j).and_then(fraction_denominator)?;
            let plural = self
                .word(j)
                .is_some_and(|w| w.ends_with('s') && w != "halves");
            if (numerator > 1.0) != plural || numerator >= denominator {
                return None;
            }
            // "the third of 83 countries" is a rank, "a third of 2024" nothing.
            if self
                .number_at(j + 1 + usize::from(self.is_word(j + 1, "of")))
                .is_some()
            {
                return None;
            }
            (100.0 * numerator / denominator, j + 1)
        };
        let of_what = matches!(
            self.word(end),
            Some("of" | "the" | "its" | "their" | "all" | "his" | "her" | "our")
        );
        if !of_what {
            return None;
        }
        Some(self.hedged(Kind::Percent, share, SLACK, None, i, end))
    }

    /// A share of a group in percent, read from tokens `first..end` ("one
    /// in five", "nine out of ten companies"): a writer's approximation, so
    /// "about" unless a hedge of its own is written before it.
    fn share_of_group(&self, share: f64, first: usize, end: usize) -> (Figure, usize) {
        let (hedge, start) = self.hedge_before(first);
        let amount = Amount {
            nominal: share,
            upper: None,
            hedge: if hedge == Hedge::Exact {
                Hedge::About
            } else {
                hedge
            },
            slack: 0.0,
        };
        let figure = self.amount_figure(Kind::Percent, amount, None, start, first, end);
        (figure, end)
    }

    /// An amount of `nominal` read from tokens `i..end`, with the hedge
    /// written before it ("nearly three-quarters", "roughly tenfold").
    fn hedged(
        &self,
        kind: Kind,
        nominal: f64,
        slack: f64,
        unit: Option<String>,
        i: usize,
        end: usize,
    ) -> (Figure, usize) {
        let (hedge, start) = self.hedge_before(i);
        let amount = Amount {
            nominal,
            upper: None,
            hedge,
            slack,
        };
        (self.amount_figure(kind, amount, unit, start, i, end), end)
    }

    /// A multiple, read as a number of `times`: "tenfold", "a 10-fold rise",
    /// "doubled", "twice as many", "three times as large", "by 10 times",
    /// "3x".
    fn multiple_at(&self, i: usize) -> Option<(Figure, usize)> {
        // The number itself: a word ("ten"), or plain digits ("10"), or one
        // word or suffix that is the whole multiple ("tenfold", "3x").
        let (factor, whole) = match &self.toks.get(i)?.tok {
            Tok::Word(word) => match verb_multiple(word) {
                Some(n) => (n, true),
                None if word == "twice" => (2.0, self.comparison_follows(i + 1)),
                None => match word.strip_suffix("fold").and_then(word_value) {
                    Some(n) => (n, true),
                    None => (word_value(word)?, false),
                },
            },
            Tok::Num {
                value,
                grouped: false,
                suffix,
                ..
            } => match suffix.as_str() {
                "x" | "fold" => (*value, true),
                "" => (*value, false),
                _ => return None,
            },
            Tok::Num { .. } | Tok::Punct(_) => return None,
        };
        let end = if whole {
            i + 1
        } else if self.punct(i + 1) == Some('-') && self.touching(i) && self.is_word(i + 2, "fold")
        {
            // "ten-fold", "10-fold"
            i + 3
        } else if self.is_word(i + 1, "times")
            && (self.comparison_follows(i + 2)
                || i.checked_sub(1).is_some_and(|k| self.is_word(k, "by")))
        {
            // "three times as large", "by 10 times"
            i + 2
        } else {
            return None;
        };
        if factor < 2.0 && !matches!(&self.toks[i].tok, Tok::Num { .. }) {
            return None;
        }
        let unit = Some("times".to_string());
        Some(self.hedged(Kind::Number, factor, 0.0, unit, i, end))
    }

    /// Whether a comparison follows token `j`: "as many", "more", "larger",
    /// "the size of", "over".
    fn comparison_follows(&self, j: usize) -> bool {
        let Some(word) = self.word(j) else {
            return false;
        };
        matches!(
            word,
            "as" | "more"
                | "its"
                | "their"
                | "less"
                | "fewer"
                | "the"
                | "that"
                | "what"
                | "over"
                | "higher"
                | "lower"
                | "larger"
                | "bigger"
                | "greater"
                | "faster"
                | "slower"
                | "smaller"
                | "cheaper"
                | "longer"
                | "richer"
                | "wider"
        )
    }

    /// The end of a span of days ("11-12" of "December 11-12"), when token
    /// `j` follows the first day with a dash to a later one.
    fn day_range_end(&self, j: usize, first: f64) -> Option<usize> {
        let last = self.plain(j + 1)?;
        let dash = self.punct(j) == Some('-') && self.touching(j - 1) && self.touching(j);
        (dash && f64::from(last) > first && last <= 31).then_some(j + 2)
    }

    /// ", 2024" or " 2024" after a day and month.
    fn year_after(&self, j: usize) -> (Option<i32>, usize) {
        let k = if self.punct(j) == Some(',') { j + 1 } else { j };
        match self.toks.get(k).map(|t| &t.tok) {
            Some(Tok::Num {
                value,
                decimals: 0,
                grouped: false,
                suffix,
            }) if suffix.is_empty() && (1000.0..=2999.0).contains(value) => {
                (Some(*value as i32), k + 1)
            }
            _ => (None, j),
        }
    }

    /// "out of 83", "of 83 countries", "among 83", "/83" after a rank.
    fn total_after(&self, j: usize) -> (Option<u32>, usize) {
        let mut k = j;
        // "34th (of 90)"
        let bracket = self.punct(k) == Some('(');
        if bracket {
            k += 1;
        }
        if self.is_word(k, "place") || self.is_word(k, "position") || self.is_word(k, "spot") {
            k += 1;
        }
        let lead = if self.is_word(k, "out") && self.is_word(k + 1, "of") {
            2
        } else if self.is_word(k, "of") || self.is_word(k, "among") || self.punct(k) == Some('/') {
            1
        } else {
            return (None, j);
        };
        // "of the 140 economies", "among the 50 busiest"
        let lead = if self.is_word(k + lead, "the") {
            lead + 1
        } else {
            lead
        };
        match self.number_at(k + lead) {
            Some(n) if !n.ordinal && n.value >= 1.0 && n.value.fract() == 0.0 && !n.scaled => {
                let end = if bracket && self.punct(n.end) == Some(')') {
                    n.end + 1
                } else if bracket {
                    return (None, j);
                } else {
                    n.end
                };
                (Some(n.value as u32), end)
            }
            _ => (None, j),
        }
    }

    /// Decides what a parsed number is from the tokens around it.
    fn classify(&self, n: Parsed) -> Option<(Figure, usize)> {
        let after = n.end;
        // Day first: "11 December 2024", "28th June", "28th of June".
        if n.value >= 1.0 && n.value <= 31.0 && n.value.fract() == 0.0 && !n.scaled {
            let k = if self.is_word(after, "of") && n.ordinal {
                after + 1
            } else {
                self.day_range_end(after, n.value).unwrap_or(after)
            };
            if let Some(month) = self.month_at(k) {
                let (year, end) = self.year_after(k + 1);
                let date = Date {
                    year,
                    month,
                    day: Some(n.value as u8),
                };
                let value = Value::Date(date);
                return Some((
                    self.figure(Kind::Date, value, None, n.first, n.first, end),
                    end,
                ));
            }
        }
        if n.ordinal {
            return self.rank(n);
        }
        // "ranked 31 out of 83": a cardinal after a ranking verb.
        let rank_verb = n.first > 0
            && self
                .word(n.first - 1)
                .is_some_and(|w| matches!(w, "ranked" | "ranks" | "rank" | "ranking"));
        // "ranks 90 countries": how many are ranked, not a position.
        let counted = self
            .word(after)
            .is_some_and(|w| w.len() > 3 && w.ends_with('s') && w != "places");
        if rank_verb
            && !counted
            && !n.scaled
            && n.value.fract() == 0.0
            && n.value >= 1.0
            && !n.words
        {
            let (of, end) = self.total_after(after);
            let value = Value::rank(n.value as u32, of);
            return Some((
                self.figure(Kind::Rank, value, None, n.first, n.first, end),
                end,
            ));
        }
        // "one in five adults": a share, read as a percent.
        if let Some((share, end)) = self.ratio_at(after, n.value) {
            return Some(self.share_of_group(share, n.first, end));
        }
        // "62 out of 100": a score, not a rank or a count.
        if self.is_word(after, "out") && self.is_word(after + 1, "of") {
            let total = self.number_at(after + 2)?;
            // "Nine out of ten companies", "four out of five Kenyan adults":
            // a share of a group, read as a percent like "one in five".
            let group = self.word(total.end).is_some_and(|w| {
                !FUNCTION_WORDS.contains(&w)
                    && !matches!(w, "points" | "marks" | "stars" | "possible" | "maximum")
            });
            let whole = |x: f64| x.fract() == 0.0 && x >= 1.0;
            if group
                && whole(n.value)
                && whole(total.value)
                && n.value < total.value
                && total.value <= 100.0
                && !total.scaled
            {
                let share = 100.0 * n.value / total.value;
                return Some(self.share_of_group(share, n.first, total.end));
            }
            let value = Value::Amount(Amount::exact(n.value));
            let unit = Some(format!("out of {}", crate::quantity::number(total.value)));
            return Some((
                self.figure(Kind::Number, value, unit, n.first, n.first, total.end),
                total.end,
            ));
        }
        // The number's first token, a currency symbol included: "$1.5bn".
        let lead = if self.currency_before(n.first).is_some() {
            n.first - 1
        } else {
            n.first
        };
        // A sign: "-2.1%", "+4.2 percent", "minus 40".
        let sign = self.sign_before(lead);
        let lead = sign.map_or(lead, |(_, at)| at);
        let signed = |value: f64| sign.map_or(value, |(factor, _)| factor * value);
        let (mut hedge, mut start) = self.hedge_before(lead.max(n.first));
        if sign.is_some() {
            let (h, s) = self.hedge_before(lead);
            hedge = h;
            start = s;
        }
        // "over three days": a span of time, not a bound.
        if start + 1 == lead
            && matches!(self.word(start), Some("over" | "under"))
            && self.word(after).is_some_and(|w| TIME_UNITS.contains(&w))
        {
            hedge = Hedge::Exact;
            start = n.first;
        }
        let mut amount = Amount {
            nominal: signed(n.value),
            upper: None,
            hedge,
            slack: n.slack,
        };
        let mut end = after;
        let mut suffix = n.suffix.clone();
        // Ranges: "between 50,000 and 70,000", "50,000-70,000", "50 to 70
        // thousand", "between $2bn and $3bn". "From 19% to 27%" is a change,
        // two values, unless a range word leads ("ranged from").
        let opener = lead.checked_sub(1).and_then(|k| self.word(k));
        let ranged = lead >= 2
            && self
                .word(lead - 2)
                .is_some_and(|w| RANGE_WORDS.contains(&w));
        let between = opener == Some("between") || (opener == Some("from") && ranged);
        let change = opener == Some("from") && !ranged;
        let year = n.yearish && (1800.0..=2100.0).contains(&n.value);
        // A dash spaced on both sides joins a range too, unless after a
        // year, where it more likely sets off a clause.
        let dash = self.punct(end) == Some('-')
            && ((self.touching(end - 1) && self.touching(end))
                || (!self.touching(end - 1) && !self.touching(end) && !year));
        let joiner = if between {
            self.is_word(end, "and") || self.is_word(end, "to") || dash
        } else {
            !change && (self.is_word(end, "to") || dash)
        };
        let upper_at = if self.currency_before(end + 2).is_some() {
            end + 2
        } else {
            end + 1
        };
        if joiner
            && let Some(upper) = self.number_at(upper_at).filter(|m| !m.ordinal)
            && !(n.yearish && upper.yearish && n.value >= 1000.0)
        {
            let mut low = signed(n.value);
            if upper.scaled && !n.scaled && upper.value > 0.0 {
                let scale = upper.value / self.unscaled(&upper);
                low *= scale;
            }
            if low <= upper.value {
                amount.nominal = low;
                amount.upper = Some(upper.value);
                amount.hedge = Hedge::Exact;
                amount.slack = upper.slack.min(n.slack.max(upper.slack));
                end = upper.end;
                if !upper.suffix.is_empty() {
                    suffix = upper.suffix;
                }
                if between {
                    start = lead - 1;
                }
            }
        }
        // Suffix hedges: "100,000-plus", "100,000+", "and counting", "or
        // more", "or so".
        if amount.upper.is_none() {
            if self.punct(end) == Some('+') && self.touching(end - 1) {
                amount.hedge = Hedge::AtLeast;
                end += 1;
            } else if (self.is_word(end, "and") && self.is_word(end + 1, "counting"))
                || (self.punct(end) == Some('-') && self.is_word(end + 1, "plus"))
            {
                amount.hedge = Hedge::AtLeast;
                end += 2;
            } else if self.is_word(end, "or") {
                let hedge = match self.word(end + 1) {
                    Some("more" | "above") => Some(Hedge::AtLeast),
                    Some("fewer" | "less" | "below") => Some(Hedge::AtMost),
                    Some("so") => Some(Hedge::About),
                    _ => None,
                };
                if let Some(hedge) = hedge {
                    amount.hedge = hedge;
                    end += 2;
                }
            }
        }
        // Currency before: "$1.5bn", "US$ 3", "USD 3 million", "€2 billion".
        let mut figure_start = start;
        let mut currency = None;
        if n.first > 0 {
            let before = n.first - 1;
            if let Some(code) = self.currency_before(n.first) {
                currency = Some(code);
                if figure_start == n.first {
                    figure_start = before;
                }
                if before > 0 && self.is_word(before - 1, "us") {
                    figure_start = figure_start.min(before - 1);
                }
            } else if let Some(code) = self
                .word(before)
                .filter(|w| w.len() == 3 && self.toks[before].capital)
                .and_then(currency_word)
            {
                currency = Some(code);
                figure_start = figure_start.min(before);
            }
        }
        // Percent: "84%", "84 percent", "84 per cent", "5 percentage points".
        if suffix == "%" || self.punct(end) == Some('%') {
            if suffix != "%" {
                end += 1;
            }
            let figure =
                self.amount_figure(Kind::Percent, amount, None, figure_start, n.first, end);
            return Some((figure, end));
        }
        if let Some((len, unit)) = self.percent_at(end) {
            end += len;
            let figure =
                self.amount_figure(Kind::Percent, amount, unit, figure_start, n.first, end);
            return Some((figure, end));
        }
        // Money: a currency before, or a currency word after.
        if currency.is_none() {
            // "US dollars"
            let at = if self.is_word(end, "us") {
                end + 1
            } else {
                end
            };
            if let Some(code) = self.word(at).and_then(currency_word) {
                currency = Some(code);
                end = at + 1;
            }
        }
        if let Some(code) = currency {
            let figure = self.amount_figure(
                Kind::Money,
                amount,
                Some(code.to_string()),
                figure_start,
                n.first,
                end,
            );
            return Some((figure, end));
        }
        // Measured numbers: "28 nanometre", "28-nm", "28nm".
        let unit_at = if self.punct(end) == Some('-') && self.touching(end - 1) {
            end + 1
        } else {
            end
        };
        let unit = measure_unit(&suffix).map(|u| (u, end)).or_else(|| {
            self.word(unit_at)
                .and_then(measure_unit)
                .map(|u| (u, unit_at + 1))
        });
        if let Some((unit, unit_end)) = unit {
            let figure = self.amount_figure(
                Kind::Number,
                amount,
                Some(unit.to_string()),
                figure_start,
                n.first,
                unit_end,
            );
            return Some((figure, unit_end));
        }
        // A year: four plain digits in a plausible range, unhedged.
        if n.yearish
            && amount.upper.is_none()
            && hedge == Hedge::Exact
            && (1800.0..=2100.0).contains(&n.value)
        {
            // "2022-23", "2022/23": a season or fiscal year, read as its first.
            let season = matches!(self.punct(end), Some('-' | '/'))
                && self.touching(end - 1)
                && self.touching(end)
                && self.digits(end + 1).is_some_and(|d| d.len() == 2)
                && self.plain(end + 1).is_some();
            if season {
                end += 2;
            }
            let value = Value::Year(n.value as i32);
            return Some((
                self.figure(Kind::Year, value, None, n.first, n.first, end),
                end,
            ));
        }
        let figure = self.amount_figure(
            Kind::Count,
            amount,
            self.counted(end),
            figure_start,
            n.first,
            end,
        );
        Some((figure, end))
    }

    /// The sign written just before token `i` ("-2.1%", "+4.2", "minus
    /// 40"): its factor and the sign's token. A hyphen fused to what comes
    /// before it joins a range or a name instead ("50-70", "Covid-19").
    fn sign_before(&self, i: usize) -> Option<(f64, usize)> {
        let at = i.checked_sub(1)?;
        if self.is_word(at, "minus") {
            return Some((-1.0, at));
        }
        let factor = match self.punct(at)? {
            '-' => -1.0,
            '+' => 1.0,
            _ => return None,
        };
        let free_before = at == 0
            || !self.touching(at - 1)
            || matches!(self.punct(at - 1), Some('(' | '[' | '"' | '\''));
        (self.touching(at) && free_before).then_some((factor, at))
    }

    /// "in five" after a number: the share "one in five" states, in percent,
    /// and the token after it. Not "3 in 2022" nor "5 in 12 months".
    fn ratio_at(&self, j: usize, value: f64) -> Option<(f64, usize)> {
        if !self.is_word(j, "in") || value < 1.0 || value.fract() != 0.0 {
            return None;
        }
        let of = self.number_at(j + 1)?;
        let whole = !of.ordinal && !of.scaled && of.suffix.is_empty() && of.value.fract() == 0.0;
        let time = self.word(of.end).is_some_and(|w| TIME_UNITS.contains(&w));
        (whole && value < of.value && of.value <= 100.0 && !time)
            .then(|| (100.0 * value / of.value, of.end))
    }

    /// The word a count counts: the next word ("100,000 people"), or the one
    /// hyphened to the number ("a 48-hour strike"); none when the next word
    /// is a function word ("100,000 have left").
    fn counted(&self, end: usize) -> Option<String> {
        let at = if self.punct(end) == Some('-') && self.touching(end - 1) && self.touching(end) {
            end + 1
        } else {
            end
        };
        let word = self.word(at)?;
        let function_word = !self.toks[at].capital && FUNCTION_WORDS.contains(&word);
        (!function_word).then(|| word.to_string())
    }

    /// The currency of a symbol just before token `i`: "$", "€".
    fn currency_before(&self, i: usize) -> Option<&'static str> {
        self.punct(i.checked_sub(1)?).and_then(currency_symbol)
    }

    /// Percent words at token `j`: how many tokens they take, and `points`
    /// for percentage points ("percent", "per cent", "percentage points",
    /// "percentage-point").
    fn percent_at(&self, j: usize) -> Option<(usize, Option<String>)> {
        match self.word(j)? {
            "percent" | "percents" | "pct" | "pc" => Some((1, None)),
            "per" if self.is_word(j + 1, "cent") => Some((2, None)),
            "percentage" => {
                let hyphen = usize::from(self.punct(j + 1) == Some('-') && self.touching(j));
                matches!(self.word(j + 1 + hyphen), Some("point" | "points"))
                    .then(|| (2 + hyphen, Some("points".to_string())))
            }
            _ => None,
        }
    }

    /// The value a scaled number has before its scale ("70" of "70 thousand").
    fn unscaled(&self, n: &Parsed) -> f64 {
        match &self.toks[n.first].tok {
            Tok::Num { value, .. } => *value,
            _ => n.value,
        }
    }

    /// An ordinal: a rank when the words around it say so.
    fn rank(&self, n: Parsed) -> Option<(Figure, usize)> {
        let after = n.end;
        // "21st century", "19th-century", "10th-floor".
        let next_word = if self.punct(after) == Some('-') && self.touching(after) {
            after + 1
        } else {
            after
        };
        if self
            .word(next_word)
            .is_some_and(|w| NOT_RANK_AFTER.contains(&w))
        {
            return None;
        }
        if n.value < 1.0 || n.value.fract() != 0.0 {
            return None;
        }
        let (of, end) = self.total_after(after);
        if n.words {
            let verb_before = (n.first.saturating_sub(3)..n.first)
                .any(|k| self.word(k).is_some_and(|w| RANK_VERBS.contains(&w)))
                || self.standing_alone(n.first, after);
            let context_after = of.is_some()
                || matches!(self.word(after), Some("place" | "position" | "spot"))
                || (self.is_word(after, "only") && self.is_word(after + 1, "to"))
                || (self.is_word(after, "in")
                    && self.is_word(after + 1, "the")
                    && self.is_word(after + 2, "world"))
                || matches!(self.word(after), Some("globally" | "worldwide" | "overall"));
            if !(verb_before || context_after) {
                return None;
            }
        }
        let value = Value::rank(n.value as u32, of);
        let measure = if of.is_none() {
            self.sub_ranking(after)
        } else {
            None
        };
        Some((
            self.figure(Kind::Rank, value, measure, n.first, n.first, end),
            end,
        ))
    }

    /// Whether an ordinal in words stands as a position on its own: after a
    /// copula ("Denmark is second") or a name in a list ("and Norway
    /// fourth"), and followed by nothing it could qualify ("second
    /// country", "third-largest").
    fn standing_alone(&self, first: usize, after: usize) -> bool {
        let copula = (first.saturating_sub(2)..first).any(|k| {
            matches!(
                self.word(k),
                Some("is" | "was" | "are" | "were" | "remains" | "remained" | "be" | "now")
            )
        });
        let named = first > 1 && self.toks[first - 1].capital && self.word(first - 1).is_some();
        let ends = match self.toks.get(after).map(|t| &t.tok) {
            None => true,
            Some(Tok::Punct(c)) => matches!(c, ',' | '.' | ';' | ':' | ')' | '!' | '?'),
            Some(Tok::Word(w)) => matches!(
                w.as_str(),
                "and"
                    | "on"
                    | "in"
                    | "for"
                    | "with"
                    | "behind"
                    | "after"
                    | "ahead"
                    | "among"
                    | "while"
                    | "but"
                    | "of"
                    | "out"
                    | "overall"
                    | "globally"
                    | "worldwide"
            ),
            Some(Tok::Num { .. }) => false,
        };
        (copula || named) && ends
    }

    /// The narrower measure a rank is for, when one follows it: "second
    /// in talent", "12th for infrastructure", "third on research" name a
    /// sub-ranking, not the overall position; "in the world", "on the
    /// index" and names ("in Europe", "on the Global AI Index") do not.
    fn sub_ranking(&self, after: usize) -> Option<String> {
        let lead = self.word(after)?;
        if !matches!(lead, "in" | "for" | "on" | "among") {
            return None;
        }
        let mut k = after + 1;
        if self.is_word(k, "terms") && self.is_word(k + 1, "of") {
            k += 2;
        }
        if matches!(self.word(k), Some("the" | "its" | "their")) {
            k += 1;
        }
        let word = self.word(k)?;
        const OVERALL: &[&str] = &[
            "world",
            "index",
            "ranking",
            "rankings",
            "list",
            "table",
            "league",
            "standings",
            "survey",
            "report",
            "edition",
            "overall",
            "globe",
            "planet",
            "scale",
            "chart",
            "charts",
            "leaderboard",
            "tally",
            "count",
            "latest",
            "new",
            "annual",
            "global",
            "same",
            "list's",
            "index's",
            "a",
            "an",
            "both",
            "each",
            "all",
            "which",
            "this",
            "that",
            "these",
            "those",
            "its",
            "their",
        ];
        // A name after the rank ("8th in Europe") is a region's ranking,
        // unless it is the ranking's own name (a cue, which the binder
        // recognises, or a name ending in "Index", "Survey").
        if OVERALL.contains(&word) || month(word).is_some() {
            return None;
        }
        // "58th in the corruption perceptions ranking": the ranking's name.
        let named_ranking = (k..k + 4).any(|j| {
            self.word(j).is_some_and(|w| {
                matches!(
                    w,
                    "ranking"
                        | "rankings"
                        | "index"
                        | "list"
                        | "table"
                        | "league"
                        | "survey"
                        | "report"
                        | "scoreboard"
                        | "count"
                        | "tally"
                        | "chart"
                        | "charts"
                        | "poll"
                        | "olympics"
                        | "games"
                        | "cup"
                        | "championship"
                        | "championships"
                        | "leaderboard"
                        | "barometer"
                        | "monitor"
                        | "tracker"
                        | "standings"
                )
            })
        });
        if named_ranking {
            return None;
        }
        Some(format!("{lead} {word}"))
    }

    /// The hedge ending just before token `first`, and where it starts.
    fn hedge_before(&self, first: usize) -> (Hedge, usize) {
        // Skip a currency symbol: "about $9bn".
        let end = if first > 0 && self.punct(first - 1).and_then(currency_symbol).is_some() {
            first - 1
        } else {
            first
        };
        for (phrase, hedge) in HEDGES {
            if self.words_before(end, phrase) {
                return (*hedge, end - phrase.len());
            }
        }
        (Hedge::Exact, first)
    }

    fn amount_figure(
        &self,
        kind: Kind,
        amount: Amount,
        unit: Option<String>,
        first: usize,
        anchor: usize,
        end: usize,
    ) -> Figure {
        self.figure(kind, Value::Amount(amount), unit, first, anchor, end)
    }

    fn figure(
        &self,
        kind: Kind,
        value: Value,
        unit: Option<String>,
        first: usize,
        anchor: usize,
        end: usize,
    ) -> Figure {
        let start = self.toks[first].span.start;
        let last = end.saturating_sub(1).max(first).min(self.toks.len() - 1);
        let stop = self.toks[last].span.end;
        debug_assert!(stop <= self.text.len());
        Figure {
            kind,
            value,
            unit,
            span: start..stop,
            anchor: self.toks[anchor.min(self.toks.len() - 1)].span.start,
            fall: matches!(
                kind,
                Kind::Percent | Kind::Money | Kind::Count | Kind::Number
            ) && self.falls(first, end),
        }
    }

    /// Whether words of falling stand just before the figure's first token
    /// or just after its last: "fell 12%", "down 12 percent", "a 12% drop".
    fn falls(&self, first: usize, end: usize) -> bool {
        const BEFORE: &[&str] = &[
            "fell",
            "fall",
            "falls",
            "falling",
            "dropped",
            "drop",
            "drops",
            "declined",
            "declines",
            "shrank",
            "shrunk",
            "shrinks",
            "slumped",
            "slid",
            "plunged",
            "plummeted",
            "decreased",
            "down",
            "lost",
            "tumbled",
            "sank",
            "contracted",
        ];
        const AFTER: &[&str] = &[
            "drop",
            "fall",
            "decline",
            "decrease",
            "cut",
            "loss",
            "lower",
            "down",
            "less",
            "slump",
            "contraction",
        ];
        let before = (first.saturating_sub(3)..first)
            .any(|k| self.word(k).is_some_and(|w| BEFORE.contains(&w)));
        let after = (end..end + 2).any(|k| self.word(k).is_some_and(|w| AFTER.contains(&w)));
        before || after
    }
}

/// The denominator a fraction word names: "third" and "thirds" are 3.
fn fraction_denominator(word: &str) -> Option<f64> {
    Some(match word {
        "half" | "halves" => 2.0,
        "third" | "thirds" => 3.0,
        "quarter" | "quarters" | "fourth" | "fourths" => 4.0,
        "fifth" | "fifths" => 5.0,
        "sixth" | "sixths" => 6.0,
        "seventh" | "sevenths" => 7.0,
        "eighth" | "eighths" => 8.0,
        "ninth" | "ninths" => 9.0,
        "tenth" | "tenths" => 10.0,
        _ => return None,
    })
}

/// The factor of a verb of multiplying: "doubled" is 2.
fn verb_multiple(word: &str) -> Option<f64> {
    Some(match word {
        "doubled" | "doubling" | "doubles" => 2.0,
        "tripled" | "trebled" | "tripling" | "triples" | "trebles" => 3.0,
        "quadrupled" | "quadrupling" | "quadruples" => 4.0,
        _ => return None,
    })
}

/// The value of a cardinal written as one word, "two" to "ninety", or
/// "hundred".
fn word_value(word: &str) -> Option<f64> {
    if let Some(n) = UNITS.iter().position(|u| *u == word) {
        return Some(n as f64);
    }
    if let Some(n) = TENS.iter().position(|t| !t.is_empty() && *t == word) {
        return Some((n * 10) as f64);
    }
    (word == "hundred").then_some(100.0)
}

fn is_number_word(word: &str) -> bool {
    UNITS.contains(&word)
        || TENS[2..].contains(&word)
        || UNIT_ORDINALS.contains(&word)
        || TEN_ORDINALS[2..].contains(&word)
        || matches!(
            word,
            "hundred" | "thousand" | "million" | "billion" | "trillion"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Figure {
        let figures = read(text);
        assert_eq!(figures.len(), 1, "{text}: {figures:?}");
        figures.into_iter().next().unwrap()
    }

    #[test]
    fn spans_cover_the_hedge_and_the_unit() {
        let text = "imports fell by nearly 84 percent last year";
        let figure = one(text);
        assert_eq!(&text[figure.span.clone()], "nearly 84 percent");
        assert_eq!(figure.kind, Kind::Percent);
    }

    #[test]
    fn rank_with_total() {
        let figure = one("Russia ranks 31st out of 83 countries");
        assert_eq!(figure.value, Value::rank(31, Some(83)));
    }

    #[test]
    fn spans_cover_ranges_from_their_opening_word() {
        let text = "repairs cost between $2bn and $3bn in all";
        let figure = one(text);
        assert_eq!(&text[figure.span.clone()], "between $2bn and $3bn");
        assert_eq!(figure.unit.as_deref(), Some("usd"));
    }

    #[test]
    fn names_and_codes_do_not_hide_the_figures_after_them() {
        let text = "Covid-19 admissions at 10:30 rose 5 percent";
        let figure = one(text);
        assert_eq!(&text[figure.span.clone()], "5 percent");
    }

    #[test]
    fn a_season_is_one_year_spanning_both_numbers() {
        let text = "the 2022-23 season";
        let figure = one(text);
        assert_eq!(figure.value, Value::Year(2022));
        assert_eq!(&text[figure.span.clone()], "2022-23");
    }

    #[test]
    fn a_date_is_not_a_rank() {
        assert_eq!(one("on 28th June the list").kind, Kind::Date);
    }
}
