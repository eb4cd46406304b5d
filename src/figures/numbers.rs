//! Numbers as written, before their kind is decided: digits with their
//! separators, suffix and scale ("1.5bn", "100,000", "2-billion"), number
//! words ("nine thousand", "thirty-first", "half a million") and a sign.

use super::tokens::Tok;
use super::{Parsed, Reader};
use crate::quantity::Amount;

impl Reader<'_> {
    /// Parses a number starting at token `i`: digits with an optional scale,
    /// or a number in words.
    pub(super) fn number_at(&self, i: usize) -> Option<Parsed> {
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

    pub(super) fn digits_at(
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
            ordinal: self.lex.is_ordinal_suffix(suffix),
            words: false,
            yearish: !grouped && decimals == 0 && suffix.is_empty(),
            suffix: String::new(),
            scaled: false,
            scale: 1.0,
            decimals,
            maybe_unit: None,
            first: i,
            end: i + 1,
        };
        // "51.20": a trailing zero adds no precision.
        // A borrowed mark ("14,7 billion") is a decimal one in a number
        // the lexer did not read as grouped.
        let point = |c: char| {
            c == self.lex.decimal_mark || (!grouped && self.lex.borrowed_decimal_marks.contains(&c))
        };
        let decimals = self.digits(i).map_or(decimals, |written| {
            written.split_once(point).map_or(0, |(_, after)| {
                let digits: &str = &after[..after
                    .find(|c: char| !c.is_ascii_digit())
                    .unwrap_or(after.len())];
                digits.trim_end_matches('0').len()
            })
        });
        parsed.decimals = decimals;
        let mut scale = 1.0;
        if let Some(s) = self.lex.scale(suffix) {
            scale = s;
            parsed.maybe_unit = self
                .lex
                .ambiguous_scales
                .iter()
                .find(|(letter, _)| *letter == suffix)
                .map(|(_, unit)| *unit);
        } else if self.lex.percent_words.contains(&suffix) {
            // "24pc"
            parsed.suffix = "%".to_string();
        } else if !parsed.ordinal && !suffix.is_empty() {
            // "12p": pence, unless the lines of a video ("1080p").
            let pence = self.lex.minor_unit(suffix).is_some()
                && value < 1000.0
                && !self.lex.not_minor.contains(&(value as u32));
            if suffix != "%" && self.lex.measure_unit(suffix).is_none() && !pence {
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
            if let Some(s) = self.word(j).and_then(|w| self.lex.scale(w)) {
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
        parsed.scale = scale;
        parsed.slack = Amount::rounding(parsed.value, decimals, scale);
        Some(parsed)
    }

    /// Numbers and ordinals in words: "nine thousand", "thirty-first",
    /// "half a million", "a million".
    pub(super) fn words_at(&self, i: usize) -> Option<Parsed> {
        let mut j = i;
        let mut total = 0.0;
        let mut current = 0.0;
        let mut any = false;
        let mut ordinal = false;
        let mut half = false;
        let mut last_scale = 1.0;
        // Whether the last word read was a scale ("one hundred", "two
        // thousand"), after which "and" continues the number.
        let mut after_scale = false;
        // "a quarter-percentage point", "a half-percentage-point cut", "a
        // quarter of a percentage point", "half a percentage point": a
        // fraction of a point.
        if let Some((denominator, false)) = self.word(j).and_then(|w| self.lex.fraction(w)) {
            let k = if self.punct(j + 1) == Some('-') && self.touching(j) {
                j + 2
            } else if self.is_word(j + 1, "of")
                && self.lex.articles.contains(&self.word(j + 2).unwrap_or(""))
            {
                j + 3
            } else if self.lex.articles.contains(&self.word(j + 1).unwrap_or("")) {
                // "half a percentage point"
                j + 2
            } else {
                j + 1
            };
            if self.percent_at(k).is_some() {
                return Some(Parsed {
                    value: 1.0 / denominator,
                    slack: 0.0,
                    ordinal: false,
                    words: true,
                    yearish: false,
                    suffix: String::new(),
                    scaled: false,
                    scale: 1.0,
                    decimals: 0,
                    maybe_unit: None,
                    first: i,
                    end: k,
                });
            }
        }
        if self.is_word(j, self.lex.half)
            && self.lex.articles.contains(&self.word(j + 1).unwrap_or(""))
        {
            if let Some(s) = self
                .word(j + 2)
                .and_then(|w| self.lex.scale(w))
                .filter(|s| *s >= 1e3)
            {
                let value = s / 2.0;
                return Some(Parsed {
                    value,
                    slack: Amount::rounding(value, 0, 1.0),
                    ordinal: false,
                    words: true,
                    yearish: false,
                    suffix: String::new(),
                    scaled: true,
                    scale: s,
                    decimals: 0,
                    maybe_unit: None,
                    first: i,
                    end: j + 3,
                });
            }
            half = true;
        }
        if !half && self.word(j).is_some_and(|w| self.lex.articles.contains(&w)) {
            if let Some(s) = self
                .word(j + 1)
                .and_then(|w| self.lex.scale(w))
                .filter(|s| *s >= 1e2)
            {
                current = 1.0;
                any = true;
                j += 1;
                let _ = s;
            } else {
                return None;
            }
        }
        while let Some(word) = self.word(j) {
            if let Some(n) = self.lex.unit(word) {
                current += n as f64;
            } else if let Some(n) = self.lex.ten(word) {
                current += n as f64;
            } else if let Some(n) = self.lex.unit_ordinal(word) {
                current += n as f64;
                ordinal = true;
                any = true;
                j += 1;
                break;
            } else if let Some(n) = self.lex.ten_ordinal(word) {
                current += n as f64;
                ordinal = true;
                any = true;
                j += 1;
                break;
            } else if word == self.lex.hundredth && any {
                current *= 100.0;
                ordinal = true;
                j += 1;
                break;
            } else if let Some(s) = self.lex.scale(word).filter(|_| word.len() > 2 && any) {
                after_scale = true;
                if s == 1e2 {
                    current *= s;
                } else {
                    total += current * s;
                    current = 0.0;
                    last_scale = s;
                }
            } else if word == self.lex.and
                && any
                && after_scale
                && self.word(j + 1).is_some_and(|w| self.lex.is_number_word(w))
            {
                // "one hundred and twenty"; "two and three" is two numbers.
                after_scale = false;
            } else {
                break;
            }
            any = true;
            j += 1;
            // "twenty-five", "thirty-first"
            if self.punct(j) == Some('-')
                && self.word(j + 1).is_some_and(|w| self.lex.is_number_word(w))
            {
                j += 1;
            }
        }
        if !any {
            return None;
        }
        // "four-and-a-half", "one and a half billion"
        let mut halved = false;
        if !ordinal && let Some(k) = self.and_a_half(j) {
            current += 0.5;
            j = k;
            halved = true;
            if let Some(s) = self
                .word(j)
                .filter(|w| w.len() > 2)
                .and_then(|w| self.lex.scale(w))
                .filter(|s| *s >= 1e3)
            {
                total += current * s;
                current = 0.0;
                last_scale = s;
                j += 1;
            }
        }
        let value = total + current;
        // "one, two and three": a list of numbers in words.
        let listed = matches!(self.punct(j), Some(','))
            || self.word(j).is_some_and(|w| w == self.lex.and || w == "or");
        let listed = listed
            && self
                .word(j + 1)
                .is_some_and(|w| self.lex.unit(w).is_some() || self.lex.ten(w).is_some());
        // A lone "one" or "a" is rarely a figure, unless a percent, a
        // ratio, an item of a list or a place: "one percent", "one in
        // five", "number one".
        let place = i > 0 && self.is_word(i - 1, "number");
        if !ordinal
            && !halved
            && !listed
            && !place
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
        if !ordinal
            && self
                .word(next)
                .and_then(|w| self.lex.fraction(w))
                .is_some_and(|(_, plural)| plural)
        {
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
            scale: if current == 0.0 { last_scale } else { 1.0 },
            decimals: 0,
            maybe_unit: None,
            first: i,
            end: j,
        })
    }

    /// "and a half" at token `j`, its words apart or hyphened
    /// ("four-and-a-half"): the token after it.
    fn and_a_half(&self, j: usize) -> Option<usize> {
        let mut k = j;
        let hyphen = |k: usize| self.punct(k) == Some('-') && self.touching(k - 1);
        if hyphen(k) {
            k += 1;
        }
        if !self.is_word(k, self.lex.and) {
            return None;
        }
        k += 1;
        if hyphen(k) {
            k += 1;
        }
        if !self.word(k).is_some_and(|w| self.lex.articles.contains(&w)) {
            return None;
        }
        k += 1;
        if hyphen(k) {
            k += 1;
        }
        self.is_word(k, self.lex.half).then_some(k + 1)
    }

    /// The sign written just before token `i` ("-2.1%", "+4.2", "minus
    /// 40"): its factor and the sign's token. A hyphen fused to what comes
    /// before it joins a range or a name instead ("50-70", "Covid-19").
    pub(super) fn sign_before(&self, i: usize) -> Option<(f64, usize)> {
        let at = i.checked_sub(1)?;
        if self
            .word(at)
            .is_some_and(|w| self.lex.minus_words.contains(&w))
        {
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
}
