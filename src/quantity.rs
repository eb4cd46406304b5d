//! Figures as values: a number with its hedge and rounding, a rank with its
//! total, a year or a date. Values from articles and values from facts share
//! these types, so that comparing them is one honest interval test.

use std::fmt;

use serde::Serialize;

/// The kinds of figure claimcheck reads and facts state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A position in a ranking, with an optional total ("31st of 83").
    Rank,
    /// A number of things ("100,000 IT specialists").
    Count,
    /// A percentage ("84 percent").
    Percent,
    /// An amount of money in a currency ("$1.5bn").
    Money,
    /// A calendar year ("in 2022").
    Year,
    /// A calendar date ("Dec. 11", "11 December 2024").
    Date,
    /// A number with a unit of measure ("28 nanometres").
    Number,
}

impl Kind {
    /// The lower-case name used in rule files and reports.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Rank => "rank",
            Kind::Count => "count",
            Kind::Percent => "percent",
            Kind::Money => "money",
            Kind::Year => "year",
            Kind::Date => "date",
            Kind::Number => "number",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What a fact's figure is: the level of a measure, a change in it, or a
/// rate of change (inflation, growth) that articles state either way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Measure {
    /// The level stated now ("unemployment was 4.3%").
    #[default]
    Level,
    /// A change ("payrolls fell by 32,000", "profit rose 12%").
    Change,
    /// A rate of change, stated as a level or as a change ("inflation was
    /// 3.8%", "prices rose 3.8% over the year").
    Rate,
}

/// The span a change or rate is measured over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Over {
    /// Month on month.
    Month,
    /// Quarter on quarter.
    Quarter,
    /// Year on year.
    Year,
}

impl Over {
    /// The lower-case name used in rule files and reports.
    pub fn name(self) -> &'static str {
        match self {
            Over::Month => "month",
            Over::Quarter => "quarter",
            Over::Year => "year",
        }
    }
}

/// How a stated number relates to the true one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Hedge {
    /// The number as it is (up to rounding).
    Exact,
    /// "about", "around", "roughly", "some": either side.
    About,
    /// "nearly", "almost": just below.
    Nearly,
    /// "at least", "more than", "over": the number or above.
    AtLeast,
    /// "up to", "at most", "fewer than": the number or below.
    AtMost,
}

/// Relative width of "about" on either side, and of "nearly" below.
const ABOUT: f64 = 0.10;
/// A round number is taken to be rounded by at most this share of itself.
const ROUNDING_CAP: f64 = 0.05;

/// A number as stated: its nominal value, its hedge, and the half-width of
/// the rounding its writing implies ("9,000" may stand for 9,120).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Amount {
    /// The number as written, or the low end of a range.
    pub nominal: f64,
    /// The high end of a range ("between 50,000 and 70,000"), if one.
    pub upper: Option<f64>,
    /// How the number is hedged.
    pub hedge: Hedge,
    /// How far the true value may sit from `nominal` by rounding alone.
    pub slack: f64,
}

impl Amount {
    /// An exact number with no rounding allowed.
    pub fn exact(nominal: f64) -> Amount {
        Amount {
            nominal,
            upper: None,
            hedge: Hedge::Exact,
            slack: 0.0,
        }
    }

    /// The values the true number may take: `(low, high)`.
    pub fn interval(&self) -> (f64, f64) {
        let n = self.nominal;
        let s = self.slack;
        if let Some(upper) = self.upper {
            return (n.min(upper) - s, n.max(upper) + s);
        }
        match self.hedge {
            Hedge::Exact => (n - s, n + s),
            Hedge::About => {
                // "some 84%": a number written to its last digit stretches
                // one unit of it; "about 80%", a round one, a tenth.
                let unit = 2.0 * s;
                let unround = unit > 0.0 && {
                    let units = (n.abs() / unit).round();
                    units % 5.0 != 0.0
                };
                let d = if unround {
                    unit
                } else {
                    (n.abs() * ABOUT).max(s)
                };
                (n - d, n + d)
            }
            Hedge::Nearly => (n - (n.abs() * ABOUT).max(s), n),
            // A bound is a threshold, not a rounded estimate: "more than 90
            // percent" does not stretch down to 87.
            Hedge::AtLeast => (n, f64::INFINITY),
            Hedge::AtMost => (f64::NEG_INFINITY, n),
        }
    }

