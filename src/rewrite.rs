//! Writing a fact's value the way the article wrote its figure: digits stay
//! digits, words stay words, "31st" keeps its suffix and "1.5 million" its
//! scale word. Reports use it to show the corrected sentence.

use std::sync::LazyLock;

use regex::Regex;

use crate::figures::{TEN_ORDINALS, TENS, UNIT_ORDINALS, UNITS};
use crate::quantity::{self, Value};

static DIGITS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\d[\d,]*(?:\.\d+)?(?P<suffix>st|nd|rd|th)?(?:\s*-?\s*(?P<scale>thousand|million|billion|trillion|bn|mn|m|k)\b)?")
        .expect("the digits pattern is valid")
});

/// `value` written in the manner of `found`, the figure as the article has it.
pub fn restyle(found: &str, value: &Value) -> String {
    // A written sign ("-2.1%", "minus 40") is kept apart from the digits
    // and written anew for the value's own sign.
    if let Value::Amount(amount) = value
        && amount.upper.is_none()
        && let Some((sign, rest)) = split_sign(found)
    {
        let magnitude = Value::Amount(crate::quantity::Amount {
            nominal: amount.nominal.abs(),
            ..*amount
        });
        let body = restyle(rest, &magnitude);
        let sign = match (sign, amount.nominal < 0.0) {
            ("minus ", true) => "minus ",
            (_, true) => "-",
            ("+", false) => "+",
            _ => "",
        };
        return format!("{sign}{body}");
    }
    if let Value::Amount(amount) = value
        && amount.upper.is_none()
        && !found.chars().any(|c| c.is_ascii_digit())
        && let Some(written) = share_or_multiple(found, amount.nominal)
    {
        return written;
    }
    if let Value::Rank { best, of, .. } = value
        && let Some(words) = leading_ordinal(found)
    {
        // "fifth out of 180": the position in words, the total in digits.
        let mut position = ordinal_words(*best).unwrap_or_else(|| quantity::ordinal(*best));
        if words.starts_with(|c: char| c.is_uppercase()) {
            position = capitalise(&position);
        }
        let rest = &found[words.len()..];
        let rest = match of {
            Some(total) => DIGITS.replace(rest, total.to_string()).into_owned(),
            None => rest.to_string(),
        };
        return format!("{position}{rest}");
    }
    match value {
        Value::Date(date) => {
            let day_first = found.starts_with(|c: char| c.is_ascii_digit());
            let short = found.contains('.');
            let month = quantity::MONTHS[usize::from(date.month.clamp(1, 12)) - 1];
            let month = if short && month.len() > 4 {
                format!("{}.", &month[..3])
            } else {
                month.to_string()
            };
            let year_written = found.chars().filter(char::is_ascii_digit).count() >= 4;
            let year = date.year.filter(|_| year_written);
            match (date.day, year, day_first) {
                (Some(day), Some(year), true) => format!("{day} {month} {year}"),
                (Some(day), Some(year), false) => format!("{month} {day}, {year}"),
                (Some(day), None, true) => format!("{day} {month}"),
                (Some(day), None, false) => format!("{month} {day}"),
                _ => value.to_string(),
            }
        }
        _ if !found.chars().any(|c| c.is_ascii_digit()) && !plain_words(found) => value.to_string(),
        _ if !found.chars().any(|c| c.is_ascii_digit()) => match value {
            Value::Rank { best, worst, .. } if best == worst => {
                ordinal_words(*best).unwrap_or_else(|| quantity::ordinal(*best))
            }
            Value::Amount(amount) if amount.upper.is_none() => {
                let number = cardinal_words(amount.nominal)
                    .unwrap_or_else(|| quantity::number(amount.nominal));
                let rest = found
                    .split_once(char::is_whitespace)
                    .map_or(String::new(), |(_, rest)| format!(" {rest}"));
                let unit = rest
                    .rsplit_once(' ')
                    .map(|(_, unit)| unit)
                    .filter(|u| matches!(*u, "percent" | "cent"))
                    .map_or(String::new(), |u| {
                        if u == "cent" {
                            " per cent".into()
                        } else {
                            " percent".into()
                        }
                    });
                format!("{number}{unit}")
            }
            _ => value.to_string(),
        },
        _ => {
            let numbers = numbers_of(value);
            let mut next = numbers.into_iter();
            DIGITS
                .replace_all(found, |caps: &regex::Captures<'_>| {
                    let Some(n) = next.next() else {
                        return caps[0].to_string();
                    };
                    let scale = caps.name("scale").map(|s| s.as_str());
                    let divisor = match scale.map(str::to_ascii_lowercase).as_deref() {
                        Some("thousand" | "k") => 1e3,
                        Some("million" | "mn" | "m") => 1e6,
                        Some("billion" | "bn") => 1e9,
                        Some("trillion") => 1e12,
                        _ => 1.0,
                    };
                    let written = if caps.name("suffix").is_some() {
                        quantity::ordinal(n as u32)
                    } else {
                        let grouped = caps[0].contains(',') || n / divisor >= 10_000.0;
                        let text = quantity::number(n / divisor);
                        if grouped { text } else { text.replace(',', "") }
                    };
                    let tail = &caps[0][caps.get(0).map_or(0, |m| m.as_str().len())..];
                    match scale {
                        Some(scale) => {
                            let gap = &caps[0][digits_end(&caps[0])..caps[0].len() - scale.len()];
                            format!("{written}{gap}{scale}{tail}")
                        }
                        None => format!("{written}{tail}"),
                    }
                })
                .into_owned()
        }
    }
}

