//! Shares and multiples: fractions in words ("two-thirds of"), shares of
//! a group ("one in five", "nine out of ten companies"), scores ("62 out of
//! 100") and multiples ("tenfold", "twice as many", "3x").

use super::amounts::{FUNCTION_WORDS, TIME_UNITS};
use super::tokens::Tok;
use super::{Figure, Parsed, Reader};
use crate::quantity::{Amount, Hedge, Kind, Value};

impl Reader<'_> {
    /// A fraction in words, read as a share in percent: "three-quarters of",
    /// "two-thirds of", "a third of", "half of", "half the". A fraction
    /// stands for its value give or take 2.5 points, as a writer rounds a
    /// share to the nearest simple fraction.
    pub(super) fn fraction_at(&self, i: usize) -> Option<(Figure, usize)> {
        const SLACK: f64 = 2.5;
        let word = self.word(i)?;
        let (share, end) = if word == self.lex.half {
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
            let numerator = if self.lex.articles.contains(&word) {
                1.0
            } else {
                let n = self.lex.unit(word).filter(|n| *n >= 1)?;
                n as f64
            };
            let mut j = i + 1;
            if self.punct(j) == Some('-') && self.touching(i) && self.touching(j) {
                j += 1;
            }
            let (denominator, plural) = self.word(j).and_then(|w| self.lex.fraction(w))?;
            // "two-thirds" takes the plural; halves are never a share.
            let plural = plural && denominator != 2.0;
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
        // "a quarter of a percentage point" is a fraction of a point.
        let article_after = |k: usize| self.lex.articles.contains(&self.word(k).unwrap_or(""));
        if self.is_word(end, "of") && article_after(end + 1) && self.is_word(end + 2, "percentage")
        {
            return None;
        }
        let of_what = matches!(
            self.word(end),
            Some("of" | "the" | "its" | "their" | "all" | "his" | "her" | "our")
        );
        // "the vote share was around one-third.": a share standing alone
        // after a copula, a preposition or a hedge, at the end of its clause
        // ("at a quarter-on-quarter rate" is no share).
        let stands_alone = self.toks.get(end).is_none_or(|t| {
            matches!(
                t.tok,
                Tok::Punct('.' | ',' | ';' | ':' | ')' | '!' | '?' | '"' | '\u{201d}')
            )
        }) && i
            .checked_sub(1)
            .and_then(|k| self.word(k))
            .is_some_and(|w| {
                matches!(
                    w,
                    "was"
                        | "is"
                        | "at"
                        | "to"
                        | "around"
                        | "about"
                        | "roughly"
                        | "nearly"
                        | "almost"
                        | "over"
                        | "under"
                        | "some"
                        | "just"
                        | "barely"
                )
            });
        if !(of_what || stands_alone) {
            return None;
        }
        Some(self.hedged(Kind::Percent, share, SLACK, None, i, end))
    }

    /// A share of a group in percent, read from tokens `first..end` ("one
    /// in five", "nine out of ten companies"): a writer's approximation, so
    /// "about" unless a hedge of its own is written before it.
    pub(super) fn share_of_group(&self, share: f64, first: usize, end: usize) -> (Figure, usize) {
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

    /// A multiple, read as a number of `times`: "tenfold", "a 10-fold rise",
    /// "doubled", "twice as many", "three times as large", "by 10 times",
    /// "3x".
    pub(super) fn multiple_at(&self, i: usize) -> Option<(Figure, usize)> {
        // The number itself: a word ("ten"), or plain digits ("10"), or one
        // word or suffix that is the whole multiple ("tenfold", "3x").
        let (factor, whole) = match &self.toks.get(i)?.tok {
            Tok::Word(word) => match self.lex.multiple(word) {
                Some(n) => (n, true),
                None if word == "twice" => (2.0, self.comparison_follows(i + 1)),
                None => match word
                    .strip_suffix(self.lex.fold)
                    .and_then(|w| self.lex.word_value(w))
                {
                    Some(n) => (n, true),
                    None => (self.lex.word_value(word)?, false),
                },
            },
            Tok::Num {
                value,
                grouped: false,
                suffix,
                ..
            } => match suffix.as_str() {
                s if s == "x" || s == self.lex.fold => (*value, true),
                "" => (*value, false),
                _ => return None,
            },
            Tok::Num { .. } | Tok::Punct(_) => return None,
        };
        let end = if whole {
            i + 1
        } else if self.punct(i + 1) == Some('-')
            && self.touching(i)
            && self.is_word(i + 2, self.lex.fold)
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
    pub(super) fn comparison_follows(&self, j: usize) -> bool {
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

    /// "in five" after a number: the share "one in five" states, in percent,
    /// and the token after it. Not "3 in 2022" nor "5 in 12 months".
    pub(super) fn ratio_at(&self, j: usize, value: f64) -> Option<(f64, usize)> {
        if !self.is_word(j, "in") || value < 1.0 || value.fract() != 0.0 {
            return None;
        }
        let of = self.number_at(j + 1)?;
        let whole = !of.ordinal && !of.scaled && of.suffix.is_empty() && of.value.fract() == 0.0;
        let time = self.word(of.end).is_some_and(|w| TIME_UNITS.contains(&w));
        (whole && value < of.value && of.value <= 100.0 && !time)
            .then(|| (100.0 * value / of.value, of.end))
    }

    /// "62 out of 100" after the parsed number `n`: a score, read as a
    /// number in `out of 100`; or a share of a group ("nine out of ten
    /// companies"), read as a percent.
    /// The token after "a maximum of", "maximum", "a possible" from token
    /// `k` on: "93 out of maximum 100", "out of a possible 100".
    fn past_maximum(&self, k: usize) -> usize {
        let mut k = k;
        if self.is_word(k, "a") {
            k += 1;
        }
        if matches!(self.word(k), Some("maximum" | "possible" | "total")) {
            k += 1;
            if self.is_word(k, "of") {
                k += 1;
            }
            k
        } else if self.is_word(k.wrapping_sub(1), "a") {
            k - 1
        } else {
            k
        }
    }

    pub(super) fn out_of(&self, n: &Parsed) -> Option<(Figure, usize)> {
        let after = n.end;
        // "39 points out of 100", "44 points from 100": a score.
        if matches!(self.word(after), Some("points" | "point")) {
            let from = self.is_word(after + 1, "from");
            let total = if from {
                self.number_at(after + 2)
                    .filter(|t| t.value == 100.0 && !self.is_word(t.end, "to"))?
            } else {
                self.number_at(self.past_maximum(after + 3))?
            };
            let unit = Some(format!("out of {}", crate::quantity::number(total.value)));
            return Some(self.hedged(Kind::Number, n.value, 0.0, unit, n.first, total.end));
        }
        let total = self.number_at(self.past_maximum(after + 2))?;
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
            // A share is said over a round whole ("nine out of ten", "62
            // out of 100 people"); "48 out of 59 seats" is a count of seats,
            // and the 59 is read after it.
            if total.value <= 10.0 || total.value == 100.0 {
                let share = 100.0 * n.value / total.value;
                return Some(self.share_of_group(share, n.first, total.end));
            }
            let value = Value::Amount(Amount::exact(n.value));
            let unit = self.word(total.end).map(str::to_string);
            return Some((
                self.figure(Kind::Count, value, unit, n.first, n.first, n.end),
                n.end,
            ));
        }
        // "scoring below 50 out of 100": a bound, as any amount's.
        let unit = Some(format!("out of {}", crate::quantity::number(total.value)));
        Some(self.hedged(Kind::Number, n.value, 0.0, unit, n.first, total.end))
    }
}
