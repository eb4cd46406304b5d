//! Sources that disagree: claims about the same fact, in different articles
//! of one run, whose values cannot both be true. This works for facts with
//! no value at all ("these articles must agree on Russia's rank"), where it
//! is the only check there is; for facts with a value, whose disagreements
//! are already errors, the conflict is a warning on each article that is
//! wrong, naming where the fact is stated rightly, and never on an article
//! that states the fact correctly.

use std::collections::BTreeMap;

use crate::finding::{Finding, Location, Outcome, Severity};
use crate::rules::Fact;

/// `conflict` findings for facts on which articles state incompatible
/// values: for a fact with no value, one finding at its first claim; for a
/// fact with a value, one on each article whose claim is wrong (never on one
/// that agrees with the fact). Two different facts never conflict, whatever
/// they share.
pub fn conflicts<'a>(
    findings: impl IntoIterator<Item = &'a Finding>,
    facts: &[Fact],
) -> Vec<Finding> {
    let mut by_fact: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for finding in findings {
        if finding.outcome.compares() && finding.value.is_some() {
            by_fact
                .entry(finding.fact.as_str())
                .or_default()
                .push(finding);
        }
    }
    let mut out = Vec::new();
    for (id, mut claims) in by_fact {
        claims.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        let has_value = facts.iter().any(|f| f.id == id && f.value.is_some());
        if has_value {
            out.extend(on_wrong_articles(&claims));
            continue;
        }
        let Some(first) = claims.first().copied() else {
            continue;
        };
        let other = claims
            .iter()
            .copied()
            .find(|c| c.path != first.path && !agree(c, first));
        let Some(other) = other else {
            continue;
        };
        out.push(conflict(first, other, &claims, has_value));
    }
    out
}

/// For a fact with a value: a conflict on each article whose first wrong
/// claim another article contradicts, naming preferably a claim that agrees
/// with the fact. An article that states the fact correctly gets none.
fn on_wrong_articles(claims: &[&Finding]) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut done: Vec<&str> = Vec::new();
    for wrong in claims.iter().copied() {
        if wrong.outcome == Outcome::Agree || done.contains(&wrong.path.as_str()) {
            continue;
        }
        let other = claims
            .iter()
            .copied()
            .filter(|c| c.path != wrong.path && !agree(c, wrong))
            .min_by(|a, b| {
                (a.outcome != Outcome::Agree, a.sort_key())
                    .cmp(&(b.outcome != Outcome::Agree, b.sort_key()))
            });
        let Some(other) = other else {
            continue;
        };
        done.push(&wrong.path);
        out.push(conflict(wrong, other, claims, true));
    }
    out
}

/// Whether two claims' values can both be true.
fn agree(a: &Finding, b: &Finding) -> bool {
    match (&a.value, &b.value) {
        (Some(x), Some(y)) => x.compatible(y) && y.compatible(x),
        _ => true,
    }
}

fn conflict(first: &Finding, other: &Finding, claims: &[&Finding], has_value: bool) -> Finding {
    let found = first.found.clone().unwrap_or_default();
    let theirs = other.found.clone().unwrap_or_default();
    let related: Vec<Location> = claims
        .iter()
        .filter(|c| !std::ptr::eq(**c, first))
        .map(|c| Location {
            path: c.path.clone(),
            line: c.line,
            column: c.column,
            found: c.found.clone().unwrap_or_default(),
            sentence: c.sentence.clone(),
        })
        .collect();
    let differing = {
        let mut paths: Vec<&str> = claims
            .iter()
            .filter(|c| c.path != first.path && !agree(c, first))
            .map(|c| c.path.as_str())
            .collect();
        paths.sort_unstable();
        paths.dedup();
        paths.len()
    };
    let more = match differing {
        0 | 1 => String::new(),
        2 => " and 1 more article".to_string(),
        n => format!(" and {} more articles", n - 1),
    };
    Finding {
        fact: first.fact.clone(),
        claim: first.claim.clone(),
        outcome: Outcome::Conflict,
        // With a value, each wrong claim is already an error of its own.
        severity: if has_value {
            Severity::Warning
        } else {
            Severity::Error
        },
        path: first.path.clone(),
        line: first.line,
        column: first.column,
        span: first.span,
        found: first.found.clone(),
        expected: None,
        sentence: first.sentence.clone(),
        corrected: Some(other.sentence.clone()),
        source: first.source.clone(),
        message: format!(
            "articles disagree: `{found}` here, `{theirs}` at {}:{}{more}",
            other.path, other.line
        ),
        fix: None,
        unfixable: None,
        related,
        confidence: first.confidence.clone(),
        unsure: None,
        value: first.value.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quantity::Value;

    fn claim(fact: &str, path: &str, line: usize, rank: u32) -> Finding {
        let mut finding = Finding::new(fact, Outcome::Agree, path, line, 1);
        finding.found = Some(crate::quantity::ordinal(rank));
        finding.sentence = format!("It ranks {}.", crate::quantity::ordinal(rank));
        finding.value = Some(Value::rank(rank, None));
        finding
    }

    #[test]
    fn articles_that_disagree_conflict_once_naming_every_place() {
        let findings = [
            claim("x", "a.txt", 3, 31),
            claim("x", "b.txt", 7, 30),
            claim("x", "c.txt", 1, 31),
        ];
        let found = conflicts(&findings, &[]);
        assert_eq!(found.len(), 1);
        let conflict = &found[0];
        assert_eq!((conflict.path.as_str(), conflict.line), ("a.txt", 3));
        assert_eq!(conflict.severity, Severity::Error);
        assert_eq!(conflict.corrected.as_deref(), Some("It ranks 30th."));
        let places: Vec<_> = conflict
            .related
            .iter()
            .map(|l| (l.path.as_str(), l.line))
            .collect();
        assert_eq!(places, [("b.txt", 7), ("c.txt", 1)]);
    }

    #[test]
    fn different_facts_and_agreeing_articles_do_not_conflict() {
        let findings = [
            claim("tortoise", "a.txt", 3, 31),
            claim("stanford", "b.txt", 7, 28),
            claim("tortoise", "c.txt", 2, 31),
        ];
        assert!(conflicts(&findings, &[]).is_empty());
    }

    #[test]
    fn with_a_value_the_conflict_is_on_each_wrong_article_only() {
        const RULES: &str = "[sources.s]\nname = \"S\"\n\n[[fact]]\nid = \"x\"\nclaim = \"c\"\nsource = \"s\"\nas_of = 2024\nkind = \"rank\"\nvalue = 31\ncues = [\"i\"]\nsubject = \"R\"\n";
        let fact = crate::rules::parse(std::path::Path::new("r.toml"), RULES).unwrap();
        let mut right = claim("x", "a.txt", 3, 31);
        right.outcome = Outcome::Agree;
        let mut wrong = claim("x", "b.txt", 7, 30);
        wrong.outcome = Outcome::Disagree;
        let mut other = claim("x", "c.txt", 1, 29);
        other.outcome = Outcome::Disagree;
        let found = conflicts(&[right, wrong, other], &fact);
        let places: Vec<_> = found.iter().map(|c| c.path.as_str()).collect();
        assert_eq!(places, ["b.txt", "c.txt"]);
        assert!(found.iter().all(|c| c.severity == Severity::Warning));
        assert!(
            found[0].message.contains("at a.txt:3"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn one_article_alone_does_not_conflict_with_itself() {
        let findings = [claim("x", "a.txt", 3, 31), claim("x", "a.txt", 9, 32)];
        assert!(conflicts(&findings, &[]).is_empty());
    }
}