/// A leading sign and the rest: `("-", "2.1%")` of "-2.1%", `("minus ",
/// "40")` of "minus 40".
fn split_sign(found: &str) -> Option<(&'static str, &str)> {
    if let Some(rest) = found.strip_prefix('-') {
        return Some(("-", rest));
    }
    if let Some(rest) = found.strip_prefix('+') {
        return Some(("+", rest));
    }
    let (word, rest) = found.split_once(' ')?;
    word.eq_ignore_ascii_case("minus")
        .then_some(("minus ", rest))
}

/// A share or a multiple in words, rewritten for `n`: a fraction ("two-thirds",
/// "a quarter") or a ratio ("one in five") becomes "`n` percent"; "tenfold"
/// stays a "-fold" word, "twice" and "three times" become "`n` times".
fn share_or_multiple(found: &str, n: f64) -> Option<String> {
    let lower = found.to_ascii_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .collect();
    let fraction = words.iter().any(|w| {
        matches!(
            *w,
            "half"
                | "halves"
                | "third"
                | "thirds"
                | "quarter"
                | "quarters"
                | "fifth"
                | "fifths"
                | "sixth"
                | "sixths"
                | "seventh"
                | "sevenths"
                | "eighth"
                | "eighths"
                | "ninth"
                | "ninths"
                | "tenth"
                | "tenths"
                | "in"
        )
    });
    let number = || quantity::number(n);
    if fraction && !words.contains(&"percentage") {
        return Some(format!("{} percent", number()));
    }
    if lower.ends_with("fold") {
        let count = cardinal_words(n).unwrap_or_else(number);
        return Some(
            if count.contains('-') || count.chars().any(|c| c.is_ascii_digit()) {
                format!("{count}-fold")
            } else {
                format!("{count}fold")
            },
        );
    }
    let multiple = words.iter().any(|w| {
        matches!(
            *w,
            "times" | "twice" | "doubled" | "tripled" | "trebled" | "quadrupled"
        )
    });
    multiple.then(|| match cardinal_words(n) {
        Some(count) if n > 2.0 => format!("{count} times"),
        _ => format!("{} times", number()),
    })
}

/// The ordinal in words that opens `found` ("fifth", "Thirty-first"), if any.
fn leading_ordinal(found: &str) -> Option<&str> {
    let end = found
        .find(|c: char| !(c.is_ascii_alphabetic() || c == '-'))
        .unwrap_or(found.len());
    let word = &found[..end];
    let lower = word.to_ascii_lowercase();
    let ordinal = (1..=99).filter_map(ordinal_words).any(|o| o == lower);
    (ordinal && end < found.len()).then_some(word)
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
}

/// Whether a figure in words is a plain number ("eighty-four percent",
/// "thirty-first"), which can be rewritten in words; "one in five" and
/// "half a percentage point" cannot.
fn plain_words(found: &str) -> bool {
    found
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .all(|w| {
            let w = w.to_ascii_lowercase();
            UNITS.contains(&w.as_str())
                || TENS[2..].contains(&w.as_str())
                || (1..=99).filter_map(ordinal_words).any(|o| o == w)
                || matches!(
                    w.as_str(),
                    "percent" | "per" | "cent" | "hundred" | "thousand" | "million" | "billion"
                )
        })
}

/// Where the digits (and ordinal suffix) of a match end: "1.5" of
/// "1.5bn", "31st" of "31st".
fn digits_end(text: &str) -> usize {
    let digits = text
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(text.len());
    let rest = &text[digits..];
    let suffix = ["st", "nd", "rd", "th"]
        .iter()
        .find(|s| rest.len() >= 2 && rest[..2].eq_ignore_ascii_case(s))
        .map_or(0, |_| 2);
    digits + suffix
}

