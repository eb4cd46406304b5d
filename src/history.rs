//! Checking an edit against a git revision: figures that drift between an
//! article's old and new versions, facts edited in the rule files, and which
//! findings the edit brought (an old finding is not the edit's fault). Pure:
//! findings and facts in, findings out.

use std::collections::HashMap;

use crate::finding::{Finding, Outcome, Severity};
use crate::quantity::describe;
use crate::rules::Fact;

/// Whether an outcome compares a figure with a fact.
fn compared(outcome: Outcome) -> bool {
    outcome.compares()
}

fn shown(finding: &Finding) -> String {
    finding
        .value
        .as_ref()
        .map_or_else(String::new, ToString::to_string)
}

/// `drift` findings for one article: each fact stated in both versions
/// whose stated value changed. Claims of a fact pair up in order. The drift
/// is an error when the new value is wrong for the fact (or, for a fact with
/// no value, differs from the old one), else a warning.
pub fn drift(old: &[Finding], new: &[Finding], facts: &[Fact], rev: &str) -> Vec<Finding> {
    let mut by_fact: HashMap<&str, Vec<&Finding>> = HashMap::new();
    for finding in old
        .iter()
        .filter(|f| compared(f.outcome) && f.value.is_some())
    {
        by_fact.entry(&finding.fact).or_default().push(finding);
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut out = Vec::new();
    for now in new
        .iter()
        .filter(|f| compared(f.outcome) && f.value.is_some())
    {
        let k = seen.entry(&now.fact).or_default();
        let before = by_fact
            .get(now.fact.as_str())
            .and_then(|v| v.get(*k))
            .copied();
        *k += 1;
        let Some(before) = before else {
            continue;
        };
        if shown(before) == shown(now) {
            continue;
        }
        let has_value = facts.iter().any(|f| f.id == now.fact && f.value.is_some());
        let wrong = if has_value {
            matches!(
                now.outcome,
                Outcome::Disagree | Outcome::Stale | Outcome::Misattributed
            )
        } else {
            match (&now.value, &before.value) {
                (Some(a), Some(b)) => !a.compatible(b),
                _ => false,
            }
        };
        let mut finding = now.clone();
        finding.outcome = Outcome::Drift;
        finding.severity = if wrong {
            Severity::Error
        } else {
            Severity::Warning
        };
        finding.expected = before.found.clone();
        finding.sentence = before.sentence.clone();
        finding.corrected = Some(now.sentence.clone());
        // The drift stands for the new value's own disagreement (see
        // `absorb`), so it says why the new value is wrong.
        let why = match now.outcome {
            Outcome::Stale | Outcome::Misattributed if wrong && has_value => {
                format!(", which disagrees with the fact: {}", now.message)
            }
            _ if wrong && has_value => ", which disagrees with the fact".to_string(),
            _ => String::new(),
        };
        finding.message = format!(
            "`{}` at {rev} is now `{}`{why}",
            before.found.as_deref().unwrap_or_default(),
            now.found.as_deref().unwrap_or_default(),
        );
        finding.fix = None;
        finding.unfixable = None;
        out.push(finding);
    }
    out
}

/// One problem, one finding: takes out of `findings` each disagreement
/// (`disagree`, `stale`, `misattributed`) whose figure also drifted as an
/// error, for the drift names the fact and says the new value is wrong. One
/// is kept when `level` (the configured severity) ranks it above its drift,
/// so turning drift down never lets a wrong figure through. Returns the
/// findings taken out.
pub fn absorb(
    findings: &mut Vec<Finding>,
    drifted: &[Finding],
    level: impl Fn(&Finding) -> Option<Severity>,
) -> Vec<Finding> {
    let (taken, kept): (Vec<Finding>, Vec<Finding>) = findings.drain(..).partition(|finding| {
        let wrong = matches!(
            finding.outcome,
            Outcome::Disagree | Outcome::Stale | Outcome::Misattributed
        );
        wrong
            && drifted.iter().any(|d| {
                d.severity == Severity::Error
                    && d.sort_key() == finding.sort_key()
                    && level(d) >= level(finding)
            })
    });
    *findings = kept;
    taken
}

/// `rule-changed` findings: every fact whose value, bounds, superseded
/// values or source differ from its version at the revision, old → new.
pub fn rule_changes(old: &[Fact], new: &[Fact], rev: &str) -> Vec<Finding> {
    let before: HashMap<&str, &Fact> = old.iter().map(|f| (f.id.as_str(), f)).collect();
    let mut out = Vec::new();
    for fact in new {
        let Some(was) = before.get(fact.id.as_str()) else {
            continue;
        };
        let value = |f: &Fact| {
            f.value.as_ref().map_or("no value".to_string(), |v| {
                describe(v, f.kind, f.unit.as_deref())
            })
        };
        let superseded = |f: &Fact| {
            f.superseded
                .iter()
                .map(|s| format!("{} ({})", s.value, s.as_of))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let source = |f: &Fact| match &f.source.url {
            Some(url) => format!("{} <{url}>", f.source.name),
            None => f.source.name.clone(),
        };
        let mut changes = Vec::new();
        if value(was) != value(fact) || was.kind != fact.kind {
            changes.push(format!("value `{}` → `{}`", value(was), value(fact)));
        }
        if superseded(was) != superseded(fact) {
            changes.push(format!(
                "superseded `{}` → `{}`",
                superseded(was),
                superseded(fact)
            ));
        }
        if source(was) != source(fact) || was.as_of != fact.as_of {
            changes.push(format!(
                "source `{}, as of {}` → `{}, as of {}`",
                source(was),
                was.as_of,
                source(fact),
                fact.as_of
            ));
        }
        if changes.is_empty() {
            continue;
        }
        let path = fact.path.display().to_string();
        let mut finding = Finding::new(&fact.id, Outcome::RuleChanged, &path, fact.line, 1);
        finding.claim = fact.claim.clone();
        // As for drift: `found` is what stands now, `expected` what stood.
        finding.found = Some(value(fact));
        finding.expected = Some(value(was));
        finding.source = crate::finding::SourceRef {
            name: fact.source.name.clone(),
            url: fact.source.url.clone(),
            as_of: fact.as_of.clone(),
        };
        finding.message = format!("changed since {rev}: {}", changes.join("; "));
        out.push(finding);
    }
    out
}

/// Takes out of `new` the errors and warnings that already stood at the
/// revision (same fact, outcome and value in the same article's old
/// version) and returns them: they are not the edit's doing.
pub fn pre_existing(new: &mut Vec<Finding>, old: &[Finding]) -> Vec<Finding> {
    let mut before: HashMap<(String, Outcome, String), usize> = HashMap::new();
    for finding in old.iter().filter(|f| f.severity > Severity::Info) {
        *before
            .entry((finding.fact.clone(), finding.outcome, shown(finding)))
            .or_default() += 1;
    }
    let mut kept = Vec::new();
    let mut old_ones = Vec::new();
    for finding in new.drain(..) {
        let key = (finding.fact.clone(), finding.outcome, shown(&finding));
        match before.get_mut(&key) {
            Some(n) if *n > 0 && finding.severity > Severity::Info => {
                *n -= 1;
                old_ones.push(finding);
            }
            _ => kept.push(finding),
        }
    }
    *new = kept;
    old_ones
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quantity::Value;
    use std::path::Path;

    fn claim(outcome: Outcome, rank: u32) -> Finding {
        let mut finding = Finding::new("x", outcome, "a.txt", 1, 1);
        finding.found = Some(crate::quantity::ordinal(rank));
        finding.sentence = format!("It ranks {}.", crate::quantity::ordinal(rank));
        finding.value = Some(Value::rank(rank, None));
        finding
    }

    const RULES: &str = "[sources.s]\nname = \"S\"\n\n[[fact]]\nid = \"x\"\nclaim = \"c\"\nsource = \"s\"\nas_of = 2024\nkind = \"rank\"\nvalue = 31\ncues = [\"i\"]\nsubject = \"R\"\n";

    #[test]
    fn a_changed_figure_drifts_as_an_error_when_it_is_now_wrong() {
        let facts = crate::rules::parse(Path::new("r.toml"), RULES).unwrap();
        let found = drift(
            &[claim(Outcome::Agree, 31)],
            &[claim(Outcome::Disagree, 30)],
            &facts,
            "main",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Error);
        assert_eq!(found[0].sentence, "It ranks 31st.");
        assert_eq!(found[0].corrected.as_deref(), Some("It ranks 30th."));
        assert_eq!(
            found[0].message,
            "`31st` at main is now `30th`, which disagrees with the fact"
        );
    }

    #[test]
    fn a_correction_drifts_as_a_warning_and_no_change_does_not_drift() {
        let facts = crate::rules::parse(Path::new("r.toml"), RULES).unwrap();
        let fixed = drift(
            &[claim(Outcome::Disagree, 30)],
            &[claim(Outcome::Agree, 31)],
            &facts,
            "main",
        );
        assert_eq!(fixed[0].severity, Severity::Warning);
        assert!(
            drift(
                &[claim(Outcome::Agree, 31)],
                &[claim(Outcome::Agree, 31)],
                &facts,
                "main"
            )
            .is_empty()
        );
    }

    #[test]
    fn old_findings_are_not_the_edits() {
        let mut new = vec![claim(Outcome::Disagree, 30), claim(Outcome::Disagree, 29)];
        let old = [claim(Outcome::Disagree, 30)];
        let before = pre_existing(&mut new, &old);
        assert_eq!(before.len(), 1);
        assert_eq!(new.len(), 1);
        assert_eq!(new[0].found.as_deref(), Some("29th"));
    }

    #[test]
    fn an_edited_fact_is_reported_old_to_new() {
        let old = crate::rules::parse(Path::new("r.toml"), RULES).unwrap();
        let new = crate::rules::parse(
            Path::new("r.toml"),
            &RULES.replace("value = 31", "value = 30"),
        )
        .unwrap();
        let changes = rule_changes(&old, &new, "main");
        assert_eq!(changes.len(), 1);
        assert_eq!(
            changes[0].message,
            "changed since main: value `31st` → `30th`"
        );
        assert!(rule_changes(&old, &old, "main").is_empty());
    }
}
