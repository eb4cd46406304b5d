//! Judging a claim: does the figure an article states agree with the fact,
//! with one of its earlier values, or with another fact about the same
//! subject?

use crate::figures::Figure;
use crate::finding::Outcome;
use crate::quantity::Value;
use crate::rules::Fact;

/// The judgement on one claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    /// What the claim is.
    pub outcome: Outcome,
    /// A one-line explanation.
    pub message: String,
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
    let Some(value) = &this.value else {
        return Verdict {
            outcome: Outcome::Agree,
            message: format!("`{}` has no value to compare with", this.id),
        };
    };
    if stated.compatible(value) {
        return Verdict {
            outcome: Outcome::Agree,
            message: format!("`{stated}` agrees with `{value}`"),
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
                "`{stated}` is the superseded value of {}; it is `{value}` as of {}",
                old.as_of, this.as_of
            ),
        };
    }
    let other = facts.iter().enumerate().find(|&(g, other)| {
        g != fact
            && other.kind == this.kind
            && shares_subject(this, other)
            && other.value.as_ref().is_some_and(|v| stated.compatible(v))
    });
    if let Some((_, other)) = other {
        return Verdict {
            outcome: Outcome::Misattributed,
            message: format!(
                "`{stated}` is the value of `{}` ({}), not of `{}`, which is `{value}`",
                other.id, other.claim, this.id
            ),
        };
    }
    Verdict {
        outcome: Outcome::Disagree,
        message: format!("`{stated}` disagrees with `{value}`"),
    }
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

/// Whether two facts are about the same subject.
fn shares_subject(a: &Fact, b: &Fact) -> bool {
    a.subjects
        .iter()
        .any(|s| b.subjects.iter().any(|t| s.eq_ignore_ascii_case(t)))
}
