//! Numbers that are names, codes, times or scores rather than figures:
//! "G20", "Covid-19", "10:30", "9/11", "3-1", a phone number.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::Reader;
use super::ranks::RANK_VERBS;
use super::tokens::Tok;

/// Names whose members are numbered: a number after one of them, the
/// name capitalised, is part of the name ("Boeing 737", "Article 5").
const NAMED_SERIES: &[&str] = &[
    "iphone",
    "ipad",
    "galaxy",
    "pixel",
    "windows",
    "playstation",
    "xbox",
    "ftse",
    "nasdaq",
    "stoxx",
    "nikkei",
    "dax",
    "cac",
    "ibex",
    "asx",
    "kospi",
    "russell",
    "fortune",
    "boeing",
    "airbus",
    "article",
    "section",
    "chapter",
    "clause",
    "flight",
    "route",
    "platform",
    "gate",
    "terminal",
    "interstate",
    "highway",
    "formula",
    "ligue",
    "apollo",
    "artemis",
    "category",
    "model",
    "version",
    "channel",
    "radio",
    "quarter",
];

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

    /// Whether the word at token `at` names a series whose members are
    /// numbered, so that the number after it is part of a name: "Boeing
    /// 737", "Windows 11", "FTSE 100", or "S&P" (a capital after `&`).
    fn names_a_series(&self, at: usize) -> bool {
        let Some(word) = self.word(at) else {
            return false;
        };
        let token = &self.toks[at];
        let written = &self.text[token.span.clone()];
        // "iPhone", "iPad": a lower-case i before a capital.
        let product = written.len() > 2
            && written.starts_with('i')
            && written[1..].starts_with(|c: char| c.is_ascii_uppercase());
        let ampersand = at >= 2
            && self.punct(at - 1) == Some('&')
            && self.touching(at - 1)
            && self.touching(at - 2)
            && self.word(at - 2).is_some();
        (token.capital || product) && (ampersand || NAMED_SERIES.contains(&word))
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
        // Digits in a web address: "example.org/reports/2024".
        let start = self.toks[i].span.start;
        if let Some(url) = self.urls.iter().find(|url| url.contains(&start)) {
            let past = (i..self.toks.len())
                .find(|&k| self.toks[k].span.start >= url.end)
                .unwrap_or(self.toks.len());
            return Some(past);
        }
        // A margin of error: "±2%", "plus or minus 3 points", "a margin of
        // error of 2.5 percentage points".
        let margin = (i > 0 && self.punct(i - 1) == Some('\u{00B1}'))
            || self
                .lex
                .margin_words
                .iter()
                .any(|phrase| self.words_before(i, phrase));
        if margin {
            let mut past = end;
            if self.punct(past) == Some('%') {
                past += 1;
            } else if let Some((len, _)) = self.percent_at(past) {
                past += len;
            } else if matches!(self.word(past), Some("point" | "points")) {
                past += 1;
            }
            return Some(past);
        }
        // The number of a name: "iPhone 12", "Boeing 737", "Article 5",
        // "FTSE 100", "S&P 500".
        if i > 0 && !self.touching(i - 1) && self.names_a_series(i - 1) {
            return Some(end);
        }
        // A telephone number: "(212) 555-7788", "555-7788".
        let digits_len = |k: usize| self.plain(k).and(self.digits(k)).map(str::len);
        let area_code = i > 0
            && self.punct(i - 1) == Some('(')
            && digits_len(i) == Some(3)
            && self.punct(i + 1) == Some(')')
            && digits_len(i + 2).is_some();
        if area_code {
            return Some(self.chain(i + 2).0);
        }
        let local_number = count == 2
            && joiners.first() == Some(&'-')
            && digits_len(i) == Some(3)
            && digits_len(i + 2) == Some(4)
            && !(i > 0 && matches!(self.word(i - 1), Some("between" | "from")));
        if local_number {
            return Some(end);
        }
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
            if self.word(i - 1).is_some_and(|w| !qualifier(w))
                && self.glued_currency(i - 1).is_none()
                && self.currency_before(i).is_none()
            {
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

/// The byte ranges of web addresses in `text`: "https://…", "www.…" and
/// bare domains with a path ("example.org/reports/2024").
pub(super) fn web_addresses(text: &str) -> Vec<Range<usize>> {
    static ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)\b(?:https?://|www\.)\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|gov|edu|int|io|info|co|uk|eu)/\S*",
        )
        .expect("the web address pattern is valid")
    });
    ADDRESS.find_iter(text).map(|found| found.range()).collect()
}
