//! Judging a claim: does the figure an article states agree with the fact,
//! with one of its earlier values, or with another fact about the same
//! subject?

use crate::figures::Figure;
use crate::finding::Outcome;
use crate::finding::{Confidence, Level};
use crate::quantity::{Value, describe};
use crate::rules::Fact;

/// The judgement on one claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    /// What the claim is.
    pub outcome: Outcome,
    /// A one-line explanation.
    pub message: String,
}

/// An error on a binding that is not confident becomes a `review`: the
/// figure may not be the fact's at all, so an editor looks before anything
/// is called wrong or fixed.
pub fn weigh_confidence(verdict: Verdict, confidence: Option<&Confidence>) -> Verdict {
    let error = matches!(
        verdict.outcome,
        Outcome::Disagree | Outcome::Stale | Outcome::Misattributed
    );
    match confidence {
        Some(confidence) if error && confidence.level < Level::High => {
            let why = match &confidence.rival {
                Some(rival) => match confidence.evidence.split_once("; ") {
                    Some((_, doubt)) => format!("{rival} came close; {doubt}"),
                    None => format!("{rival} came close"),
                },
                None if confidence.evidence.contains(';') => confidence.evidence.clone(),
                None => format!("{} only", confidence.evidence),
            };
            Verdict {
                outcome: Outcome::Review,
                message: format!(
                    "{} ({}), but the binding is not sure ({why}): check which figure the sentence gives",
                    verdict.message, verdict.outcome
                ),
            }
        }
        _ => verdict,
    }
}

/// The other fact, of the same subject and kind, whose exact value a
/// stated value is.
fn owner_of(facts: &[Fact], fact: usize, stated: &Value) -> Option<usize> {
    let this = &facts[fact];
    facts.iter().enumerate().position(|(g, other)| {
        g != fact
            && other.kind == this.kind
            && shares_subject(this, other)
            && is_point(stated)
            && other
                .value
                .as_ref()
                .is_some_and(|v| is_point(v) && stated.compatible(v))
    })
}

/// A misattribution the sentence cannot tell from a right statement of the
/// other fact becomes a `review`: when the sentence names the other fact's
/// cue too ("gross margin" for both the GAAP and the adjusted figure), the
/// writer may simply mean the other fact.
pub fn weigh_misattribution(
    verdict: Verdict,
    facts: &[Fact],
    fact: usize,
    figure: Option<&Figure>,
    sentence: &str,
) -> Verdict {
    if verdict.outcome != Outcome::Misattributed {
        return verdict;
    }
    let Some(other) = figure.and_then(|f| owner_of(facts, fact, &f.value)) else {
        return verdict;
    };
    let lower = sentence.to_lowercase();
    let names_other = facts[other]
        .cues
        .iter()
        .any(|cue| lower.contains(&cue.to_lowercase()));
    if !names_other {
        return verdict;
    }
    Verdict {
        outcome: Outcome::Review,
        message: format!(
            "{}; the sentence names `{}`'s cue too, so it may mean that fact: check which one it states",
            verdict.message, facts[other].id
        ),
    }
}

/// Judges the figure bound to `facts[fact]` (`None`: no figure was read).
pub fn judge(facts: &[Fact], fact: usize, figure: Option<&Figure>) -> Verdict {
    let this = &facts[fact];
    let Some(figure) = figure else {
        return Verdict {
            outcome: Outcome::Unsupported,
            message: format!(
                "the sentence names `{}` but states no {} that could be read",
                this.id, this.kind
            ),
        };
    };
    let stated = as_stated(this, &figure.value);
    let unit = figure.unit.as_deref();
    let said = describe(&stated, figure.kind, unit);
    let Some(value) = &this.value else {
        return Verdict {
            outcome: Outcome::Agree,
            message: format!("`{}` has no value to compare with", this.id),
        };
    };
    let want = describe(value, this.kind, this.unit.as_deref().or(unit));
    if stated.compatible(value) {
        if let Some(old) = edition_as_written(this, &stated, value) {
            return Verdict {
                outcome: Outcome::AmbiguousEdition,
                message: format!(
                    "`{said}` agrees with `{want}` only by rounding, but is exactly the value of the {} edition, superseded as of {}: check which edition the article quotes",
                    old.as_of, this.as_of
                ),
            };
        }
        return Verdict {
            outcome: Outcome::Agree,
            message: format!("`{said}` agrees with `{want}`"),
        };
    }
    if let Some(old) = this
        .superseded
        .iter()
        .find(|old| stated.compatible(&old.value))
    {
        return Verdict {
            outcome: Outcome::Stale,
            message: format!(
                "`{said}` is the superseded value of {}; it is `{want}` as of {}",
                old.as_of, this.as_of
            ),
        };
    }
    if let Some(other) = owner_of(facts, fact, &stated).map(|g| &facts[g]) {
        return Verdict {
            outcome: Outcome::Misattributed,
            message: format!(
                "`{said}` is the value of `{}` ({}), not of `{}`, which is `{want}`",
                other.id, other.claim, this.id
            ),
        };
    }
    Verdict {
        outcome: Outcome::Disagree,
        message: format!("`{said}` disagrees with `{want}`"),
    }
}

