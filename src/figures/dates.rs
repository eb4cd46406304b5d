//! Dates and the parts of them: "December 11, 2024", "Dec. 11", "11
//! December 2024", "28th of June", "2024-03-05", "28/06/2025".

use std::sync::LazyLock;

use regex::Regex;

use super::tokens::Tok;
use super::{Figure, Parsed, Reader};
use crate::quantity::{Date, Kind, Value};

impl Reader<'_> {
    pub(super) fn month_at(&self, i: usize) -> Option<u8> {
        let token = self.toks.get(i)?;
        if !token.capital {
            return None;
        }
        self.lex.month(self.word(i)?)
    }

    /// A date in digits with the day first, "28/06/2025" or "14.03.2024",
    /// at token `i` (the month first where the day shows it, "06/28/2025";
    /// none where either reading would do, "03/04/2025"), and the token
    /// after it.
    pub(super) fn digit_date(&self, i: usize) -> Option<(Date, usize)> {
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
    pub(super) fn iso_date(&self, i: usize) -> Option<Date> {
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

    /// The end of a span of days ("11-12" of "December 11-12"), when token
    /// `j` follows the first day with a dash to a later one.
    pub(super) fn day_range_end(&self, j: usize, first: f64) -> Option<usize> {
        let last = self.plain(j + 1)?;
        let dash = self.punct(j) == Some('-') && self.touching(j - 1) && self.touching(j);
        (dash && f64::from(last) > first && last <= 31).then_some(j + 2)
    }

    /// ", 2024" or " 2024" after a day and month.
    pub(super) fn year_after(&self, j: usize) -> (Option<i32>, usize) {
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

    /// A date with its month first at token `i`, whose `month` is read:
    /// "Dec. 11", "December 11, 2024", "December 11-12", "December 2024".
    pub(super) fn month_first(&self, i: usize, month: u8) -> Option<(Figure, usize)> {
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
        Some((
            self.figure(Kind::Date, Value::Date(date), None, i, j, end),
            end,
        ))
    }

    /// A date in digits at token `i`: "28/06/2025", "14.03.2024",
    /// "2024-03-05".
    pub(super) fn date_in_digits(&self, i: usize) -> Option<(Figure, usize)> {
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
        None
    }

    /// A date with its day first, from the parsed day `n`: "11 December
    /// 2024", "28th June", "28th of June", "11-12 December".
    pub(super) fn day_first(&self, n: &Parsed) -> Option<(Figure, usize)> {
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
        None
    }
}

impl Reader<'_> {
    /// A period label whose year is written in two digits, at token `i`:
    /// "FY25", "FY24/25", "1H25", "3Q24", "Q1FY25", "2QFY25", "H1FY25". The year is a year (the first of
    /// a split year); the half or quarter is no figure. "FY2025" and "Q3
    /// 2025" are read by the year alone.
    pub(super) fn period_label(&self, i: usize) -> Option<(Figure, usize)> {
        let label = match &self.toks.get(i)?.tok {
            Tok::Word(w) => w == "fy" && self.toks[i].capital,
            Tok::Num {
                value,
                decimals: 0,
                grouped: false,
                suffix,
            } => {
                matches!(suffix.as_str(), "h" | "q" | "fy" | "qfy" | "hfy")
                    && (1.0..=4.0).contains(value)
            }
            _ => false,
        };
        let two_digits = |k: usize| {
            self.plain(k)
                .filter(|_| self.digits(k).is_some_and(|d| d.len() == 2))
        };
        if !label || !self.touching(i) {
            return None;
        }
        let year = two_digits(i + 1)?;
        let mut end = i + 2;
        // "FY24/25": the year the split year starts in.
        if self.punct(end) == Some('/')
            && self.touching(end - 1)
            && self.touching(end)
            && two_digits(end + 1).is_some()
        {
            end += 2;
        }
        let value = Value::Year(2000 + year as i32);
        Some((self.figure(Kind::Year, value, None, i, i + 1, end), end))
    }
}
