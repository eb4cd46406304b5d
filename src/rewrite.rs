//! Writing a fact's value the way the article wrote its figure: digits stay
//! digits, words stay words, "31st" keeps its suffix and "1.5 million" its
//! scale word. Reports use it to show the corrected sentence.

use std::sync::LazyLock;

use regex::Regex;

use crate::figures::{TEN_ORDINALS, TENS, UNIT_ORDINALS, UNITS};
use crate::quantity::{self, Value};

static DIGITS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?P<number>\d{1,3}(?:(?P<sep>[ \u{A0}\u{202F}\u{2009}])\d{3})+|\d[\d,]*)(?P<fraction>\.\d+)?(?:(?P<suffix>st|nd|rd|th)|(?P<sup><sup>\s*(?:st|nd|rd|th)\s*(?:</sup>)?))?(?:\s*-?\s*(?P<scale>thousand|million|billion|trillion|bn|mn|tn|m|k)\b)?")
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
                // "nine thousand": the value in words with the article's
                // scale word, when it is a whole number of it.
                let scaled = found.split_whitespace().find_map(|w| {
                    let w = w.to_ascii_lowercase();
                    let multiplier = match w.as_str() {
                        "thousand" => 1e3,
                        "million" => 1e6,
                        "billion" => 1e9,
                        _ => return None,
                    };
                    cardinal_words(amount.nominal / multiplier)
                        .filter(|_| amount.nominal >= multiplier)
                        .map(|n| format!("{n} {w}"))
                });
                if let Some(scaled) = scaled {
                    return scaled;
                }
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
                    let scale_written = scale;
                    let start = caps.get(0).map_or(0, |m| m.start());
                    if let Some(suffix) = caps.name("suffix") {
                        return format!("{}{}", ordinal_of(n), &caps[0][suffix.end() - start..]);
                    }
                    if let Some(sup) = caps.name("sup") {
                        let ordinal = ordinal_of(n);
                        let suffix = &ordinal[ordinal.len() - 2..];
                        let close = if sup.as_str().ends_with("</sup>") {
                            "</sup>"
                        } else {
                            ""
                        };
                        let tail = &caps[0][sup.end() - start..];
                        return format!(
                            "{}<sup>{suffix}{close}{tail}",
                            &ordinal[..ordinal.len() - 2]
                        );
                    }
                    let mut decimals = caps.name("fraction").map_or(0, |f| f.as_str().len() - 1);
                    let mut exact = false;
                    let separator = caps
                        .name("sep")
                        .map(|s| s.as_str())
                        .or_else(|| caps["number"].contains(',').then_some(","));
                    let (scale, divisor) = fitting_scale(scale, n);
                    if divisor != scale_written.map_or(1.0, multiplier) {
                        // Decimals of another scale say nothing of this one's:
                        // the value is written as it is.
                        decimals = 0;
                        exact = true;
                    }
                    let written = in_precision(n, divisor, decimals, exact, separator);
                    match scale {
                        Some(scale) => {
                            let number_end = start + digits_end(&caps[0]);
                            let whole = caps.get(0).map_or(0..0, |m| m.range());
                            let gap = caps
                                .name("scale")
                                .map_or(" ", |s| found.get(number_end..s.start()).unwrap_or(" "));
                            let after = &found
                                [caps.name("scale").map_or(whole.end, |s| s.end())..whole.end];
                            format!("{written}{gap}{scale}{after}")
                        }
                        None => written,
                    }
                })
                .into_owned()
        }
    }
}

/// `n` as an ordinal in digits ("31st").
fn ordinal_of(n: f64) -> String {
    quantity::ordinal(n.max(0.0) as u32)
}

/// What a scale word multiplies by ("million": 1e6).
fn multiplier(word: &str) -> f64 {
    match word.to_ascii_lowercase().as_str() {
        "thousand" | "k" => 1e3,
        "million" | "mn" | "m" => 1e6,
        "billion" | "bn" => 1e9,
        "trillion" | "tn" => 1e12,
        _ => 1.0,
    }
}

/// The scale word to write `n` with, and its multiplier: the article's
/// own (`written`) when `n` is between one and a thousand of it, else the
/// one of the same style ("million" or "m") that fits, or none below a
/// thousand: "30.3 million" takes 30.4 million as "30.4 million", and
/// 20,000 as "20,000", never as "0.02 million".
fn fitting_scale(written: Option<&str>, n: f64) -> (Option<String>, f64) {
    let Some(written) = written else {
        return (None, 1.0);
    };
    let lower = written.to_ascii_lowercase();
    let short = matches!(lower.as_str(), "k" | "m" | "mn" | "bn" | "tn");
    let own = multiplier(&lower);
    let size = n.abs();
    if (own..own * 1000.0).contains(&size) {
        return (Some(written.to_string()), own);
    }
    let words: [(&str, &str, f64); 4] = [
        ("trillion", "tn", 1e12),
        ("billion", "bn", 1e9),
        ("million", if lower == "mn" { "mn" } else { "m" }, 1e6),
        ("thousand", "k", 1e3),
    ];
    for (long, abbreviated, multiplier) in words {
        // A count in thousands is written out, not "20 thousand", unless
        // the article wrote thousands that way.
        if multiplier == 1e3 && own != 1e3 {
            continue;
        }
        if size >= multiplier {
            let word = if short { abbreviated } else { long };
            let word = if written.chars().all(|c| c.is_uppercase()) {
                word.to_uppercase()
            } else {
                word.to_string()
            };
            return (Some(word), multiplier);
        }
    }
    (None, 1.0)
}

