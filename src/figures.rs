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
    LEXER
        .captures_iter(text)
        .filter_map(|caps| {
            let whole = caps.get(0)?;
            let span = whole.range();
            let tok = if let Some(num) = caps.name("num") {
                let digits: String = num
                    .as_str()
                    .chars()
                    .filter(|c| c.is_ascii_digit() || *c == '.')
                    .collect();
                let decimals = digits.split_once('.').map_or(0, |(_, d)| d.len());
                Tok::Num {
                    value: digits.parse().ok()?,
                    decimals,
                    grouped: num.as_str().contains([',', ' ']),
                    suffix: caps
                        .name("suffix")
                        .map_or(String::new(), |s| s.as_str().to_ascii_lowercase()),
                }
            } else if let Some(word) = caps.name("word") {
                Tok::Word(word.as_str().to_ascii_lowercase())
            } else {
                Tok::Punct(whole.as_str().chars().next()?)
            };
            let capital = whole.as_str().starts_with(|c: char| c.is_uppercase());
            Some(Token { tok, span, capital })
        })
        .collect()
}

const UNITS: [&str; 20] = [
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
const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
const UNIT_ORDINALS: [&str; 20] = [
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
const TEN_ORDINALS: [&str; 10] = [
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
        // A lone "one" or "a" is rarely a figure.
        if !ordinal && value < 2.0 {
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
            if !(1.0..=31.0).contains(&n.value) || n.value.fract() != 0.0 || n.scaled {
                return None;
            }
            let (year, end) = self.year_after(n.end);
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
        let n = self.number_at(i)?;
        self.classify(n)
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
        match self.number_at(k + lead) {
            Some(n) if !n.ordinal && n.value >= 1.0 && n.value.fract() == 0.0 && !n.scaled => {
                (Some(n.value as u32), n.end)
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
                after
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
        if rank_verb && !n.scaled && n.value.fract() == 0.0 && n.value >= 1.0 && !n.words {
            let (of, end) = self.total_after(after);
            let value = Value::rank(n.value as u32, of);
            return Some((
                self.figure(Kind::Rank, value, None, n.first, n.first, end),
                end,
            ));
        }
        // "62 out of 100": a score, not a rank or a count.
        if self.is_word(after, "out") && self.is_word(after + 1, "of") {
            let total = self.number_at(after + 2)?;
            let value = Value::Amount(Amount::exact(n.value));
            let unit = Some(format!("out of {}", crate::quantity::number(total.value)));
            return Some((
                self.figure(Kind::Number, value, unit, n.first, n.first, total.end),
                total.end,
            ));
        }
        let (hedge, start) = self.hedge_before(n.first);
        let mut amount = Amount {
            nominal: n.value,
            upper: None,
            hedge,
            slack: n.slack,
        };
        let mut end = after;
        // Ranges: "between 50,000 and 70,000", "50,000-70,000", "50 to 70 thousand".
        let mut range_start = start;
        let between = n.first >= 1
            && (self.is_word(n.first - 1, "between") || self.is_word(n.first - 1, "from"));
        let joiner = if between {
            self.is_word(end, "and") || self.is_word(end, "to")
        } else {
            self.is_word(end, "to") || (self.punct(end) == Some('-') && self.touching(end))
        };
        if joiner
            && let Some(upper) = self.number_at(end + 1).filter(|m| !m.ordinal)
            && !(n.yearish && upper.yearish && n.value >= 1000.0)
        {
            let mut low = n.value;
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
                if between {
                    range_start = n.first - 1;
                }
            }
        }
        let start = if amount.upper.is_some() && between {
            range_start
        } else {
            start
        };
        // Suffix hedges: "100,000-plus", "100,000+", "or more", "or so".
        if amount.upper.is_none() {
            if self.punct(end) == Some('+') && self.touching(end - 1) {
                amount.hedge = Hedge::AtLeast;
                end += 1;
            } else if self.punct(end) == Some('-') && self.is_word(end + 1, "plus") {
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
            if let Some(code) = self.punct(before).and_then(currency_symbol) {
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
        if n.suffix == "%" || self.punct(end) == Some('%') && self.touching(end - 1) {
            if n.suffix != "%" {
                end += 1;
            }
            let figure =
                self.amount_figure(Kind::Percent, amount, None, figure_start, n.first, end);
            return Some((figure, end));
        }
        if let Some(word) = self.word(end) {
            let percent_words = match word {
                "percent" | "pct" | "pc" => Some((1, None)),
                "per" if self.is_word(end + 1, "cent") => Some((2, None)),
                "percentage" if matches!(self.word(end + 1), Some("point" | "points")) => {
                    Some((2, Some("points".to_string())))
                }
                _ => None,
            };
            if let Some((len, unit)) = percent_words {
                end += len;
                let figure =
                    self.amount_figure(Kind::Percent, amount, unit, figure_start, n.first, end);
                return Some((figure, end));
            }
        }
        // Money: a currency before, or a currency word after.
        if currency.is_none()
            && let Some(code) = self.word(end).and_then(currency_word)
        {
            currency = Some(code);
            end += 1;
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
        let unit = measure_unit(&n.suffix).map(|u| (u, end)).or_else(|| {
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
            let value = Value::Year(n.value as i32);
            return Some((
                self.figure(Kind::Year, value, None, n.first, n.first, end),
                end,
            ));
        }
        let unit = self.word(end).map(|w| w.to_string());
        let figure = self.amount_figure(Kind::Count, amount, unit, figure_start, n.first, end);
        Some((figure, end))
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
        if self
            .word(after)
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
                .any(|k| self.word(k).is_some_and(|w| RANK_VERBS.contains(&w)));
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
        Some((
            self.figure(Kind::Rank, value, None, n.first, n.first, end),
            end,
        ))
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
        }
    }
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
    fn a_date_is_not_a_rank() {
        assert_eq!(one("on 28th June the list").kind, Kind::Date);
    }
}