    /// Whether this stated amount can describe the same truth as `fact`.
    /// Two bounds in the same direction compare their numbers ("up to 95
    /// percent" does not restate "up to 80 percent"); anything else compares
    /// intervals.
    pub fn compatible(&self, fact: &Amount) -> bool {
        const EPSILON: f64 = 1e-9;
        let same_bound = self.upper.is_none()
            && fact.upper.is_none()
            && self.hedge == fact.hedge
            && matches!(self.hedge, Hedge::AtLeast | Hedge::AtMost);
        if same_bound {
            return (self.nominal - fact.nominal).abs() <= self.slack + fact.slack + EPSILON;
        }
        // A stated range restates a range only when it lies within it: "4.25
        // to 4.5 per cent" does not restate 4.5 to 4.75 by sharing an end.
        if let (Some(stated), Some(true_upper)) = (self.upper, fact.upper) {
            let tolerance = self.slack + fact.slack + EPSILON;
            let (low, high) = (self.nominal.min(stated), self.nominal.max(stated));
            let (true_low, true_high) =
                (fact.nominal.min(true_upper), fact.nominal.max(true_upper));
            return low >= true_low - tolerance && high <= true_high + tolerance;
        }
        // Intervals that only touch ("16.5" for 16.4 held to a tenth) do
        // not agree, unless one is a single point.
        let (a, b) = self.interval();
        let (c, d) = fact.interval();
        let overlap = b.min(d) - a.max(c);
        let point = b - a <= EPSILON || d - c <= EPSILON;
        overlap > EPSILON || (point && overlap >= -EPSILON)
    }

    /// The rounding a writer's number implies: half a unit of its last
    /// significant digit (trailing zeros count as rounding from 1,000 up),
    /// at most 5% of the number. `decimals` is how many
    /// digits follow the decimal point as written; `scale` the multiplier
    /// of a scale word ("million").
    pub fn rounding(nominal: f64, decimals: usize, scale: f64) -> f64 {
        if nominal == 0.0 {
            return 0.0;
        }
        let mut place = scale / 10f64.powi(decimals as i32);
        if decimals == 0 && nominal.abs() >= 1000.0 {
            // Trailing zeros of a large whole number are taken as rounding
            // ("9,000" for 9,120); "80 percent" is taken as said.
            let mut whole = (nominal / scale).round().abs() as u64;
            while whole >= 10 && whole.is_multiple_of(10) {
                whole /= 10;
                place *= 10.0;
            }
        }
        (place / 2.0).min(nominal.abs() * ROUNDING_CAP).max(0.0)
    }
}

/// A calendar date; the year or the day may be left unsaid in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Date {
    /// The year, when stated.
    pub year: Option<i32>,
    /// The month, 1 to 12.
    pub month: u8,
    /// The day of the month, when stated.
    pub day: Option<u8>,
}

impl Date {
    /// Whether two dates can be the same day: every part both state agrees.
    pub fn compatible(&self, other: &Date) -> bool {
        fn agree<T: PartialEq>(a: Option<T>, b: Option<T>) -> bool {
            match (a, b) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
        }
        self.month == other.month && agree(self.day, other.day) && agree(self.year, other.year)
    }
}

/// Month names as they are written, full and abbreviated.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let month = MONTHS[usize::from(self.month.clamp(1, 12)) - 1];
        match (self.day, self.year) {
            (Some(day), Some(year)) => write!(f, "{month} {day}, {year}"),
            (Some(day), None) => write!(f, "{month} {day}"),
            (None, Some(year)) => write!(f, "{month} {year}"),
            (None, None) => f.write_str(month),
        }
    }
}

/// A figure's value, of whichever kind.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Value {
    /// A rank: the position (an interval, for "top 10") and the total.
    Rank {
        /// Best position the phrase allows (1 for "top 10").
        best: u32,
        /// Worst position the phrase allows.
        worst: u32,
        /// How many were ranked, when stated.
        of: Option<u32>,
    },
    /// A count, percent, money amount or measured number.
    Amount(Amount),
    /// A calendar year.
    Year(i32),
    /// A calendar date.
    Date(Date),
}

