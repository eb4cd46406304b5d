//! Reading figures from a sentence: ranks, counts, percentages, money,
//! years, dates and measured numbers, each with its hedge ("nearly", "at
//! least", "between"), its rounding and its byte span, so that a claim can
//! be compared with a fact honestly and pointed at precisely.
//!
//! The reader works on tokens (numbers, words, punctuation) and looks at the
//! few tokens either side of each number to decide what it is: "31st out of
//! 83" is a rank, "28th June" a date, "62 out of 100" a score, "in 2022" a
//! year, "84 per cent" a percentage. The stages are one file each:
//!
//! - `tokens`: the lexer;
//! - `lexicon`: the words of the language (numbers, scales, months, units);
//! - `codes`: numbers that are names, codes or times, skipped;
//! - `numbers`: a number as written, digits or words, with its scale;
//! - `ranks`, `dates`, `shares`, `amounts`: what the number is, by family;
//! - `ages`: ranges that are age brackets, labels rather than figures.

mod ages;
mod amounts;
mod codes;
mod dates;
mod lexicon;
mod numbers;
mod ranks;
mod shares;
mod tokens;

use std::ops::Range;

use serde::Serialize;

pub use lexicon::canonical_unit;
use lexicon::{ENGLISH, Lexicon};
pub(crate) use lexicon::{TEN_ORDINALS, TENS, UNIT_ORDINALS, UNITS};
use tokens::{Tok, Token, tokenize};

use crate::quantity::{Amount, Hedge, Kind, Value};

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

/// Verbs of motion before "up to": "edged up to 4.3%" states where the
/// figure went, not a ceiling on it.
pub(crate) const MOVED: &[&str] = &[
    "edged",
    "edges",
    "edging",
    "ticked",
    "ticks",
    "ticking",
    "inched",
    "inches",
    "inching",
    "crept",
    "creeps",
    "creeping",
    "moved",
    "moves",
    "moving",
    "went",
    "goes",
    "going",
    "gone",
    "rose",
    "rises",
    "rising",
    "risen",
    "climbed",
    "climbs",
    "climbing",
    "jumped",
    "jumps",
    "jumping",
    "shot",
    "shoots",
    "nudged",
    "nudges",
    "revised",
    "revises",
    "revising",
    "ratcheted",
    "drifted",
    "drifts",
    "bounced",
    "bounces",
    "picked",
    "crawled",
    "pushed",
    "notched",
    "stepped",
    "bumped",
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

/// Words that bound a figure through the level they name before it:
/// "below the replacement level of 2.1".
const BOUND_THROUGH: &[(&str, Hedge)] = &[
    ("below", Hedge::AtMost),
    ("under", Hedge::AtMost),
    ("beneath", Hedge::AtMost),
    ("above", Hedge::AtLeast),
    ("exceeds", Hedge::AtLeast),
    ("exceeded", Hedge::AtLeast),
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
    /// The scale the number was written with, 1 when none: 1,000 for
    /// "70 thousand" and "seventy thousand", a million for "1.5m".
    scale: f64,
    /// Digits written after the decimal mark, trailing zeros aside.
    decimals: usize,
    /// The unit a glued scale letter may be instead ("m" of "37m" may be
    /// metres), until the words after it decide.
    maybe_unit: Option<&'static str>,
    first: usize,
    /// One past the last token of the number.
    end: usize,
}

struct Reader<'t> {
    text: &'t str,
    toks: Vec<Token>,
    /// The language's number words, scales, months and separators.
    lex: &'static Lexicon,
    /// Byte ranges of web addresses written in the text, whose digits are
    /// not figures.
    urls: Vec<Range<usize>>,
}

/// The month a word names in the reader's lexicon ("september", "Sept",
/// "Dec" is 12), for the binder's reading of periods.
pub(crate) fn month_named(word: &str) -> Option<u8> {
    lexicon::ENGLISH.month(word)
}

/// The other forms of a one-word verb cue in the reader's lexicon
/// ("grew": "grows", "growing").
pub(crate) fn verb_forms(cue: &str) -> Vec<String> {
    lexicon::ENGLISH.verb_forms(cue)
}

/// The one name of a unit of time ("years" is `year`), if `word` is one.
pub(crate) fn time_unit(word: &str) -> Option<&'static str> {
    lexicon::ENGLISH.time_unit(word)
}

/// The number an ordinal word below twenty names ("third" is 3).
pub(crate) fn unit_ordinal(word: &str) -> Option<u8> {
    lexicon::ENGLISH
        .unit_ordinal(word)
        .and_then(|n| u8::try_from(n).ok())
}

