//! Amounts: counts, percentages, money and measured numbers, with their
//! sign, hedge, range and unit ("between $2bn and $3bn", "-2.1%", "28nm",
//! "100,000-plus people"), and plain years.

use super::tokens::Tok;
use super::{Figure, Parsed, Reader};
use crate::quantity::{Amount, Hedge, Kind, Value};

/// Words before "from" that make "from X to Y" a range, not a change.
pub(super) const RANGE_WORDS: &[&str] = &[
    "range", "ranges", "ranged", "ranging", "anywhere", "vary", "varies", "varied", "varying",
    "run", "runs", "ran",
];

/// Words before "from" that make "from X to Y" a change, two values.
const CHANGE_WORDS: &[&str] = &[
    "rose",
    "rise",
    "rises",
    "rising",
    "risen",
    "fell",
    "fall",
    "falls",
    "falling",
    "fallen",
    "grew",
    "grow",
    "grows",
    "growing",
    "grown",
    "increased",
    "increase",
    "increases",
    "decreased",
    "decrease",
    "decreases",
    "dropped",
    "drop",
    "drops",
    "climbed",
    "climb",
    "climbing",
    "jumped",
    "jump",
    "jumping",
    "surging",
    "soaring",
    "plunging",
    "sliding",
    "slipping",
    "dropping",
    "declining",
    "increasing",
    "decreasing",
    "moving",
    "improving",
    "improved",
    "slipped",
    "declined",
    "decline",
    "widened",
    "narrowed",
    "shrank",
    "shrunk",
    "surged",
    "soared",
    "plunged",
    "slumped",
    "eased",
    "recovered",
    "went",
    "moved",
    "changed",
    "cut",
    "raised",
    "lowered",
    "lifted",
    "up",
    "down",
    "doubled",
    "tripled",
    "swelled",
    "ballooned",
    "expanded",
    "contracted",
    "improved",
    "worsened",
    "shifted",
];

/// Verbs of a move just before a number: "fell 5p to 245p" is the move
/// and the level it reached.
const MOVES: &[&str] = &[
    "fell",
    "rose",
    "dropped",
    "slipped",
    "climbed",
    "gained",
    "lost",
    "added",
    "shed",
    "jumped",
    "slid",
    "eased",
    "edged",
    "tumbled",
    "surged",
    "soared",
    "sank",
    "dipped",
    "advanced",
    "retreated",
    "plunged",
    "slumped",
];

/// Units of time: "over three days" is a span, not a bound.
pub(super) const TIME_UNITS: &[&str] = &[
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "night", "nights",
    "week", "weeks", "weekend", "weekends", "month", "months", "year", "years", "decade",
    "decades", "season", "seasons",
];

/// Words that follow a count without naming what it counts.
pub(super) const FUNCTION_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "nor",
    "of",
    "in",
    "on",
    "at",
    "by",
    "for",
    "to",
    "from",
    "with",
    "into",
    "than",
    "as",
    "that",
    "this",
    "these",
    "those",
    "which",
    "who",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "should",
    "must",
    "it",
    "its",
    "they",
    "their",
    "he",
    "she",
    "his",
    "her",
    "we",
    "our",
    "you",
    "not",
    "so",
    "if",
    "then",
    "more",
    "fewer",
    "less",
    "per",
    "each",
    "last",
    "next",
    "since",
    "during",
    "after",
    "before",
    "until",
    "ago",
    "alone",
    "apiece",
    "out",
    "up",
    "down",
    "over",
    "under",
    "about",
    "around",
    "between",
    "vs",
    "versus",
    "against",
    "according",
    "despite",
    "including",
    "excluding",
    "compared",
];

