//! Whether a fact can take a figure at all: its kind, unit or currency,
//! and the sign of a change.

use crate::figures::{self, Figure};
use crate::quantity::{Hedge, Kind, Value};
use crate::rules::Fact;

/// Whether a fact's value is a negative amount: a fall, stated as a change.
pub(super) fn negative(fact: &Fact) -> bool {
    match &fact.value {
        Some(Value::Amount(amount)) => {
            amount.nominal < 0.0 || amount.upper.is_some_and(|u| u < 0.0)
        }
        _ => false,
    }
}

/// A stated amount with its sign turned: a fall of 12 is a change of -12.
pub(super) fn negate(value: &Value) -> Value {
    match value {
        Value::Amount(amount) if amount.nominal > 0.0 => {
            let mut turned = *amount;
            turned.nominal = -amount.nominal;
            turned.upper = amount.upper.map(|u| -u);
            if let Some(upper) = turned.upper {
                // Keep the range low to high.
                turned.upper = Some(turned.nominal);
                turned.nominal = upper;
            }
            turned.hedge = match amount.hedge {
                Hedge::AtLeast => Hedge::AtMost,
                Hedge::AtMost => Hedge::AtLeast,
                other => other,
            };
            Value::Amount(turned)
        }
        other => other.clone(),
    }
}

/// Whether a fact counted in basis points takes a figure in percentage
/// points ("half a percentage point" for 50 basis points), at a hundred
/// basis points to the point.
pub(crate) fn points_for_basis_points(fact: &Fact, figure: &Figure) -> bool {
    fact.kind == Kind::Number
        && fact
            .unit
            .as_deref()
            .is_some_and(|u| figures::canonical_unit(u) == "basis points")
        && figure.kind == Kind::Percent
        && figure.unit.as_deref() == Some("points")
}

/// Whether a fact is counted in points of difference (basis points,
/// percentage points): a change is then its value, not a change in it.
pub(super) fn counts_differences(fact: &Fact) -> bool {
    fact.unit.as_deref().is_some_and(|u| {
        matches!(
            figures::canonical_unit(u).as_str(),
            "basis points" | "percentage points"
        )
    })
}

/// A stated amount multiplied by `factor`: 0.5 percentage points is 50
/// basis points.
pub(super) fn scaled(value: &Value, factor: f64) -> Value {
    match value {
        Value::Amount(amount) => {
            let mut scaled = *amount;
            scaled.nominal *= factor;
            scaled.slack *= factor;
            scaled.upper = amount.upper.map(|u| u * factor);
            Value::Amount(scaled)
        }
        other => other.clone(),
    }
}

pub(super) fn unit_note(unit: Option<&str>) -> String {
    unit.map_or(String::new(), |u| format!(" in {u}"))
}

/// Whether the word read as a figure's unit is a word of the fact's cue,
/// naming the measure rather than what is counted: "a 90 CPI score".
fn unit_is_cue(fact: &Fact, unit: Option<&str>) -> bool {
    unit.is_some_and(|unit| {
        fact.cues.iter().any(|cue| {
            cue.split(|c: char| !c.is_alphanumeric())
                .any(|w| w.eq_ignore_ascii_case(unit))
        })
    })
}

/// Whether a fact can take a figure: same kind, same unit or currency.
pub fn accepts(fact: &Fact, figure: &Figure) -> bool {
    // A score ("out of 100", "points") may be written as a bare number:
    // "Finland scored 87", "a score of 39".
    let bare_score = fact.kind == Kind::Number
        && fact
            .unit
            .as_deref()
            .is_some_and(|u| u.starts_with("out of ") || u.starts_with("point"))
        && figure.kind == Kind::Count
        && (figure.unit.is_none() || unit_is_cue(fact, figure.unit.as_deref()));
    // "11.0 GWh" read as a count of its unit is an amount of it.
    let measured = fact.kind == Kind::Number
        && figure.kind == Kind::Count
        && figure.unit.is_some()
        && same_unit(fact.unit.as_deref(), figure.unit.as_deref());
    // A measure kept to decimals is often written without its unit: "the
    // fertility rate fell to 1.20". A count of whole things is never 1.20.
    let bare_decimal = fact.kind == Kind::Number
        && figure.kind == Kind::Count
        && figure.unit.is_none()
        && fractional(&figure.value)
        && fact.value.as_ref().is_some_and(fractional);
    if bare_score || bare_decimal || measured || points_for_basis_points(fact, figure) {
        return true;
    }
    let kind_fits = fact.kind == figure.kind
        || (fact.kind == Kind::Year
            && matches!(figure.value, Value::Date(date) if date.year.is_some() && date.day.is_none()));
    if !kind_fits {
        return false;
    }
    match fact.kind {
        Kind::Percent | Kind::Money | Kind::Number => {
            same_unit(fact.unit.as_deref(), figure.unit.as_deref())
        }
        // A count with no counted word ("scraped together about 3,500")
        // may be the fact's.
        // A count of whole things is not "91.6": a decimal with no scale
        // word is another measure.
        Kind::Count
            if fractional(&figure.value) && fact.value.as_ref().is_some_and(|v| !fractional(v)) =>
        {
            false
        }
        Kind::Count => {
            fact.unit.is_none()
                || figure.unit.is_none()
                || same_unit(fact.unit.as_deref(), figure.unit.as_deref())
        }
        // A sub-ranking ("second in talent") is not the overall rank.
        Kind::Rank => figure.unit.is_none(),
        _ => true,
    }
}

/// Whether a figure's value has a fractional part.
fn fractional(value: &Value) -> bool {
    matches!(value, Value::Amount(a) if a.nominal.fract() != 0.0)
}

/// Whether two units name the same thing, forgiving plurals and the
/// spellings the figure reader folds ("nm" and "nanometre").
pub(super) fn same_unit(fact: Option<&str>, figure: Option<&str>) -> bool {
    fn stem(unit: &str) -> String {
        let folded = figures::canonical_unit(unit);
        folded.trim_end_matches('s').to_string()
    }
    // A score in points ("a score of 44", "44 points") is a score out of
    // the index's total ("44 out of 100").
    let score = |unit: &str| unit == "point" || unit.starts_with("out of ");
    match (fact, figure) {
        (None, None) => true,
        (Some(a), Some(b)) => {
            let (a, b) = (stem(a), stem(b));
            a == b || (score(&a) && score(&b) && (a == "point" || b == "point"))
        }
        _ => false,
    }
}