/// Whether a word is a number or ordinal in words up to the tens ("one",
/// "ten", "third") in the reader's lexicon: a sentence opening with one
/// names nobody.
pub(crate) fn number_word(word: &str) -> bool {
    let lexicon = &lexicon::ENGLISH;
    lexicon.unit(word).is_some()
        || lexicon.ten(word).is_some()
        || lexicon.unit_ordinal(word).is_some()
        || lexicon.ten_ordinal(word).is_some()
}

/// Whether a word writes part of a figure in the reader's lexicon: a
/// number or ordinal word, a scale ("million", "bn") or percent word.
pub(crate) fn figure_word(word: &str) -> bool {
    let lexicon = &lexicon::ENGLISH;
    number_word(word) || lexicon.scale(word).is_some() || lexicon.percent_words.contains(&word)
}

/// Whether `word` (lower case) is a function word, which never names what
/// a count counts: "the", "of", "vs".
pub(crate) fn function_word(word: &str) -> bool {
    amounts::FUNCTION_WORDS.contains(&word)
}

/// Whether `word` (lower case) names a month: "march", "sept".
pub fn names_a_month(word: &str) -> bool {
    ENGLISH.month(word).is_some()
}

/// Reads every figure in `text`, in order of appearance.
pub fn read(text: &str) -> Vec<Figure> {
    let lex = &ENGLISH;
    let reader = Reader {
        text,
        toks: tokenize(text, lex),
        lex,
        urls: codes::web_addresses(text),
    };
    let mut figures = Vec::new();
    // The ends of a scale the sentence sets out ("from 0 to 100"), and
    // where it does: the ends named again after it are the scale's too
    // ("where 100 means very clean").
    let mut scale: Option<(usize, Vec<f64>)> = None;
    let mut i = 0;
    while i < reader.toks.len() {
        if let Some((figure, next)) = reader.period_label(i) {
            figures.push(figure);
            i = next;
            continue;
        }
        if let Some(next) = reader.not_a_figure(i) {
            i = next.max(i + 1);
            continue;
        }
        match reader.figure_at(i) {
            Some((figure, next)) => {
                figures.push(figure);
                i = next.max(i + 1);
            }
            None => {
                if let Some(n) = reader.number_at(i)
                    && reader.scale_at(&n)
                {
                    let at = reader.toks[i].span.start;
                    let (_, ends) = scale.get_or_insert_with(|| (at, vec![0.0]));
                    ends.push(n.value);
                }
                i += 1;
            }
        }
    }
    if let Some((at, ends)) = scale {
        figures.retain(|f| {
            let end = matches!(&f.value, Value::Amount(a) if ends.contains(&a.nominal));
            !(end && f.kind == Kind::Count && f.span.start > at)
        });
    }
    places_in_brackets(text, &mut figures);
    other_dollars(text, &mut figures);
    settle(figures)
}

/// "$US94.04 billion ($146b)": beside a sum whose currency is spelled out,
/// a bare symbol in brackets converts it into the currency the paper
/// counts in, which the symbol alone does not name. Either may come
/// first ("$146b (US$94bn)").
fn other_dollars(text: &str, figures: &mut [Figure]) {
    let spelled = |f: &Figure| {
        let written = &text[f.span.clone()];
        let lead = &written[..written.find(|c: char| c.is_ascii_digit()).unwrap_or(0)];
        lead.chars().any(char::is_alphabetic)
    };
    let bare = |f: &Figure| {
        let mut chars = text[f.span.clone()].chars();
        chars.next().is_some_and(|c| !c.is_alphanumeric())
            && chars.next().is_some_and(|c| c.is_ascii_digit())
    };
    for k in 1..figures.len() {
        let (first, second) = (&figures[k - 1], &figures[k]);
        // Overlapping figures ("4 USD3") are left for `settle` to drop.
        if first.kind != Kind::Money
            || second.kind != Kind::Money
            || first.unit != second.unit
            || first.span.end > second.span.start
        {
            continue;
        }
        let between = text[first.span.end..second.span.start].trim();
        let closed = text[second.span.end..].trim_start().starts_with(')');
        if !(between == "(" && closed) {
            continue;
        }
        let same_symbol = |a: &Figure, b: &Figure| {
            let symbol = |f: &Figure| text[f.span.clone()].chars().find(|c| !c.is_alphanumeric());
            symbol(a) == symbol(b)
        };
        if !same_symbol(first, second) {
            continue;
        }
        if spelled(first) && bare(second) {
            figures[k].unit = None;
        } else if bare(first) && spelled(second) {
            figures[k - 1].unit = None;
        }
    }
}

