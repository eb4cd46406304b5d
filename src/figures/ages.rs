//! Age brackets: "aged 15 to 24", "ages 15-64", "the 15-24 age group",
//! "15-24 year-olds", "aged 65 and over", "children under five". They say
//! who is counted, not how many, so they are read as a number in `years of
//! age`, which no count, percentage or sum of money can take.

use super::{Figure, Parsed, Reader};
use crate::quantity::{Hedge, Kind, Value};

/// The unit an age bracket is read in.
const YEARS_OF_AGE: &str = "years of age";

/// Words that make the number after them an age: "aged 15 to 24".
const AGE_WORDS: &[&str] = &["aged", "age", "ages"];

/// People named before "under" or "over" that make the number an age:
/// "children under five", "people over 65".
const PEOPLE: &[&str] = &[
    "children",
    "kids",
    "babies",
    "infants",
    "toddlers",
    "people",
    "those",
    "adults",
    "pupils",
    "women",
    "men",
    "girls",
    "boys",
    "residents",
    "workers",
    "patients",
    "drivers",
    "anyone",
    "everyone",
];

/// Words after "age" that make a range a bracket: "the 15-24 age group".
const GROUP_WORDS: &[&str] = &[
    "group", "groups", "bracket", "brackets", "band", "bands", "cohort",
];

/// The oldest age a bracket is read for.
const OLDEST: f64 = 120.0;

impl Reader<'_> {
    /// The age bracket the parsed number `n` opens, and the token after it;
    /// none when the words around it do not make it an age.
    pub(super) fn age_bracket(&self, n: &Parsed) -> Option<(Figure, usize)> {
        if n.ordinal || n.scaled || n.value.fract() != 0.0 || n.value > OLDEST {
            return None;
        }
        let (mut figure, mut end) = self.amount(n.clone())?;
        let Value::Amount(mut amount) = figure.value else {
            return None;
        };
        if !matches!(figure.kind, Kind::Count | Kind::Number)
            || amount.upper.is_some_and(|upper| upper > OLDEST)
        {
            return None;
        }
        let first = self
            .toks
            .iter()
            .position(|t| t.span.start == figure.span.start)?;
        // "aged 15 to 24", "aged between 25 and 54", "aged over 65".
        let mut before = first.checked_sub(1);
        if let Some(k) = before.filter(|&k| matches!(self.word(k), Some("between" | "from"))) {
            before = k.checked_sub(1);
        }
        let aged = before
            .and_then(|k| self.word(k))
            .is_some_and(|w| AGE_WORDS.contains(&w));
        // "children under five", "people over 65".
        let people = matches!(self.word(first), Some("under" | "over"))
            && first
                .checked_sub(1)
                .and_then(|k| self.word(k))
                .is_some_and(|w| PEOPLE.contains(&w));
        // "the 15-24 age group", "the 15-24 age-group".
        let hyphen = usize::from(self.punct(end + 1) == Some('-'));
        let group = self.is_word(end, "age")
            && self
                .word(end + 1 + hyphen)
                .is_some_and(|w| GROUP_WORDS.contains(&w));
        // "15-24 year-olds".
        let year_olds = figure.unit.as_deref() == Some("year")
            && self.punct(end) == Some('-')
            && self.is_word(end + 1, "olds");
        if !(aged || people || group || year_olds) {
            return None;
        }
        if group {
            end += 2 + hyphen;
        } else if year_olds {
            end += 2;
        } else if amount.upper.is_none() && matches!(self.word(end), Some("and" | "or")) {
            // "aged 65 and over", "aged 16 or under".
            let hedge = match self.word(end + 1) {
                Some("over" | "older" | "above" | "up") => Some(Hedge::AtLeast),
                Some("under" | "younger" | "below") => Some(Hedge::AtMost),
                _ => None,
            };
            if let Some(hedge) = hedge {
                amount.hedge = hedge;
                end += 2;
            }
        }
        figure.kind = Kind::Number;
        figure.value = Value::Amount(amount);
        figure.unit = Some(YEARS_OF_AGE.to_string());
        figure.fall = false;
        figure.span.end = self.toks[end - 1].span.end;
        Some((figure, end))
    }
}
