//! Numbers that are names, codes, times or scores rather than figures:
//! "G20", "Covid-19", "10:30", "9/11", "3-1", a phone number.

use super::Reader;
use super::ranks::RANK_VERBS;
use super::tokens::Tok;

/// Words that may be joined to a number without making it a name:
/// "mid-2023", "pre-2020", "top-20", "FY2024".
pub(super) const NUMBER_PREFIXES: &[&str] = &[
    "mid", "pre", "post", "early", "late", "end", "top", "bottom", "sub", "over", "under",
    "fiscal", "fy",
];

impl Reader<'_> {
    /// Numbers fused into one string with nothing or a `:`, `/`, `.` or `-`
    /// between them ("10:30", "9/11", "2.4.1", "555-0142"), from token `i`:
    /// the token after them, how many numbers, and the marks joining them.
    pub(super) fn chain(&self, i: usize) -> (usize, usize, Vec<char>) {
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
    pub(super) fn not_a_figure(&self, i: usize) -> Option<usize> {
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
                NUMBER_PREFIXES.contains(&w)
                    || (w.len() == 3 && self.lex.currency_word(w).is_some())
                    || self.lex.currency_prefix(w).is_some()
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
                let first_ordinal = self.lex.is_ordinal_suffix(suffix);
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
}