/// "ahead of Maldives (132) and Pakistan (145)": in a sentence that states
/// a rank, a whole number in brackets right after a name is that name's
/// place.
fn places_in_brackets(text: &str, figures: &mut [Figure]) {
    if !figures.iter().any(|f| f.kind == Kind::Rank) {
        return;
    }
    for figure in figures.iter_mut() {
        let Value::Amount(amount) = &figure.value else {
            continue;
        };
        let n = amount.nominal;
        let whole = figure.kind == Kind::Count
            && figure.unit.is_none()
            && amount.upper.is_none()
            && n.fract() == 0.0
            && (1.0..1000.0).contains(&n);
        let before = text[..figure.span.start].strip_suffix('(');
        let named = before.is_some_and(|b| {
            b.trim_end()
                .rsplit(char::is_whitespace)
                .next()
                .is_some_and(|w| w.starts_with(char::is_uppercase))
        });
        if whole && named && text[figure.span.end..].starts_with(')') {
            figure.kind = Kind::Rank;
            figure.value = Value::rank(n as u32, None);
        }
    }
}

/// Drops what no reader would take from the figures read: a total below
/// the rank it follows ("8th of 4" is no rank of 4, and no rule could
/// hold it), and a figure whose phrase overlaps the one before it ("4 USD
/// 3 million percent"), which no fix could write over without the other.
fn settle(mut figures: Vec<Figure>) -> Vec<Figure> {
    for figure in &mut figures {
        if let Value::Rank { worst, of, .. } = &mut figure.value
            && of.is_some_and(|of| of < *worst)
        {
            *of = None;
        }
    }
    let mut end = 0;
    figures.retain(|f| {
        let keep = f.span.start >= end;
        if keep {
            end = f.span.end;
        }
        keep
    });
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

    /// The figure starting at token `i`, and the token after it: first the
    /// phrasings that open with a word of their own ("top 10", "No. 31",
    /// "December 11", a date in digits, a fraction, a multiple), then a
    /// number, whose kind the words around it decide.
    fn figure_at(&self, i: usize) -> Option<(Figure, usize)> {
        if self.is_word(i, "top") {
            return self.top_at(i);
        }
        if matches!(self.word(i), Some("no" | "number")) || self.punct(i) == Some('#') {
            return self.numbered_at(i);
        }
        if let Some(month) = self.month_at(i) {
            return self.month_first(i, month);
        }
        if let Some(found) = self.date_in_digits(i) {
            return Some(found);
        }
        if let Some(found) = self.list_rank_at(i) {
            return Some(found);
        }
        if let Some(found) = self.fraction_at(i).or_else(|| self.multiple_at(i)) {
            return Some(found);
        }
        let n = self.number_at(i)?;
        if self.total_of_label(&n) || self.scale_at(&n) {
            return None;
        }
        self.classify(n)
    }

    /// Whether the number `n` describes a scale rather than states a
    /// figure: "on a 10-point scale", "a scale of 0 to 10", "from 0 to
    /// 100".
    fn scale_at(&self, n: &Parsed) -> bool {
        let mut k = n.end;
        if self.punct(k) == Some('-') {
            k += 1;
        }
        let point_scale =
            matches!(self.word(k), Some("point" | "points")) && self.is_word(k + 1, "scale");
        // An aside after an end: "from 0 (highly corrupt) to 100".
        let before_aside = |k: usize| -> Option<usize> {
            if self.punct(k) != Some(')') {
                return Some(k);
            }
            let open = (k.saturating_sub(8)..k)
                .rev()
                .find(|&j| self.punct(j) == Some('('))?;
            open.checked_sub(1)
        };
        let after_aside = |k: usize| -> Option<usize> {
            if self.punct(k) != Some('(') {
                return Some(k);
            }
            (k + 1..k + 9)
                .find(|&j| self.punct(j) == Some(')'))
                .map(|j| j + 1)
        };
        let mut b = n.first;
        let mut both_ends = false;
        // "a scale of 0 to 10": both ends.
        if b >= 2
            && self.is_word(b - 1, "to")
            && let Some(x) = before_aside(b - 2)
            && (self.is_word(x, "zero")
                || self
                    .number_at(x)
                    .is_some_and(|low| matches!(low.value, 0.0 | 1.0)))
        {
            b = x;
            both_ends = true;
        }
        // The other end after this one: "scores from 0 (...) to 100".
        if let Some(to) = after_aside(n.end)
            && self.is_word(to, "to")
            && matches!(n.value, 0.0 | 1.0)
            && self
                .number_at(to + 1)
                .is_some_and(|high| matches!(high.value, 5.0 | 7.0 | 10.0 | 100.0))
        {
            both_ends = true;
        }
        let of_scale = b >= 2
            && matches!(self.word(b - 1), Some("of" | "from"))
            && (self.is_word(b - 2, "scale")
                || (both_ends
                    && (b.saturating_sub(3)..b - 1).any(|j| {
                        matches!(
                            self.word(j),
                            Some(
                                "scale"
                                    | "score"
                                    | "scores"
                                    | "scored"
                                    | "scoring"
                                    | "rates"
                                    | "rated"
                                    | "rating"
                                    | "ratings"
                                    | "ranges"
                                    | "ranging"
                                    | "range"
                            )
                        )
                    })));
        point_scale || of_scale
    }

    /// Decides what a parsed number is from the tokens around it: a date
    /// with its day first, a rank, a share of a group or a score, and
    /// otherwise an amount (a percentage, money, a measure, a year or a
    /// count).
    fn classify(&self, n: Parsed) -> Option<(Figure, usize)> {
        if let Some(found) = self.day_first(&n) {
            return Some(found);
        }
        if n.ordinal {
            return self.rank(n);
        }
        if let Some(found) = self.cardinal_rank(&n).or_else(|| self.move_in_ranking(&n)) {
            return Some(found);
        }
        // "one in five adults": a share, read as a percent.
        if let Some((share, end)) = self.ratio_at(n.end, n.value) {
            return Some(self.share_of_group(share, n.first, end));
        }
        let points = usize::from(matches!(self.word(n.end), Some("points" | "point")));
        let points_from = points == 1
            && self.is_word(n.end + 1, "from")
            && self.number_at(n.end + 2).is_some_and(|t| t.value == 100.0);
        if self.is_word(n.end, "out") && self.is_word(n.end + 1, "of") {
            return self.out_of(&n);
        }
        let points_out_of =
            points == 1 && self.is_word(n.end + 1, "out") && self.is_word(n.end + 2, "of");
        if (points_out_of || points_from)
            && let Some(found) = self.out_of(&n)
        {
            return Some(found);
        }
        if let Some(found) = self.age_bracket(&n) {
            return Some(found);
        }
        self.amount(n)
    }

    /// The hedge ending just before token `first`, and where it starts.
    fn hedge_before(&self, first: usize) -> (Hedge, usize) {
        // Skip a currency: "about $9bn", "about HK$9bn", "about Rs 500".
        let end = self.currency_lead(first);
        for (phrase, hedge) in HEDGES {
            if self.words_before(end, phrase) {
                // "edged up to 4.3%": where the figure went, not a ceiling.
                let moved = *phrase == ["up", "to"]
                    && (end >= 3)
                    && self
                        .word(end - 3)
                        .is_some_and(|w| MOVED.contains(&w.to_lowercase().as_str()));
                if moved {
                    return (Hedge::Exact, first);
                }
                return (*hedge, end - phrase.len());
            }
        }
        // "well below the replacement level of 2.1": a bound set through
        // the level it names, a few words back. The figure keeps its span.
        if end >= 3 && self.is_word(end - 1, "of") {
            for k in (end.saturating_sub(6)..end - 2).rev() {
                let Some(word) = self.word(k) else { break };
                let word = word.to_lowercase();
                if let Some(&(_, hedge)) = BOUND_THROUGH.iter().find(|(w, _)| *w == word) {
                    return (hedge, first);
                }
            }
        }
        (Hedge::Exact, first)
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
            "declining",
            "decreasing",
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
            "losing",
            "shed",
            "sheds",
            "shedding",
            "slashed",
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
        // "a decline of 4%", "a drop of 3.2 points".
        let noun_of = first >= 2
            && self.is_word(first - 1, "of")
            && self
                .word(first - 2)
                .is_some_and(|w| AFTER.contains(&w) && w != "less");
        let after = (end..end + 2).any(|k| self.word(k).is_some_and(|w| AFTER.contains(&w)));
        before || after || noun_of
    }
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
    fn a_trailing_zero_is_not_extra_precision() {
        let figure = one("revenue of $51.20 billion");
        let source = Value::Amount(Amount::exact(51.215e9));
        assert!(figure.value.compatible(&source), "{figure:?}");
        let figure = one("revenue of $51.2 billion");
        assert!(figure.value.compatible(&source), "{figure:?}");
    }

    #[test]
    fn a_date_is_not_a_rank() {
        assert_eq!(one("on 28th June the list").kind, Kind::Date);
    }
}