/// The numbers a value is written with, in order.
fn numbers_of(value: &Value) -> Vec<f64> {
    match value {
        Value::Rank { best, of, .. } => {
            let mut numbers = vec![f64::from(*best)];
            numbers.extend(of.map(f64::from));
            numbers
        }
        Value::Amount(amount) => {
            let mut numbers = vec![amount.nominal];
            numbers.extend(amount.upper);
            numbers
        }
        Value::Year(year) => vec![f64::from(*year)],
        Value::Date(_) => Vec::new(),
    }
}

/// 0 to 99 in words ("eighty-four"); `None` beyond.
fn cardinal_words(n: f64) -> Option<String> {
    if n.fract() != 0.0 || !(0.0..100.0).contains(&n) {
        return None;
    }
    let n = n as usize;
    Some(match n {
        0..=19 => UNITS[n].to_string(),
        _ if n.is_multiple_of(10) => TENS[n / 10].to_string(),
        _ => format!("{}-{}", TENS[n / 10], UNITS[n % 10]),
    })
}

/// 1st to 99th in words ("thirty-first"); `None` beyond.
fn ordinal_words(n: u32) -> Option<String> {
    let n = n as usize;
    Some(match n {
        1..=19 => UNIT_ORDINALS[n].to_string(),
        20..=99 if n.is_multiple_of(10) => TEN_ORDINALS[n / 10].to_string(),
        21..=99 => format!("{}-{}", TENS[n / 10], UNIT_ORDINALS[n % 10]),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quantity::{Amount, Date};

    #[test]
    fn keeps_the_article_manner() {
        assert_eq!(
            restyle("30th out of 83", &Value::rank(31, Some(83))),
            "31st out of 83"
        );
        assert_eq!(restyle("thirtieth", &Value::rank(31, None)), "thirty-first");
        assert_eq!(
            restyle("fifth out of 180", &Value::rank(7, Some(180))),
            "seventh out of 180"
        );
        assert_eq!(
            restyle("Fifth of 180", &Value::rank(7, Some(190))),
            "Seventh of 190"
        );
        assert_eq!(
            restyle("about 7,000", &Value::Amount(Amount::exact(9000.0))),
            "about 9,000"
        );
        assert_eq!(
            restyle("1.2 million", &Value::Amount(Amount::exact(1.5e6))),
            "1.5 million"
        );
        assert_eq!(
            restyle("64 percent", &Value::Amount(Amount::exact(84.0))),
            "84 percent"
        );
        assert_eq!(
            restyle("sixty percent", &Value::Amount(Amount::exact(84.0))),
            "eighty-four percent"
        );
        assert_eq!(
            restyle("one in five", &Value::Amount(Amount::exact(30.0))),
            "30 percent"
        );
        assert_eq!(
            restyle("$1.5bn", &Value::Amount(Amount::exact(2e9))),
            "$2bn"
        );
        assert_eq!(
            restyle("24k", &Value::Amount(Amount::exact(25_000.0))),
            "25k"
        );
        assert_eq!(
            restyle("1.2 million", &Value::Amount(Amount::exact(1.5e6))),
            "1.5 million"
        );
        assert_eq!(
            restyle("Three-quarters", &Value::Amount(Amount::exact(80.0))),
            "80 percent"
        );
        assert_eq!(
            restyle("fivefold", &Value::Amount(Amount::exact(10.0))),
            "tenfold"
        );
        assert_eq!(
            restyle("twice", &Value::Amount(Amount::exact(3.0))),
            "three times"
        );
        assert_eq!(
            restyle("-2.1%", &Value::Amount(Amount::exact(-2.5))),
            "-2.5%"
        );
        assert_eq!(restyle("-2.1%", &Value::Amount(Amount::exact(1.5))), "1.5%");
        assert_eq!(
            restyle("minus 40", &Value::Amount(Amount::exact(-38.0))),
            "minus 38"
        );
        assert_eq!(
            restyle("+4.2 percent", &Value::Amount(Amount::exact(3.9))),
            "+3.9 percent"
        );
        assert_eq!(
            restyle("2.1%", &Value::Amount(Amount::exact(-2.5))),
            "-2.5%"
        );
        assert_eq!(
            restyle(
                "half a percentage point",
                &Value::Amount(Amount::exact(2.0))
            ),
            "2"
        );
        let date = Value::Date(Date {
            year: Some(2024),
            month: 12,
            day: Some(11),
        });
        assert_eq!(restyle("Dec. 12", &date), "Dec. 11");
        assert_eq!(restyle("12 December 2024", &date), "11 December 2024");
        assert_eq!(restyle("in 2021", &Value::Year(2022)), "in 2022");
    }
}