impl Value {
    /// A single exact rank.
    pub fn rank(position: u32, of: Option<u32>) -> Value {
        Value::Rank {
            best: position,
            worst: position,
            of,
        }
    }

    /// Whether a value stated in text (`self`) agrees with a fact's value.
    pub fn compatible(&self, fact: &Value) -> bool {
        match (self, fact) {
            (
                Value::Rank { best, worst, of },
                Value::Rank {
                    best: fact_best,
                    worst: fact_worst,
                    of: fact_of,
                },
            ) => {
                let totals_agree = match (of, fact_of) {
                    (Some(a), Some(b)) => a == b,
                    _ => true,
                };
                best <= fact_worst && fact_best <= worst && totals_agree
            }
            (Value::Amount(text), Value::Amount(fact)) => text.compatible(fact),
            (Value::Year(a), Value::Year(b)) => a == b,
            (Value::Date(a), Value::Date(b)) => a.compatible(b),
            (Value::Year(year), Value::Date(date)) | (Value::Date(date), Value::Year(year)) => {
                date.year == Some(*year)
            }
            _ => false,
        }
    }
}

/// Writes an ordinal: 1st, 2nd, 3rd, 11th, 22nd.
pub fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// Writes a number with thousands separators and no needless decimals.
pub fn number(n: f64) -> String {
    if !n.is_finite() {
        return n.to_string();
    }
    let rounded = (n * 100.0).round() / 100.0;
    let whole = rounded.trunc().abs() as u64;
    let digits = whole.to_string();
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    let fraction = (rounded.abs() - whole as f64 * 1.0).abs();
    let sign = if rounded < 0.0 { "-" } else { "" };
    if fraction > 1e-9 {
        let decimals = format!("{fraction:.2}");
        let decimals = decimals.trim_start_matches('0').trim_end_matches('0');
        format!("{sign}{grouped}{decimals}")
    } else {
        format!("{sign}{grouped}")
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Rank { best, worst, of } => {
                if best == worst {
                    f.write_str(&ordinal(*best))?;
                } else if *best == 1 {
                    write!(f, "top {worst}")?;
                } else {
                    write!(f, "{}-{}", ordinal(*best), ordinal(*worst))?;
                }
                if let Some(of) = of {
                    write!(f, " of {of}")?;
                }
                Ok(())
            }
            Value::Amount(amount) => {
                let prefix = match (amount.upper, amount.hedge) {
                    (Some(_), _) => "between ",
                    (None, Hedge::Exact) => "",
                    (None, Hedge::About) => "about ",
                    (None, Hedge::Nearly) => "nearly ",
                    (None, Hedge::AtLeast) => "at least ",
                    (None, Hedge::AtMost) => "at most ",
                };
                f.write_str(prefix)?;
                f.write_str(&number(amount.nominal))?;
                if let Some(upper) = amount.upper {
                    write!(f, " and {}", number(upper))?;
                }
                Ok(())
            }
            Value::Year(year) => write!(f, "{year}"),
            Value::Date(date) => write!(f, "{date}"),
        }
    }
}