/// `n` over `divisor`, written with the article's `decimals` unless the
/// value needs more to read as itself (a number written with `d` decimals
/// is read as rounded to them; `exact`: as many as it has), grouped by
/// `separator` (or by commas from 10,000 up).
fn in_precision(
    n: f64,
    divisor: f64,
    decimals: usize,
    exact: bool,
    separator: Option<&str>,
) -> String {
    let scaled = n / divisor;
    let mut places = decimals;
    for d in decimals..=decimals + 6 {
        places = d;
        let factor = 10f64.powi(d as i32);
        let rounded = (scaled * factor).round() / factor;
        let slack = if exact {
            0.0
        } else {
            quantity::Amount::rounding(rounded * divisor, d, divisor)
        };
        // A value half-way between two roundings ("4.25" to one decimal)
        // needs the next decimal.
        let off = (rounded * divisor - n).abs();
        if off <= n.abs() * 1e-12 || off < slack * (1.0 - 1e-9) {
            break;
        }
    }
    let text = format!("{:.*}", places, scaled.abs());
    let (whole, fraction) = text
        .split_once('.')
        .map_or((text.as_str(), ""), |(w, f)| (w, f));
    let separator = separator.or_else(|| (scaled.abs() >= 10_000.0).then_some(","));
    let mut grouped = String::new();
    for (i, ch) in whole.chars().enumerate() {
        if i > 0
            && (whole.len() - i).is_multiple_of(3)
            && let Some(separator) = separator
        {
            grouped.push_str(separator);
        }
        grouped.push(ch);
    }
    let sign = if scaled < 0.0 && text.chars().any(|c| ('1'..='9').contains(&c)) {
        "-"
    } else {
        ""
    };
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{fraction}")
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
        .find(|s| rest.get(..2).is_some_and(|r| r.eq_ignore_ascii_case(s)))
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
    fn digits_end_at_a_digit_of_another_script() {
        assert_eq!(digits_end("31st"), 4);
        assert_eq!(digits_end("1.5bn"), 3);
        assert_eq!(digits_end("3४k"), 1);
        assert_eq!(digits_end("2४"), 1);
        assert_eq!(digits_end("7é"), 1);
    }

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
            "$2.0bn"
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

    fn amount(n: f64) -> Value {
        Value::Amount(Amount::exact(n))
    }

    #[test]
    fn keeps_the_article_scale() {
        assert_eq!(restyle("30.3 million", &amount(30.4e6)), "30.4 million");
        // A value far from the article's scale takes the scale that fits,
        // never a fraction of the article's.
        assert_eq!(restyle("30.3 million", &amount(20_000.0)), "20,000");
        assert_eq!(restyle("30.3 million", &amount(1.2e9)), "1.2 billion");
        assert_eq!(restyle("$4.1bn", &amount(950e6)), "$950m");
        assert_eq!(restyle("32 thousand", &amount(5.41e6)), "5.41 million");
        assert_eq!(restyle("24k", &amount(25_000.0)), "25k");
    }

    #[test]
    fn keeps_the_article_separators() {
        assert_eq!(restyle("22,000", &amount(23_450.0)), "23,450");
        assert_eq!(restyle("22,000", &amount(9_120.0)), "9,120");
        assert_eq!(restyle("9000", &amount(9_120.0)), "9120");
        assert_eq!(restyle("22\u{A0}000", &amount(23_450.0)), "23\u{A0}450");
        assert_eq!(restyle("22 000 jobs", &amount(23_450.0)), "23 450 jobs");
        assert_eq!(restyle("1,234,567", &amount(2_345_678.0)), "2,345,678");
    }

    #[test]
    fn keeps_the_article_precision() {
        assert_eq!(restyle("$51.2 billion", &amount(50.7e9)), "$50.7 billion");
        assert_eq!(restyle("$51.2 billion", &amount(48e9)), "$48.0 billion");
        // The article's one decimal reads as the fact, rounded.
        assert_eq!(restyle("$51.2 billion", &amount(50.73e9)), "$50.7 billion");
        // A value that needs more decimals than the article wrote gets them.
        assert_eq!(restyle("4%", &amount(4.3)), "4.3%");
        assert_eq!(restyle("4.1%", &amount(4.0)), "4.0%");
        assert_eq!(restyle("4.10 percent", &amount(4.3)), "4.30 percent");
        assert_eq!(restyle("66.9%", &amount(61.4)), "61.4%");
        assert_eq!(restyle("$1.12", &amount(0.83)), "$0.83");
    }

    #[test]
    fn keeps_words_and_ordinal_styles() {
        assert_eq!(
            restyle("nine thousand", &amount(12_000.0)),
            "twelve thousand"
        );
        assert_eq!(
            restyle("twenty-two percent", &amount(18.0)),
            "eighteen percent"
        );
        assert_eq!(
            restyle("8<sup>th</sup>", &Value::rank(1, None)),
            "1<sup>st</sup>"
        );
        assert_eq!(
            restyle("8<sup>th</sup> of 180", &Value::rank(22, Some(180))),
            "22<sup>nd</sup> of 180"
        );
        assert_eq!(restyle("8<sup>th", &Value::rank(3, None)), "3<sup>rd");
        assert_eq!(restyle("No. 31", &Value::rank(30, None)), "No. 30");
        assert_eq!(restyle("31st", &Value::rank(32, None)), "32nd");
    }
}