impl Reader<'_> {
    /// The word a count counts: the next word ("100,000 people"), or the one
    /// hyphened to the number ("a 48-hour strike"); none when the next word
    /// is a function word ("100,000 have left").
    pub(super) fn counted(&self, end: usize) -> Option<String> {
        let at = if self.punct(end) == Some('-') && self.touching(end - 1) && self.touching(end) {
            end + 1
        } else {
            end
        };
        let word = self.word(at)?;
        let function_word = !self.toks[at].capital && FUNCTION_WORDS.contains(&word);
        if function_word {
            return None;
        }
        Some(self.noun_past_superlative(at).unwrap_or(word).to_string())
    }

    /// The plural noun after a superlative at token `at`: "regions" of
    /// "12 wealthiest regions", "ports" of "five most crowded ports".
    fn noun_past_superlative(&self, at: usize) -> Option<&str> {
        let word = self.word(at)?;
        let noun_at = if self.lex.superlative_words.contains(&word) {
            at + 2
        } else if self.lex.is_superlative(word) {
            at + 1
        } else {
            return None;
        };
        let adjective_touches = (at..noun_at).all(|k| self.word(k).is_some());
        self.word(noun_at)
            .filter(|noun| adjective_touches && noun.len() > 2 && noun.ends_with('s'))
            .filter(|noun| !FUNCTION_WORDS.contains(noun))
    }

    /// The currency of a symbol just before token `i`: "$", "€".
    /// "HK$", "US$", "A$" count as one symbol.
    /// "¥" is yen, and yuan when "yuan" or "RMB" is written near it.
    pub(super) fn currency_before(&self, i: usize) -> Option<&'static str> {
        if let Some((code, _)) = self.symbol_suffix(i) {
            return Some(code);
        }
        let at = i.checked_sub(1)?;
        let c = self.punct(at)?;
        let code = self.lex.currency_symbol(c)?;
        if let Some((code, _)) = self.symbol_prefix(at) {
            return Some(code);
        }
        let shared = self.lex.shared_symbols.iter().find(|(symbol, words, _)| {
            *symbol == c
                && (at.saturating_sub(12)..at + 12)
                    .any(|k| self.word(k).is_some_and(|w| words.contains(&w)))
        });
        Some(shared.map_or(code, |(_, _, other)| other))
    }

    /// The currency of letters glued before the symbol at token `at`
    /// ("HK" of "HK$5m"), and the letters' token. Two capitals or more
    /// may stand a space apart ("HK $5m"); a single letter may not ("A $5m
    /// grant" is in dollars).
    fn symbol_prefix(&self, at: usize) -> Option<(&'static str, usize)> {
        let c = self.punct(at)?;
        let prefix = at.checked_sub(1)?;
        let written = &self.text[self.toks[prefix].span.clone()];
        let spaced = written.len() > 1 && written.chars().all(|c| c.is_ascii_uppercase());
        let word = self
            .word(prefix)
            .filter(|_| self.touching(prefix) || spaced)?;
        let capital = self.toks[prefix].capital;
        self.lex
            .prefixed_symbol(word, c)
            .filter(|_| capital)
            .map(|code| (code, prefix))
    }

    /// The currency of a symbol with its letters written after it, glued
    /// to the number at token `i` ("$US94bn", "$A5m"), and the symbol's
    /// token.
    fn symbol_suffix(&self, i: usize) -> Option<(&'static str, usize)> {
        let letters = i.checked_sub(1)?;
        let symbol = letters.checked_sub(1)?;
        let c = self.punct(symbol)?;
        self.lex.currency_symbol(c)?;
        let word = self.word(letters)?;
        let glued = self.touching(symbol) && self.touching(letters);
        let capital = self.text[self.toks[letters].span.clone()]
            .chars()
            .all(|c| c.is_ascii_uppercase());
        self.lex
            .prefixed_symbol(word, c)
            .filter(|_| glued && capital)
            .map(|code| (code, symbol))
    }

    /// The currency of a capital glued to a number that is plainly a sum,
    /// at token `at`: "R500", "R18.50", "R1.2bn", "R41 billion", but not
    /// "R2".
    pub(super) fn glued_currency(&self, at: usize) -> Option<&'static str> {
        let word = self.word(at).filter(|_| self.toks[at].capital)?;
        let code = self.lex.glued_currency_prefix(word)?;
        let Some(Tok::Num {
            value,
            decimals,
            grouped,
            suffix,
        }) = self.toks.get(at + 1).map(|t| &t.tok)
        else {
            return None;
        };
        let scale_word = self
            .word(at + 2)
            .is_some_and(|w| w.len() > 1 && self.lex.scale(w).is_some());
        let sum = *value >= 100.0
            || *decimals > 0
            || *grouped
            || self.lex.scale(suffix).is_some()
            || scale_word;
        (self.touching(at) && sum).then_some(code)
    }

    /// The first token of a currency written just before token `i`: the
    /// symbol, its prefix ("HK$"), or an abbreviation ("Rs 500", "Rs. 45",
    /// "RM23.50"); `i` when there is none.
    pub(super) fn currency_lead(&self, i: usize) -> usize {
        if let Some((_, at)) = self.symbol_suffix(i) {
            return at;
        }
        if self.currency_before(i).is_some() {
            return self.symbol_prefix(i - 1).map_or(i - 1, |(_, at)| at);
        }
        self.currency_word_before(i).map_or(i, |(_, at)| at)
    }

    /// A currency abbreviation or code before token `i`: "USD 3 million",
    /// "Rs 500 crore", "Rs. 45", "RM23.50"; its code and its token.
    fn currency_word_before(&self, i: usize) -> Option<(&'static str, usize)> {
        let mut at = i.checked_sub(1)?;
        if self.punct(at) == Some('.') && self.touching(at - 1) {
            at = at.checked_sub(1)?;
        }
        if at + 1 == i
            && let Some(code) = self.glued_currency(at)
        {
            return Some((code, at));
        }
        let word = self.word(at).filter(|_| self.toks[at].capital)?;
        let code = self.lex.currency_prefix(word).or_else(|| {
            (word.len() == 3 && at + 1 == i)
                .then(|| self.lex.currency_word(word))
                .flatten()
        })?;
        Some((code, at))
    }

    /// Percent words at token `j`: how many tokens they take, and `points`
    /// for percentage points ("percent", "per cent", "percentage points",
    /// "percentage-point").
    pub(super) fn percent_at(&self, j: usize) -> Option<(usize, Option<String>)> {
        match self.word(j)? {
            w if self.lex.percent_words.contains(&w) => Some((1, None)),
            "per" if self.is_word(j + 1, "cent") => Some((2, None)),
            "percentage" => {
                let hyphen = usize::from(self.punct(j + 1) == Some('-') && self.touching(j));
                matches!(self.word(j + 1 + hyphen), Some("point" | "points"))
                    .then(|| (2 + hyphen, Some("points".to_string())))
            }
            // "cut by half a point", "a quarter-point rise": a fraction of
            // a point is of a percentage point.
            "point" if self.fraction_before(j) => Some((1, Some("points".to_string()))),
            _ => None,
        }
    }

    /// Whether a fraction word stands just before token `j`: "half point",
    /// "quarter-point", "half a point".
    fn fraction_before(&self, j: usize) -> bool {
        let fraction = |k: usize| {
            self.word(k)
                .and_then(|w| self.lex.fraction(w))
                .is_some_and(|(_, plural)| !plural)
        };
        let article = |k: usize| self.word(k).is_some_and(|w| self.lex.articles.contains(&w));
        (j >= 1 && fraction(j - 1))
            || (j >= 2 && self.punct(j - 1) == Some('-') && fraction(j - 2))
            || (j >= 2 && article(j - 1) && fraction(j - 2))
    }

    /// A unit of two words or more at token `j`, its words apart or
    /// hyphened ("basis points", "basis-point"), and the token after it.
    fn measure_phrase(&self, j: usize) -> Option<(&'static str, usize)> {
        self.lex.measure_phrases.iter().find_map(|(words, unit)| {
            let mut k = j;
            for (n, word) in words.iter().enumerate() {
                if n > 0 && self.punct(k) == Some('-') && self.touching(k - 1) {
                    k += 1;
                }
                if !self.is_word(k, word) {
                    return None;
                }
                k += 1;
            }
            Some((*unit, k))
        })
    }

    /// An amount from the parsed number `n` and the words around it: its
    /// sign, hedge, range, currency and unit make it a percentage, money,
    /// a measured number, a year or a count.
    pub(super) fn amount(&self, n: Parsed) -> Option<(Figure, usize)> {
        let after = n.end;
        // The number's first token, a currency symbol included: "$1.5bn".
        let lead = self.currency_lead(n.first);
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
        // "rose from 19% to 27%": a change, unless no verb of change leads
        // ("could cost from $10 to $15 billion" is a range).
        // The verb may stand a few words off: "surged in only four years
        // from 198 to 407".
        let changed = lead >= 2
            && (lead.saturating_sub(7)..lead - 1)
                .any(|k| self.word(k).is_some_and(|w| CHANGE_WORDS.contains(&w)));
        let from = opener == Some("from");
        let between = opener == Some("between") || (from && (ranged || !changed));
        let change = from && !between;
        // "climbed by 11,000 to 312,000": a change and the level it
        // reached, not a range ("rise by 10 to 15 per cent"), whose ends
        // are close.
        let by = opener == Some("by");
        let year = n.yearish && (1800.0..=2100.0).contains(&n.value);
        // A dash spaced on both sides joins a range too, unless after a
        // year, where it more likely sets off a clause.
        let dash = self.punct(end) == Some('-')
            && ((self.touching(end - 1) && self.touching(end))
                || (!self.touching(end - 1) && !self.touching(end) && !year));
        // "seven or eight", "71 or 72 percent": either of two close
        // values, a range.
        let either = !change
            && self.is_word(end, "or")
            && !(self.is_word(end + 2, "out") && self.is_word(end + 3, "of"));
        let joiner = if between {
            self.is_word(end, "and") || self.is_word(end, "to") || dash
        } else {
            !change && (self.is_word(end, "to") || dash || either)
        };
        // The upper end's number, past its currency ("to $15bn", "to
        // HK$15bn").
        let upper_at = (end + 2..=end + 3)
            .find(|&k| self.currency_before(k).is_some() && self.currency_lead(k) == end + 1)
            .unwrap_or(end + 1);
        // "rose 24% to £3bn": a percent and a sum of money are two figures.
        let same_measure = |upper: &Parsed| {
            let money_only_above = upper_at > end + 1 && self.currency_before(n.first).is_none();
            let percent_only_below = n.suffix == "%"
                && upper.suffix != "%"
                && self.percent_at(upper.end).is_none()
                && self.punct(upper.end) != Some('%');
            !(money_only_above || percent_only_below)
        };
        // "shares fell 5p to 245p": a move and the level it reached, each
        // with its own unit, the level ten times the move or more; "rose 4
        // to 5 percent" stays a range.
        let moved = |upper: &Parsed| {
            lead.checked_sub(1)
                .and_then(|k| self.word(k))
                .is_some_and(|w| MOVES.contains(&w))
                && (!n.suffix.is_empty() || lead < n.first)
                && (!upper.suffix.is_empty() || upper_at > end + 1)
                && upper.value / upper.scale >= 10.0 * n.value.abs() / n.scale
        };
        if joiner
            && let Some(upper) = self.number_at(upper_at).filter(|m| !m.ordinal)
            && !(n.yearish && upper.yearish && n.value >= 1000.0)
            // "in 2013 to 134.9 trillion yuan": a year, not a range's end.
            && !(year && matches!(opener, Some("in" | "since" | "during" | "until" | "by")))
            && same_measure(&upper)
            && !moved(&upper)
            && !(by && upper.value > 3.0 * signed(n.value).abs() * n.scale.max(1.0))
            && !(either
                && !(upper.value > n.value && upper.value <= 1.5 * n.value + 1.0
                    || upper.scale > 1.0 && n.scale == 1.0))
        {
            // "four to five thousand", "from $10 to $15 billion": the scale
            // written once belongs to both ends.
            let mut low = signed(n.value);
            if upper.scale > 1.0 && n.scale == 1.0 && low * upper.scale <= upper.value {
                low *= upper.scale;
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
        // "from $10 to $15 billion" after a change: two values, the first
        // with the scale written after the second.
        if change
            && amount.upper.is_none()
            && n.scale == 1.0
            && self.is_word(end, "to")
            && let Some(upper) = self.number_at(upper_at).filter(|m| !m.ordinal)
            && upper.scale > 1.0
            && amount.nominal.abs() * upper.scale <= upper.value
        {
            amount.nominal *= upper.scale;
            amount.slack = Amount::rounding(amount.nominal, n.decimals, upper.scale);
        }
        // "grew from 2 to 3 percent": the first value is a percent too.
        if change
            && suffix.is_empty()
            && self.is_word(end, "to")
            && let Some(upper) = self.number_at(end + 1).filter(|m| !m.ordinal)
            && (upper.suffix == "%"
                || self.punct(upper.end) == Some('%')
                || self.percent_at(upper.end) == Some((1, None))
                || self.percent_at(upper.end) == Some((2, None)))
        {
            suffix = "%".to_string();
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
                figure_start = figure_start.min(self.currency_lead(n.first));
                if before > 0 && self.is_word(before - 1, "us") {
                    figure_start = figure_start.min(before - 1);
                }
            } else if let Some((code, at)) = self.currency_word_before(n.first) {
                currency = Some(code);
                figure_start = figure_start.min(at);
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
        // "0.25 of a percentage point": a fraction of one.
        let of_one = usize::from(
            self.is_word(end, "of")
                && self
                    .word(end + 1)
                    .is_some_and(|w| self.lex.articles.contains(&w))
                && n.value < 1.0
                && self.percent_at(end + 2).is_some(),
        ) * 2;
        // "a 5-percent rise", "its two-percent target": hyphened.
        let hyphen = usize::from(
            of_one == 0
                && self.punct(end) == Some('-')
                && self.touching(end - 1)
                && self.touching(end)
                && self.percent_at(end + 1).is_some(),
        );
        if let Some((len, unit)) = self.percent_at(end + of_one + hyphen) {
            end += of_one + hyphen + len;
            let figure =
                self.amount_figure(Kind::Percent, amount, unit, figure_start, n.first, end);
            return Some((figure, end));
        }
        // Money: a currency before, or a currency word after.
        if currency.is_none() {
            // "US dollars", "2.7 billion U.S. dollars", "Hong Kong dollars"
            let place = self.lex.currency_places.iter().find(|(words, _)| {
                words
                    .iter()
                    .enumerate()
                    .all(|(k, w)| self.tok_is(end + k, w))
            });
            let at = place.map_or(end, |(words, _)| end + words.len());
            if let Some(code) = self.word(at).and_then(|w| self.lex.currency_word(w)) {
                currency = Some(place.map_or(code, |&(_, code)| code));
                end = at + 1;
            }
        }
        // Cents and pence: "41 cents a share", "a two-cent charge", "12p",
        // "20 euro cents" (the currency named before them stands).
        if let Some((code, past)) = self.minor_unit(end, &suffix) {
            currency = Some(currency.unwrap_or(code));
            end = past;
            amount.nominal /= 100.0;
            amount.upper = amount.upper.map(|u| u / 100.0);
            amount.slack /= 100.0;
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
        // "37m": millions before a counted word ("37m people"), metres
        // before a dimension ("37m tall"), and otherwise left unread.
        if let Some(unit) = n.maybe_unit {
            if self
                .word(end)
                .is_some_and(|w| self.lex.dimensions.contains(&w))
            {
                amount.nominal /= n.scale;
                amount.upper = amount.upper.map(|u| u / n.scale);
                amount.slack = Amount::rounding(amount.nominal, n.decimals, 1.0);
                let unit = Some(unit.to_string());
                let figure =
                    self.amount_figure(Kind::Number, amount, unit, figure_start, n.first, end);
                return Some((figure, end));
            }
            self.counted(end)?;
        }
        // Measured numbers: "28 nanometre", "28-nm", "28nm".
        let unit_at = if self.punct(end) == Some('-') && self.touching(end - 1) {
            end + 1
        } else {
            end
        };
        let unit = self
            .lex
            .measure_unit(&suffix)
            .map(|u| (u, end))
            .or_else(|| self.measure_phrase(unit_at))
            .or_else(|| {
                self.word(unit_at)
                    .and_then(|w| self.lex.measure_unit(w))
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
        // A score: "39 points", "a 10-point lead", "a score of 39".
        let counted = self.counted(end);
        let points = matches!(counted.as_deref(), Some("points" | "point"));
        if points || (counted.is_none() && self.scored_before(start)) {
            let end = if points {
                end + 1 + usize::from(self.punct(end) == Some('-'))
            } else {
                end
            };
            let unit = Some("points".to_string());
            let figure = self.amount_figure(Kind::Number, amount, unit, figure_start, n.first, end);
            return Some((figure, end));
        }
        let figure = self.amount_figure(Kind::Count, amount, counted, figure_start, n.first, end);
        Some((figure, end))
    }

    /// A hundredth of a currency written at token `end` or glued to the
    /// number (`suffix`): "cents", "-cent", "pence", "12p"; its currency
    /// and the token after it.
    fn minor_unit(&self, end: usize, suffix: &str) -> Option<(&'static str, usize)> {
        if let Some(code) = self.lex.minor_unit(suffix) {
            return Some((code, end));
        }
        let at = if self.punct(end) == Some('-') && self.touching(end - 1) && self.touching(end) {
            end + 1
        } else {
            end + usize::from(self.is_word(end, "us"))
        };
        let word = self.word(at).filter(|w| w.len() > 1)?;
        Some((self.lex.minor_unit(word)?, at + 1))
    }

    /// Whether a score is named just before token `start`: "scored 39",
    /// "a score of 39".
    fn scored_before(&self, start: usize) -> bool {
        let Some(before) = start.checked_sub(1) else {
            return false;
        };
        matches!(self.word(before), Some("scored" | "scores" | "scoring"))
            || (self.is_word(before, "of")
                && before > 0
                && matches!(self.word(before - 1), Some("score" | "scores")))
    }
}