/// A value written with its unit, for messages: `84%`, `5 percentage
/// points`, `1,500,000,000 USD`, `28 nanometre`.
pub fn describe(value: &Value, kind: Kind, unit: Option<&str>) -> String {
    let bare = value.to_string();
    match (kind, unit) {
        (Kind::Percent, Some("points")) => format!("{bare} percentage points"),
        (Kind::Percent, _) => format!("{bare}%"),
        (Kind::Money, Some(currency)) => format!("{bare} {}", currency.to_uppercase()),
        (Kind::Number, Some(unit)) => format!("{bare} {unit}"),
        _ => bare,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stated(nominal: f64, hedge: Hedge, slack: f64) -> Amount {
        Amount {
            nominal,
            upper: None,
            hedge,
            slack,
        }
    }

    #[test]
    fn round_numbers_carry_their_rounding() {
        assert_eq!(Amount::rounding(9000.0, 0, 1.0), 450.0);
        assert_eq!(Amount::rounding(84.0, 0, 1.0), 0.5);
        // "80 percent" is not a rounded 84: small numbers are taken as said.
        assert_eq!(Amount::rounding(80.0, 0, 1.0), 0.5);
        assert_eq!(Amount::rounding(400.0, 0, 1.0), 0.5);
        assert_eq!(Amount::rounding(9120.0, 0, 1.0), 5.0);
        assert_eq!(Amount::rounding(1.5e6, 1, 1e6), 50_000.0);
    }

    #[test]
    fn a_rounded_figure_agrees_with_a_precise_fact() {
        let text = stated(9000.0, Hedge::Exact, Amount::rounding(9000.0, 0, 1.0));
        assert!(text.compatible(&Amount::exact(9120.0)));
        assert!(!text.compatible(&Amount::exact(12_000.0)));
    }

    #[test]
    fn bounds_in_the_same_direction_compare_numbers() {
        let fact = stated(80.0, Hedge::AtMost, 0.0);
        assert!(stated(80.0, Hedge::AtMost, 0.5).compatible(&fact));
        assert!(!stated(95.0, Hedge::AtMost, 0.5).compatible(&fact));
        assert!(!stated(90.0, Hedge::Exact, 0.5).compatible(&fact));
    }

    #[test]
    fn a_bound_is_not_stretched_by_rounding() {
        let text = stated(90.0, Hedge::AtLeast, Amount::rounding(90.0, 0, 1.0));
        assert!(!text.compatible(&Amount::exact(87.0)));
        assert!(text.compatible(&Amount::exact(91.0)));
    }

    #[test]
    fn a_figure_whose_rounding_only_touches_the_fact_s_disagrees() {
        // 16.4 held to a tenth is 16.35 to 16.45; "16.5" is 16.45 to 16.55.
        let fact = stated(16.4, Hedge::Exact, 0.05);
        assert!(!stated(16.5, Hedge::Exact, 0.05).compatible(&fact));
        assert!(stated(16.4, Hedge::Exact, 0.05).compatible(&fact));
        assert!(stated(16.45, Hedge::Exact, 0.005).compatible(&fact));
        // An exact figure equal to an exact fact still agrees.
        assert!(stated(5.0, Hedge::Exact, 0.0).compatible(&Amount::exact(5.0)));
        assert!(stated(5.0, Hedge::Exact, 0.5).compatible(&Amount::exact(5.5)));
    }

    #[test]
    fn about_an_unround_number_stretches_one_unit_of_its_last_digit() {
        let fact = stated(82.5, Hedge::Exact, 0.05);
        assert!(!stated(84.0, Hedge::About, 0.5).compatible(&fact));
        assert!(stated(83.0, Hedge::About, 0.5).compatible(&fact));
        // About a round number is as wide as ever.
        assert!(stated(80.0, Hedge::About, 0.5).compatible(&fact));
        assert!(stated(2.7, Hedge::About, 0.05).compatible(&Amount::exact(2.75)));
    }

    #[test]
    fn nearly_sits_just_below() {
        let text = stated(500_000.0, Hedge::Nearly, 25_000.0);
        assert!(text.compatible(&Amount::exact(485_000.0)));
        assert!(!text.compatible(&Amount::exact(520_000.0)));
    }

    #[test]
    fn ranks_compare_exactly_and_totals_when_both_given() {
        assert!(Value::rank(31, None).compatible(&Value::rank(31, Some(83))));
        assert!(!Value::rank(31, Some(62)).compatible(&Value::rank(31, Some(83))));
        assert!(!Value::rank(30, Some(83)).compatible(&Value::rank(31, Some(83))));
    }

    #[test]
    fn values_are_described_with_their_units() {
        let value = Value::Amount(Amount::exact(84.0));
        assert_eq!(describe(&value, Kind::Percent, None), "84%");
        assert_eq!(describe(&value, Kind::Money, Some("usd")), "84 USD");
        assert_eq!(describe(&value, Kind::Count, Some("gpus")), "84");
    }

    #[test]
    fn numbers_are_written_with_separators() {
        assert_eq!(number(485_000.0), "485,000");
        assert_eq!(number(1.5), "1.5");
        assert_eq!(ordinal(22), "22nd");
        assert_eq!(ordinal(13), "13th");
    }
}