/// The superseded edition a rounded figure states exactly as written, when
/// the figure agrees with the fact's current value only by its rounding
/// ("5%" for 5.1 now, 5.0 before).
fn edition_as_written<'f>(
    fact: &'f Fact,
    stated: &Value,
    value: &Value,
) -> Option<&'f crate::rules::Superseded> {
    let Value::Amount(amount) = stated else {
        return None;
    };
    if amount.slack == 0.0 {
        return None;
    }
    let mut written = *amount;
    written.slack = 0.0;
    let written = Value::Amount(written);
    if written.compatible(value) {
        return None;
    }
    fact.superseded
        .iter()
        .find(|old| written.compatible(&old.value))
}

/// The stated value, without rounding when the fact demands exactness.
fn as_stated(fact: &Fact, value: &Value) -> Value {
    match value {
        Value::Amount(amount) if fact.exact => {
            let mut amount = *amount;
            amount.slack = 0.0;
            Value::Amount(amount)
        }
        other => other.clone(),
    }
}

/// Whether a value names one point, not a bound or a range: only such a
/// value can be exactly another fact's value.
fn is_point(value: &Value) -> bool {
    match value {
        Value::Amount(amount) => {
            amount.upper.is_none() && amount.hedge == crate::quantity::Hedge::Exact
        }
        Value::Rank { best, worst, .. } => best == worst,
        Value::Year(_) | Value::Date(_) => true,
    }
}

/// Whether two facts are about the same subject.
fn shares_subject(a: &Fact, b: &Fact) -> bool {
    a.subjects
        .iter()
        .any(|s| b.subjects.iter().any(|t| s.eq_ignore_ascii_case(t)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figures;
    use crate::rules;
    use std::path::Path;

    const RULES: &str = r#"
[sources.s]
name = "A source"

[[fact]]
id = "drop"
claim = "Fall in imports, in percent"
source = "s"
as_of = 2024
kind = "percent"
value = 84
cues = ["imports"]
subject = "Russia"

[[fact]]
id = "emigrated"
claim = "Share of talent that left, in percent"
source = "s"
as_of = 2024
kind = "percent"
at_most = 80
cues = ["talent"]
subject = "Russia"
"#;

    fn outcome(fact: usize, text: &str) -> Outcome {
        let facts = rules::parse(Path::new("r.toml"), RULES).unwrap();
        let figure = figures::read(text).into_iter().next().unwrap();
        judge(&facts, fact, Some(&figure)).outcome
    }

    const EDITIONS: &str = r#"
[sources.s]
name = "A source"

[[fact]]
id = "jobless"
claim = "Unemployment rate, in percent"
source = "s"
as_of = 2025
kind = "percent"
value = 5.1
cues = ["unemployment"]
subject = "Chile"

  [[fact.superseded]]
  value = 5.0
  as_of = 2024
"#;

    fn edition(text: &str) -> Outcome {
        let facts = rules::parse(Path::new("r.toml"), EDITIONS).unwrap();
        let figure = figures::read(text).into_iter().next().unwrap();
        judge(&facts, 0, Some(&figure)).outcome
    }

    #[test]
    fn a_rounded_figure_that_is_exactly_an_old_edition_is_ambiguous() {
        assert_eq!(edition("5%"), Outcome::AmbiguousEdition);
        assert_eq!(edition("5.0%"), Outcome::AmbiguousEdition);
        assert_eq!(edition("4.9%"), Outcome::Disagree);
        assert_eq!(edition("5.1%"), Outcome::Agree);
        assert_eq!(edition("about 5%"), Outcome::Agree);
        assert_eq!(edition("6%"), Outcome::Disagree);
    }

    #[test]
    fn another_facts_exact_value_is_misattributed() {
        assert_eq!(outcome(1, "84 percent"), Outcome::Misattributed);
    }

    #[test]
    fn a_hedged_figure_is_never_misattributed() {
        assert_eq!(outcome(1, "up to 95 percent"), Outcome::Disagree);
    }

    #[test]
    fn a_figure_under_another_facts_bound_is_not_misattributed() {
        assert_eq!(outcome(0, "42 percent"), Outcome::Disagree);
    }
}
